/**
 * CoNLL BIO (as ../export/conll.ts writes it and ../shared/formats/article.conll shows: TOKEN START END NER QUOTE,
 * code-point offsets) -> AnnotationDocument over the given text. A span runs from its B- row to its last I- row.
 * BIO carries no values, speakers or entity table: those layers come back without them.
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText } from '../export/common';
import { buildLayers, entityType, ImportError, skeletonDocument, TIMEX_TYPES, type RawEntity, type RawQuote, type RawTimex } from './document';

interface Open {
  type: string;
  start: number;
  end: number;
}

export function importConll(conll: string, text: string, id?: string): AnnotationDocument {
  const doc = skeletonDocument({ text, id });
  const cp = codePointText(doc.text);
  const spans: Record<'ner' | 'quote', Open[]> = { ner: [], quote: [] };
  const open: Record<'ner' | 'quote', Open | undefined> = { ner: undefined, quote: undefined };
  conll.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length < 5) throw new ImportError(`line ${i + 1}: expected TOKEN START END NER QUOTE, got ${cols.length} column(s)`);
    const [tok, s, e, ner, quote] = cols;
    const start = Number(s);
    const end = Number(e);
    if (cp.slice(start, end) !== tok) throw new ImportError(`line ${i + 1}: «${tok}» is not the text at ${start}-${end}`);
    for (const [col, tag] of [['ner', ner], ['quote', quote]] as const) {
      const m = /^([BI])-(.+)$/.exec(tag);
      if (!m) {
        open[col] = undefined;
        continue;
      }
      const cur = open[col];
      if (m[1] === 'I' && cur && cur.type === m[2]) cur.end = end;
      else {
        const o = { type: m[2], start, end };
        spans[col].push(o);
        open[col] = o;
      }
    }
  });
  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  spans.ner.forEach((s, i) => {
    const et = entityType(s.type);
    if (et) entities.push({ key: `c${i}`, type: et, start: s.start, end: s.end });
    else if (TIMEX_TYPES.has(s.type)) timex.push({ type: s.type as RawTimex['type'], start: s.start, end: s.end });
  });
  const quotes: RawQuote[] = spans.quote.map((s) => ({ kind: 'speech', start: s.start, end: s.end }));
  return buildLayers(doc, { entities, timex, quotes, entries: [] });
}
