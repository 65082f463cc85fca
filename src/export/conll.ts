/**
 * CoNLL BIO: one token a line, `TOKEN START END NER QUOTE` (tab-separated, code-point offsets), a blank line
 * between sentences, `# key = value` comment lines at the top (as ../shared/formats/article.conll).
 *
 * NER holds entity mentions and temporal expressions, QUOTE the quotes (marks included). A token that an
 * annotation boundary cuts (a proclitic before a name: «وأمازون», «للصين») is split there into two rows, so every
 * span comes back exactly. BIO cannot hold overlapping spans of one column: the later one is left out and counted.
 * Values, speakers and the entity table do not fit in BIO; the other formats carry them.
 */
import type { AnnotationDocument, JsonSpan } from '../emit/format';
import { normalise } from '../normalise';
import { segment } from '../segment';
import { byPosition, codePointText, quoteOuter, type ExportResult } from './common';

interface Tagged {
  start: number;
  end: number;
  type: string;
}

/** Tokens (code points) with their sentence ids: the document's own, else the segmenter's on its text. */
function tokensOf(doc: AnnotationDocument): { tokens: (JsonSpan & { sentence: string })[]; derived: boolean } {
  if (doc.tokens?.length) return { tokens: doc.tokens, derived: false };
  // the document's text is already as ingest leaves it (no BOM, LF): segment it as the pipeline would
  const seg = segment(normalise({ id: doc.id, text: doc.text, meta: {}, source: { path: doc.source.path, encoding: doc.source.encoding, format: 'api' } }));
  const cp = codePointText(doc.text);
  return {
    tokens: seg.tokens.map((t) => ({ start: cp.conv.toCodePoint(t.start), end: cp.conv.toCodePoint(t.end), text: t.text, sentence: `s${t.sentence + 1}` })),
    derived: true,
  };
}

/** Keep spans that do not overlap an earlier kept one (input order = priority). */
function nonOverlapping(spans: Tagged[]): { kept: Tagged[]; dropped: number } {
  const kept: Tagged[] = [];
  let dropped = 0;
  for (const s of spans) {
    if (s.end <= s.start || kept.some((k) => k.start < s.end && s.start < k.end)) dropped++;
    else kept.push(s);
  }
  kept.sort(byPosition);
  return { kept, dropped };
}

/**
 * BIO tags of consecutive pieces against sorted, non-overlapping spans: a cursor that only moves forward (pieces
 * come in text order), so tagging is linear in tokens + spans. Records which spans got their B.
 */
function bioTagger(spans: Tagged[]) {
  let i = 0;
  const begun = new Set<Tagged>();
  return {
    tag(start: number, end: number): string {
      while (i < spans.length && spans[i].end <= start) i++;
      const s = spans[i];
      if (!s || s.start > start || end > s.end) return 'O';
      if (s.start === start) begun.add(s);
      return `${s.start === start ? 'B' : 'I'}-${s.type}`;
    },
    unbegun: () => spans.filter((s) => !begun.has(s)).length,
  };
}

export function exportConll(doc: AnnotationDocument): ExportResult {
  const notes: string[] = [];
  const cp = codePointText(doc.text);
  const ner = nonOverlapping([...doc.entities.map((m) => ({ start: m.start, end: m.end, type: m.type })), ...doc.timex.map((t) => ({ start: t.start, end: t.end, type: t.type }))]);
  const quotes = nonOverlapping(doc.quotes.map((q) => ({ ...quoteOuter(q), type: 'QUOTE' })));
  if (ner.dropped) notes.push(`CoNLL left out ${ner.dropped} entity/temporal span(s) overlapping another (BIO cannot nest)`);
  if (quotes.dropped) notes.push(`CoNLL left out ${quotes.dropped} quote(s) overlapping another`);
  const { tokens, derived } = tokensOf(doc);
  if (derived) notes.push('tokens from the segmenter (the document had no token layer)');

  const cuts = new Set<number>();
  for (const s of [...ner.kept, ...quotes.kept]) cuts.add(s.start).add(s.end);
  let split = 0;
  const nerTags = bioTagger(ner.kept);
  const quoteTags = bioTagger(quotes.kept);
  const lines = [`# doc = ${doc.id.replace(/\n/g, ' ')}`, `# text-sha256 = ${doc.source.sha256}`, '# columns = TOKEN START END NER QUOTE (offsets in code points)'];
  let sentence: string | undefined;
  for (const t of tokens) {
    if (sentence !== undefined && t.sentence !== sentence) lines.push('');
    sentence = t.sentence;
    const pieces: number[] = [t.start];
    for (let i = t.start + 1; i < t.end; i++) if (cuts.has(i)) pieces.push(i);
    pieces.push(t.end);
    if (pieces.length > 2) split++;
    for (let i = 0; i + 1 < pieces.length; i++) {
      const [a, b] = [pieces[i], pieces[i + 1]];
      lines.push([cp.slice(a, b), a, b, nerTags.tag(a, b), quoteTags.tag(a, b)].join('\t'));
    }
  }
  // spans whose start falls outside every token (white space) lose their B and come back shorter or not at all
  const uncovered = nerTags.unbegun() + quoteTags.unbegun();
  if (split) notes.push(`${split} token(s) split at annotation boundaries`);
  if (uncovered) notes.push(`${uncovered} span(s) start outside every token: they come back shortened or not at all`);
  return { files: [{ name: '.conll', content: lines.join('\n') + '\n' }], notes };
}
