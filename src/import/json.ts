/**
 * JSON -> AnnotationDocument: the project's own standoff JSON (checked, not trusted: every span must carry the text
 * it covers), or a news-gold file (../shared/data/news-gold/*.gold.json, GUIDELINES.md) given with its text.
 */
import type { AnnotationDocument } from '../emit/format';
import { FORMAT_NAME } from '../emit/format';
import { codePointText, QUOTE_MARKS, type CodePointText } from '../export/common';
import { buildLayers, entityType, hasArabic, ImportError, skeletonDocument, TIMEX_TYPES, type RawEntity, type RawEntry, type RawQuote, type RawTimex } from './document';

/** The project's JSON as is, or (with `text`) a news-gold file turned into a document over that text. */
export function importJson(json: string, text?: string, base?: AnnotationDocument): AnnotationDocument {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ImportError(`not JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object') throw new ImportError('not a JSON object');
  const o = data as Record<string, unknown>;
  if (o.format === FORMAT_NAME) return checkDocument(o as unknown as AnnotationDocument);
  if (Array.isArray(o.entities) && Array.isArray(o.quotes) && typeof o.offsets === 'string') {
    if (text === undefined) throw new ImportError('a news-gold file needs its text (the .txt beside it)');
    return importNewsGold(o as unknown as NewsGold, text, base);
  }
  throw new ImportError(`neither a "${FORMAT_NAME}" document nor a news-gold file`);
}

function checkDocument(doc: AnnotationDocument): AnnotationDocument {
  for (const k of ['text', 'entities', 'timex', 'quotes', 'entityTable', 'paragraphs', 'sentences'] as const) {
    if (doc[k] === undefined) throw new ImportError(`"${k}" missing`);
  }
  const cp = codePointText(doc.text);
  const spans: [string, { start: number; end: number; text: string }][] = [
    ...doc.entities.map((m) => [m.id, m] as [string, typeof m]),
    ...doc.timex.map((t) => [t.id, t] as [string, typeof t]),
    ...doc.quotes.map((q) => [q.id, q] as [string, typeof q]),
  ];
  for (const [id, s] of spans) {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= cp.length) || cp.slice(s.start, s.end) !== s.text) {
      throw new ImportError(`${id}: span ${s.start}-${s.end} does not cover «${s.text}» in the text`);
    }
  }
  return doc;
}

export interface NewsGold {
  docno?: string;
  source?: string;
  published?: string;
  entities: { type: string; start: number; end: number; text: string; ref?: string; value?: string }[];
  /** `cue` is a span in the seed gold, the cue's words (a spec string) in the news gold. */
  quotes: { start: number; end: number; text: string; kind?: 'speech' | 'term'; speaker?: { start: number; end: number; text: string; ref?: string }; cue?: { start: number; end: number } | string }[];
}

/** The quote marks around quoted words (the gold gives only the words): nearest mark each side, over spaces. */
function marksAround(cp: CodePointText, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && /[ \t]/.test(cp.slice(a - 1, a))) a--;
  const s = a > 0 && QUOTE_MARKS.has(cp.slice(a - 1, a)) ? a - 1 : start;
  let b = end;
  while (b < cp.length && /[ \t]/.test(cp.slice(b, b + 1))) b++;
  const e = b < cp.length && QUOTE_MARKS.has(cp.slice(b, b + 1)) ? b + 1 : end;
  return { start: s, end: e };
}

/** A cue given as words: its occurrence nearest the quote (one before it wins a tie). */
function locateCue(cp: CodePointText, words: string, quote: { start: number; end: number }): { start: number; end: number } | undefined {
  const len = Array.from(words).length;
  let best: { start: number; end: number; d: number } | undefined;
  const text = cp.text;
  for (let i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
    const start = cp.conv.toCodePoint(i);
    const end = start + len;
    const d = end <= quote.start ? quote.start - end : start >= quote.end ? start - quote.end + 0.5 : Infinity;
    if (!best || d < best.d) best = { start, end, d };
  }
  return best && best.d !== Infinity ? { start: best.start, end: best.end } : undefined;
}

/**
 * A news-gold file as a document. `base` (e.g. `annotate(text)`) lends its text layers (paragraphs, sentences,
 * tokens, metadata); the gold gives entities, temporal expressions and quotes. Entity-table entries group mentions
 * by `ref`; a speaker whose `ref` names no entity keeps it as its description.
 */
export function importNewsGold(gold: NewsGold, text: string, base?: AnnotationDocument): AnnotationDocument {
  const doc = base ? { ...base, entities: [], timex: [], quotes: [], entityTable: [] } : skeletonDocument({ text, id: gold.docno ?? gold.source?.replace(/\.txt$/, ''), metadata: gold.published ? { published: gold.published } : {} });
  if (base && base.text !== text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')) throw new ImportError('the base document is over another text');
  const cp = codePointText(doc.text);
  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  const entries = new Map<string, RawEntry>();
  gold.entities.forEach((e, i) => {
    if (cp.slice(e.start, e.end) !== e.text) throw new ImportError(`gold entity ${i} ${e.start}-${e.end} does not cover «${e.text}»`);
    const et = entityType(e.type);
    if (et) {
      entities.push({ key: `g${i}`, type: et, start: e.start, end: e.end, ...(e.ref ? { entity: e.ref } : {}) });
      if (e.ref) {
        const entry = entries.get(e.ref) ?? { key: e.ref, type: et, latin: e.ref };
        if (hasArabic(e.text) && (entry.ar === undefined || e.text.length > entry.ar.length)) entry.ar = e.text;
        entries.set(e.ref, entry);
      }
    } else if (TIMEX_TYPES.has(e.type)) {
      timex.push({ type: e.type as RawTimex['type'], start: e.start, end: e.end, ...(e.value !== undefined ? { value: e.value } : {}) });
    }
  });
  const quotes: RawQuote[] = gold.quotes.map((q) => {
    const outer = marksAround(cp, q.start, q.end);
    const sp = q.speaker;
    const mention = sp ? entities.find((m) => m.start === sp.start && m.end === sp.end) : undefined;
    const entity = sp?.ref && entries.has(sp.ref) ? sp.ref : undefined;
    const cue = typeof q.cue === 'string' ? locateCue(cp, q.cue, outer) : q.cue;
    return {
      kind: q.kind ?? 'speech',
      ...outer,
      inner: { start: q.start, end: q.end },
      ...(cue ? { cue: { start: cue.start, end: cue.end } } : {}),
      ...(sp ? { speaker: { start: sp.start, end: sp.end, ...(mention ? { mention: mention.key } : {}), ...(entity ? { entity } : {}), ...(!entity && sp.ref ? { description: sp.ref } : {}), via: 'explicit' as const } } : {}),
    };
  });
  return buildLayers(doc, { entities, timex, quotes, entries: [...entries.values()] });
}
