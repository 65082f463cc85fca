/**
 * What every exporter needs from an AnnotationDocument: slicing by code-point offsets, the span a quote covers
 * with its marks, the entity-table entry of a mention, and one flat list of the document's annotations in a stable
 * order. Pure functions, no Node-only API (exports run wherever the pipeline runs).
 */
import type { AnnotationDocument, JsonEntityEntry, JsonQuote, JsonSpan } from '../emit/format';
import { offsetConverter, type OffsetConverter } from '../emit/offsets';

export type ExportFormat = 'tei' | 'tei-inline' | 'brat' | 'conll' | 'webanno';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['tei', 'tei-inline', 'brat', 'conll', 'webanno'];

export interface ExportedFile {
  name: string;
  content: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Human-readable remarks: what a format could not carry, what was left out and why. */
  notes: string[];
}

/** Quotation marks that open or close a quote (the marks the segmenter and the quote recogniser know). */
export const QUOTE_MARKS = new Set(['"', '«', '»', '“', '”', '‘', '’', '„', '‹', '›', '＂', "'"]);

/** Code-point view of a document's text: slice by code-point offsets, length in code points. */
export interface CodePointText {
  text: string;
  conv: OffsetConverter;
  slice(start: number, end: number): string;
  length: number;
}

export function codePointText(text: string): CodePointText {
  const conv = offsetConverter(text);
  return {
    text,
    conv,
    slice: (s, e) => text.slice(conv.toUtf16(s), conv.toUtf16(e)),
    length: conv.codePointLength,
  };
}

/** The whole extent of a quote, marks included (what brat, CoNLL, TEI and Web Annotation mark as the quote). */
export function quoteOuter(q: JsonQuote): { start: number; end: number } {
  const start = Math.min(q.open.start, q.start);
  const end = Math.max(q.close ? q.close.end : q.end, q.end);
  return { start, end };
}

/** A file-name stem for a document id: path separators and characters unsafe on common file systems replaced. */
export { safeFileStem as fileStem } from '../emit/filename';

export function entityById(doc: AnnotationDocument): Map<string, JsonEntityEntry> {
  return new Map(doc.entityTable.map((e) => [e.id, e]));
}

/** Canonical display name of an entity: Arabic when known, else Latin, else its id. */
export function entityName(e: JsonEntityEntry): string {
  return e.name.ar ?? e.name.latin ?? e.id;
}

export function sameSpan(a: JsonSpan | { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * The mention (entity layer) a quote's speaker points at: its `mention` (which the pipeline sets to a mention
 * overlapping the speaker phrase, so its span may differ: «الرئيس التنفيذي لأمازون» -> «أمازون»), else a mention
 * with exactly the speaker's span. `same` says whether the speaker span is that mention's span.
 */
export function speakerMention(doc: AnnotationDocument, q: JsonQuote): { id: string; same: boolean } | undefined {
  const sp = q.speaker;
  if (!sp) return undefined;
  const m = (sp.mention ? doc.entities.find((x) => x.id === sp.mention) : undefined) ?? doc.entities.find((x) => sameSpan(x, sp));
  return m ? { id: m.id, same: sameSpan(m, sp) } : undefined;
}

/** Text-order comparison: start ascending, longer first, then a tie-breaker. */
export function byPosition<T extends { start: number; end: number }>(a: T, b: T): number {
  return a.start - b.start || b.end - a.end;
}

/** Is the string an XML 1.0 Char sequence? Characters outside it cannot appear in XML even escaped. */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Make a text XML-safe without moving any code-point offset: each forbidden character (one code point) becomes
 * U+FFFD (one code point). Returns the count so the exporter can say so.
 */
export function xmlSafeText(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const out = text.replace(XML_FORBIDDEN, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: out, replaced };
}
