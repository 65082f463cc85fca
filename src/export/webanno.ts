/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection whose one page holds an Annotation per entity mention,
 * temporal expression and quote, each targeting the text with a TextPositionSelector (code points, as the model
 * says) and a TextQuoteSelector (exact, with 12 code points of prefix and suffix).
 *
 * The text is named `ni:///sha-256;…` (RFC 6920), the hash of its UTF-8 bytes: the offsets hold for exactly that
 * text. Bodies: a `tagging` TextualBody with the type; `identifying` SpecificResource for the entity; TIMEX3
 * value as a `describing` TextualBody; a quote's kind as `classifying`, its speaker and cue as SpecificResources
 * on the same text with `ana:role` (a term of this project's own vocabulary, declared in the context).
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText, quoteOuter, type CodePointText, type ExportResult } from './common';

export const ANA_VOCAB = 'urn:x-arabic-news-annotator:vocab#';
const CONTEXT_LEN = 12;

export function textIri(sha256hex: string): string {
  const bytes = sha256hex.match(/../g)!.map((h) => parseInt(h, 16));
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += abc[(n >> (18 - 6 * k)) & 63];
  }
  return `ni:///sha-256;${out}`;
}

export function docBaseIri(id: string): string {
  return `urn:x-arabic-news-annotator:doc:${encodeURIComponent(id)}/`;
}

function selectors(cp: CodePointText, start: number, end: number) {
  return [
    { type: 'TextPositionSelector', start, end },
    { type: 'TextQuoteSelector', exact: cp.slice(start, end), prefix: cp.slice(Math.max(0, start - CONTEXT_LEN), start), suffix: cp.slice(end, Math.min(cp.length, end + CONTEXT_LEN)) },
  ];
}

export function exportWebAnno(doc: AnnotationDocument): ExportResult {
  const cp = codePointText(doc.text);
  const base = docBaseIri(doc.id);
  const source = textIri(doc.source.sha256);
  const target = (start: number, end: number) => ({ source, language: 'ar', textDirection: 'rtl', selector: selectors(cp, start, end) });
  const entityIri = (e: string) => `${base}entity/${encodeURIComponent(e)}`;
  const items: { start: number; end: number; order: number; item: Record<string, unknown> }[] = [];
  for (const m of doc.entities) {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: m.type }];
    if (m.entity) body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(m.entity) });
    items.push({ start: m.start, end: m.end, order: 0, item: { id: `${base}${m.id}`, type: 'Annotation', motivation: 'identifying', body, target: target(m.start, m.end) } });
  }
  for (const t of doc.timex) {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: t.type }];
    if (t.value !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: t.value, 'ana:role': 'value' });
    if (t.hijri !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: t.hijri, 'ana:role': 'hijri' });
    if (t.timezone !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: t.timezone, 'ana:role': 'timezone' });
    items.push({ start: t.start, end: t.end, order: 1, item: { id: `${base}${t.id}`, type: 'Annotation', motivation: 'classifying', body, target: target(t.start, t.end) } });
  }
  for (const q of doc.quotes) {
    const o = quoteOuter(q);
    const body: Record<string, unknown>[] = [
      { type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' },
      { type: 'TextualBody', purpose: 'classifying', value: q.kind },
    ];
    if (q.speaker) {
      if (q.speaker.entity) body.push({ type: 'SpecificResource', purpose: 'linking', source: entityIri(q.speaker.entity) });
      body.push({ type: 'SpecificResource', purpose: 'linking', 'ana:role': 'speaker', 'ana:via': q.speaker.via, ...(q.speaker.mention ? { 'ana:mention': `${base}${q.speaker.mention}` } : {}), source, selector: selectors(cp, q.speaker.start, q.speaker.end) });
      if (q.speaker.description !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', value: q.speaker.description, 'ana:role': 'speakerDescription' });
    }
    if (q.cue) body.push({ type: 'SpecificResource', purpose: 'linking', 'ana:role': 'cue', source, selector: selectors(cp, q.cue.start, q.cue.end) });
    items.push({ start: o.start, end: o.end, order: 2, item: { id: `${base}${q.id}`, type: 'Annotation', motivation: 'classifying', body, target: target(o.start, o.end) } });
  }
  items.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { ana: ANA_VOCAB }],
    id: base,
    type: 'AnnotationCollection',
    label: doc.metadata.title ?? doc.id,
    total: items.length,
    // the entity table (names), which Web Annotation has no slot for: a resource per entity in our vocabulary
    'ana:entities': doc.entityTable.map((e) => ({ id: entityIri(e.id), 'ana:type': e.type, ...(e.name.ar !== undefined ? { 'ana:nameAr': e.name.ar } : {}), ...(e.name.latin !== undefined ? { 'ana:nameLatin': e.name.latin } : {}) })),
    first: { id: `${base}page1`, type: 'AnnotationPage', items: items.map((i) => i.item) },
  };
  return { files: [{ name: '.jsonld', content: JSON.stringify(collection, null, 2) + '\n' }], notes: [] };
}
