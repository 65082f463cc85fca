/**
 * W3C Web Annotation JSON-LD (as ../export/webanno.ts writes it; an AnnotationCollection, an AnnotationPage or a
 * bare array of Annotations) -> AnnotationDocument over the given text. Offsets come from the
 * TextPositionSelector; when its text disagrees with the TextQuoteSelector the annotation is an error.
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText, type CodePointText } from '../export/common';
import { buildLayers, entityType, hasArabic, ImportError, skeletonDocument, TIMEX_TYPES, type RawEntity, type RawEntry, type RawQuote, type RawTimex } from './document';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : x && typeof x === 'object' ? [x as Obj] : []);

function position(cp: CodePointText, selectors: unknown, what: string): { start: number; end: number } | undefined {
  const sel = arr(selectors);
  const pos = sel.find((s) => s.type === 'TextPositionSelector');
  if (!pos) return undefined;
  const start = Number(pos.start);
  const end = Number(pos.end);
  const quote = sel.find((s) => s.type === 'TextQuoteSelector');
  if (quote && typeof quote.exact === 'string' && cp.slice(start, end) !== quote.exact) throw new ImportError(`${what}: text at ${start}-${end} is not «${quote.exact}»`);
  return { start, end };
}

export function importWebAnno(jsonld: string, text: string, id?: string): AnnotationDocument {
  let data: unknown;
  try {
    data = JSON.parse(jsonld);
  } catch (e) {
    throw new ImportError(`not JSON: ${(e as Error).message}`);
  }
  const doc = skeletonDocument({ text, id });
  const cp = codePointText(doc.text);
  const root = data as Obj;
  const items = Array.isArray(data) ? (data as Obj[]) : root.type === 'AnnotationPage' ? arr(root.items) : arr((root.first as Obj | undefined)?.items);
  const entityKey = (iri: unknown) => (typeof iri === 'string' ? decodeURIComponent(iri.slice(iri.lastIndexOf('/') + 1)) : undefined);
  const entries: RawEntry[] = arr(root['ana:entities']).map((e) => {
    const ar = e['ana:nameAr'];
    const latin = e['ana:nameLatin'];
    const t = entityType(String(e['ana:type'] ?? ''));
    return { key: entityKey(e.id)!, ...(t ? { type: t } : {}), ...(typeof ar === 'string' ? { ar } : {}), ...(typeof latin === 'string' ? { latin } : {}) };
  });
  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  const quotes: RawQuote[] = [];
  items.forEach((item, i) => {
    const what = `annotation ${String(item.id ?? i + 1)}`;
    const span = position(cp, arr(item.target)[0]?.selector, what);
    if (!span) return;
    const bodies = arr(item.body);
    const tag = String(bodies.find((b) => b.purpose === 'tagging')?.value ?? '');
    const role = (r: string) => bodies.find((b) => b['ana:role'] === r);
    const et = entityType(tag);
    if (et) {
      const ident = bodies.find((b) => b.purpose === 'identifying');
      entities.push({ key: String(item.id ?? i), type: et, ...span, ...(ident ? { entity: entityKey(ident.source) } : {}) });
    } else if (TIMEX_TYPES.has(tag)) {
      const value = role('value') ?? bodies.find((b) => b.purpose === 'describing' && !b['ana:role']);
      const hijri = role('hijri');
      const tz = role('timezone');
      timex.push({ type: tag as RawTimex['type'], ...span, ...(value ? { value: String(value.value) } : {}), ...(hijri ? { hijri: String(hijri.value) } : {}), ...(tz ? { timezone: String(tz.value) } : {}) });
    } else if (tag === 'QUOTE') {
      const kind = bodies.find((b) => b.purpose === 'classifying')?.value === 'term' ? 'term' : 'speech';
      const q: RawQuote = { kind, ...span };
      const cue = role('cue');
      if (cue) q.cue = position(cp, cue.selector, `${what} cue`);
      const sp = role('speaker');
      const linked = bodies.find((b) => b.purpose === 'linking' && !b['ana:role']);
      const desc = role('speakerDescription');
      const spSpan = sp ? position(cp, sp.selector, `${what} speaker`) : undefined;
      if (spSpan) {
        q.speaker = {
          ...spSpan,
          ...(typeof sp!['ana:mention'] === 'string' ? { mention: sp!['ana:mention'] as string } : {}),
          ...(linked ? { entity: entityKey(linked.source) } : {}),
          ...(desc ? { description: String(desc.value) } : {}),
          ...(typeof sp!['ana:via'] === 'string' ? { via: sp!['ana:via'] as NonNullable<RawQuote['speaker']>['via'] } : {}),
        };
      }
      quotes.push(q);
    }
  });
  // entity names only when the collection carries none: the Arabic text of a first mention
  if (!entries.length) {
    for (const m of entities) if (m.entity && !entries.some((e) => e.key === m.entity)) entries.push({ key: m.entity, type: m.type, ...(hasArabic(cp.slice(m.start, m.end)) ? { ar: cp.slice(m.start, m.end) } : {}) });
  }
  return buildLayers(doc, { entities, timex, quotes, entries });
}
