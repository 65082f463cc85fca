/**
 * What every importer shares: an AnnotationDocument skeleton for a text, and a builder that takes annotations
 * as each format states them (spans in code points, the format's own ids) and gives the document's layers with
 * the project's ids (m1…, t1…, q1…, E1…) in text order, every span carrying its text.
 */
import type { AnnotationDocument, JsonEntityEntry, JsonEntityMention, JsonQuote, JsonSpan, JsonTimex } from '../emit/format';
import { FORMAT_NAME, FORMAT_VERSION } from '../emit/format';
import { sha256Hex } from '../emit/json';
import { PIPELINE_VERSION } from '../version';
import { unifyNewlines } from '../ingest/decode';
import { byPosition, codePointText, QUOTE_MARKS, type CodePointText } from '../export/common';

export class ImportError extends Error {}

export interface SkeletonInput {
  text: string;
  id?: string;
  metadata?: AnnotationDocument['metadata'];
  format?: AnnotationDocument['source']['format'];
  path?: string;
}

/** A document with the text and its header, every layer empty (what an importer cannot know stays empty). */
export function skeletonDocument(input: SkeletonInput): AnnotationDocument {
  // as ingest (and brat, and XML parsers) read a text: BOM dropped, CR LF / CR unified to LF
  const bom = input.text.charCodeAt(0) === 0xfeff;
  const raw = bom ? input.text.slice(1) : input.text;
  const text = unifyNewlines(raw);
  const cp = codePointText(text);
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    pipeline: { name: 'arabic-news-annotator', version: PIPELINE_VERSION },
    id: input.id ?? 'imported',
    source: {
      path: input.path ?? '-',
      format: input.format ?? 'text',
      encoding: 'UTF-8',
      bomRemoved: bom,
      newlinesUnified: text !== raw,
      sha256: sha256Hex(text),
      length: cp.length,
      lengthUtf16: text.length,
    },
    metadata: input.metadata ?? {},
    options: {},
    text,
    offsets: 'unicode code points, 0-based, end exclusive',
    paragraphs: [],
    sentences: [],
    entities: [],
    timex: [],
    quotes: [],
    entityTable: [],
  };
}

export interface RawEntity {
  key: string;
  type: JsonEntityMention['type'];
  start: number;
  end: number;
  /** The format's id of the entity (brat LocalKB id, TEI xml:id, IRI…). */
  entity?: string;
  confidence?: number;
  component?: JsonEntityMention['component'];
}

export interface RawTimex {
  type: JsonTimex['type'];
  start: number;
  end: number;
  value?: string;
  hijri?: string;
  timezone?: string;
  confidence?: number;
  component?: JsonTimex['component'];
}

export interface RawQuote {
  kind: JsonQuote['kind'];
  /** The quote with its marks. */
  start: number;
  end: number;
  /** The quoted words when the format states them; otherwise found by stripping the marks and white space. */
  inner?: { start: number; end: number };
  cue?: { start: number; end: number };
  speaker?: { start: number; end: number; mention?: string; entity?: string; description?: string; via?: NonNullable<JsonQuote['speaker']>['via'] };
  confidence?: number;
}

export interface RawEntry {
  key: string;
  type?: JsonEntityEntry['type'];
  ar?: string;
  latin?: string;
}

export const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC']);
export const TIMEX_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);

/** Labels other tools use for the three entity types. */
export function entityType(label: string): JsonEntityMention['type'] | undefined {
  const l = label.toUpperCase();
  if (ENTITY_TYPES.has(l)) return l as JsonEntityMention['type'];
  if (l === 'PERS' || l === 'PERSON') return 'PER';
  if (l === 'ORGANIZATION' || l === 'ORGANISATION') return 'ORG';
  if (l === 'LOCATION' || l === 'GPE' || l === 'PLACE') return 'LOC';
  return undefined;
}

/**
 * Marks and quoted words of a quote given with its marks: one leading and one trailing quotation mark, the words
 * between them trimmed of white space (the JSON's convention). No closing mark: a partial quote.
 */
export function quoteParts(cp: CodePointText, start: number, end: number, inner?: { start: number; end: number }): Pick<JsonQuote, 'open' | 'close' | 'partial' | 'start' | 'end' | 'text'> {
  const chars = Array.from(cp.slice(start, end));
  const span = (s: number, e: number): JsonSpan => ({ start: s, end: e, text: cp.slice(s, e) });
  const hasOpen = chars.length > 0 && QUOTE_MARKS.has(chars[0]);
  const hasClose = chars.length > 1 && QUOTE_MARKS.has(chars[chars.length - 1]);
  const open = hasOpen ? span(start, start + 1) : span(start, start);
  const close = hasClose ? span(end - 1, end) : undefined;
  let a = open.end;
  let b = close ? close.start : end;
  if (inner) {
    a = inner.start;
    b = inner.end;
  } else {
    while (a < b && /\s/.test(chars[a - start])) a++;
    while (b > a && /\s/.test(chars[b - 1 - start])) b--;
  }
  return { ...span(a, b), open, ...(close ? { close } : {}), ...(close ? {} : { partial: true }) };
}

/**
 * Fill a skeleton's annotation layers from raw annotations. Entity-table ids are kept when they already look like
 * the project's (E12), else numbered by first mention.
 */
export function buildLayers(doc: AnnotationDocument, raw: { entities: RawEntity[]; timex: RawTimex[]; quotes: RawQuote[]; entries: RawEntry[] }): AnnotationDocument {
  const cp = codePointText(doc.text);
  const check = (what: string, s: number, e: number) => {
    if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= cp.length)) throw new ImportError(`${what}: span ${s}-${e} outside the text (length ${cp.length} code points)`);
  };
  const span = (s: number, e: number): JsonSpan => ({ start: s, end: e, text: cp.slice(s, e) });

  const entities = [...raw.entities].sort(byPosition);
  entities.forEach((m) => check(`entity ${m.key}`, m.start, m.end));
  const mentionId = new Map<string, string>();
  entities.forEach((m, i) => mentionId.set(m.key, `m${i + 1}`));
  const keepIds = raw.entries.every((e) => /^E\d+$/.test(e.key)) && entities.every((m) => !m.entity || /^E\d+$/.test(m.entity));
  const entryId = new Map<string, string>();
  const entryOf = (key: string) => {
    let id = entryId.get(key);
    if (!id) {
      id = keepIds ? key : `E${entryId.size + 1}`;
      entryId.set(key, id);
    }
    return id;
  };
  for (const m of entities) if (m.entity) entryOf(m.entity);
  const entryByKey = new Map(raw.entries.map((e) => [e.key, e]));
  const table: JsonEntityEntry[] = [];
  for (const [key, id] of entryId) {
    const mentions = entities.filter((m) => m.entity === key);
    const e = entryByKey.get(key);
    table.push({
      id,
      type: e?.type ?? mentions[0].type,
      name: { ...(e?.ar !== undefined ? { ar: e.ar } : {}), ...(e?.latin !== undefined ? { latin: e.latin } : {}) },
      mentions: mentions.map((m) => mentionId.get(m.key)!),
    });
  }
  if (keepIds) table.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));

  const timex = [...raw.timex].sort(byPosition);
  timex.forEach((t, i) => check(`temporal expression ${i + 1}`, t.start, t.end));
  const quotes = [...raw.quotes].sort(byPosition);
  quotes.forEach((q, i) => check(`quote ${i + 1}`, q.start, q.end));

  doc.entities = entities.map((m, i) => ({
    id: `m${i + 1}`,
    type: m.type,
    ...span(m.start, m.end),
    ...(m.entity ? { entity: entryId.get(m.entity)! } : {}),
    confidence: m.confidence ?? 1,
    component: m.component ?? 'rule',
  }));
  doc.timex = timex.map((t, i) => ({
    id: `t${i + 1}`,
    type: t.type,
    ...span(t.start, t.end),
    ...(t.value !== undefined ? { value: t.value } : {}),
    ...(t.timezone !== undefined ? { timezone: t.timezone } : {}),
    ...(t.hijri !== undefined ? { hijri: t.hijri } : {}),
    confidence: t.confidence ?? 1,
    component: t.component ?? 'rule',
  }));
  doc.quotes = quotes.map((q, i) => {
    const parts = quoteParts(cp, q.start, q.end, q.inner);
    const sp = q.speaker;
    if (sp) check(`speaker of quote ${i + 1}`, sp.start, sp.end);
    if (q.cue) check(`cue of quote ${i + 1}`, q.cue.start, q.cue.end);
    const mention = sp?.mention ? mentionId.get(sp.mention) : undefined;
    const entity = sp?.entity !== undefined ? entryId.get(sp.entity) : undefined;
    return {
      id: `q${i + 1}`,
      kind: q.kind,
      start: parts.start,
      end: parts.end,
      text: parts.text,
      open: parts.open,
      ...(parts.close ? { close: parts.close } : {}),
      ...(parts.partial ? { partial: true } : {}),
      ...(q.cue ? { cue: span(q.cue.start, q.cue.end) } : {}),
      ...(sp
        ? {
            speaker: {
              ...span(sp.start, sp.end),
              ...(mention ? { mention } : {}),
              ...(entity ? { entity } : {}),
              ...(sp.description !== undefined ? { description: sp.description } : {}),
              via: sp.via ?? 'explicit',
            },
          }
        : {}),
      confidence: q.confidence ?? 1,
    };
  });
  doc.entityTable = table;
  return doc;
}

export function hasArabic(s: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(s);
}
