import { readFileSync } from 'node:fs';
import type { SegmentedDoc } from '../../src/types';
import { normalise } from '../../src/normalise';
import { segment } from '../../src/segment';
import { TAGS } from '../../src/recognise/entities/model';
import { parseTokenTagLines } from '../../src/score/gold/token-tag';

/** A gold sentence: tokens and their flat BIO tags over PER/ORG/LOC (MISC and other types read as O). */
export interface GoldSentence {
  tokens: string[];
  tags: string[];
}

/** A gold sentence as the pipeline sees it: a segmented document and the gold tag index of each pipeline token. */
export interface TrainingDoc {
  doc: SegmentedDoc;
  /** Index into TAGS for each token of doc.tokens. */
  gold: Uint8Array;
}

const TYPE_MAP: Record<string, string> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC', FAC: 'LOC' };

/** Map a tag like B-PERS / I-GPE onto our tag set, or undefined for types we do not tag. */
export function mapTag(tag: string): string | undefined {
  const m = /^([BI])-(.+)$/.exec(tag);
  if (!m) return undefined;
  const type = TYPE_MAP[m[2]];
  return type ? `${m[1]}-${type}` : undefined;
}

/** ANERcorp: one `token tag` per line, no sentence breaks: a sentence ends after a «.» token (the scorer's reader). */
export function readAnercorp(path: string): GoldSentence[] {
  const sentences = parseTokenTagLines(readFileSync(path, 'utf8'), (t) => t.token === '.');
  return repairBio(sentences.map((s) => ({ tokens: s.map((t) => t.token), tags: s.map((t) => mapTag(t.tags[0]) ?? 'O') })));
}

/**
 * Wojood: `token tag tag…` lines, outermost layer first, blank lines between sentences, `$#$` segment markers
 * (read by the scorer's reader). Each token takes its first tag of a type we map (PERS, ORG, GPE, LOC, FAC), so an
 * ORG inside an unmapped outer entity (an OCC phrase) is still learned.
 */
export function readWojood(path: string): GoldSentence[] {
  const sentences = parseTokenTagLines(readFileSync(path, 'utf8'), (t) => (t.token === '$#$' ? 'drop' : false));
  return repairBio(sentences.map((s) => ({ tokens: s.map((t) => t.token), tags: s.map((t) => t.tags.map(mapTag).find((m) => m !== undefined) ?? 'O') })));
}

/** I-X after O or after another type becomes B-X. */
function repairBio(sents: GoldSentence[]): GoldSentence[] {
  for (const s of sents) {
    for (let i = 0; i < s.tags.length; i++) {
      const t = s.tags[i];
      if (t.startsWith('I-') && (i === 0 || s.tags[i - 1].slice(2) !== t.slice(2))) s.tags[i] = 'B-' + t.slice(2);
    }
  }
  return sents;
}

/**
 * Run the pipeline's normaliser and segmenter on gold sentences joined with spaces (one paragraph per sentence)
 * and project the gold tags onto the pipeline's tokens: a pipeline token takes the tag of the gold token it lies
 * in, B only for the first pipeline token inside a B gold token.
 */
export function toTrainingDocs(sents: GoldSentence[], perDoc = 40): TrainingDoc[] {
  const out: TrainingDoc[] = [];
  const tagIndex = new Map<string, number>(TAGS.map((t, i) => [t, i]));
  for (let d = 0; d < sents.length; d += perDoc) {
    const group = sents.slice(d, d + perDoc);
    let text = '';
    const spans: { start: number; end: number; tag: string }[] = [];
    for (const s of group) {
      if (text) text += '\n';
      s.tokens.forEach((tok, i) => {
        if (i > 0) text += ' ';
        spans.push({ start: text.length, end: text.length + tok.length, tag: s.tags[i] });
        text += tok;
      });
    }
    const doc = segment(normalise({ id: `train-${d}`, text, meta: {}, source: { path: '-', encoding: 'UTF-8', format: 'text' } }));
    const gold = new Uint8Array(doc.tokens.length);
    let g = 0;
    let lastGold = -1;
    for (const t of doc.tokens) {
      while (g < spans.length && spans[g].end <= t.start) g++;
      if (g >= spans.length || spans[g].start >= t.end) continue;
      let tag = spans[g].tag;
      if (tag.startsWith('B-') && lastGold === g) tag = 'I-' + tag.slice(2);
      lastGold = g;
      gold[t.index] = tagIndex.get(tag) ?? 0;
    }
    out.push({ doc, gold });
  }
  return out;
}
