/**
 * Pieces shared by the TEI standoff and inline exports: the teiHeader, the entity lists, how a TIMEX3 value is put
 * into TEI's dating attributes, and the body whose text content is exactly the article.
 *
 * The body trick that makes imports exact: `<div xml:space="preserve">` holds the paragraphs as `<p xml:id>` with
 * the original white space between them as text nodes (white space is allowed between elements even in
 * element-only content), so the string value of the div IS the original text, code point for code point, and
 * `string-range(doc, start, length)` uses document offsets while `string-range(pN, …)` uses paragraph offsets.
 */
import type { AnnotationDocument, JsonEntityEntry, JsonSpan, JsonTimex } from '../emit/format';
import { findParagraphs } from '../segment';
import { type CodePointText } from './common';
import { block, el, txt, type XmlNode } from './xml';

export const BODY_ID = 'doc';

/**
 * Paragraphs in code points; derived from the text (as the segmenter does) when the document has none, or when
 * its paragraphs are out of order or overlap (the body would then not spell the text).
 */
export function paragraphsOf(doc: AnnotationDocument, cp: CodePointText): (JsonSpan & { id: string })[] {
  const ordered = doc.paragraphs.every((p, i) => p.start <= p.end && p.end <= cp.length && (i === 0 || doc.paragraphs[i - 1].end <= p.start));
  if (doc.paragraphs.length && ordered) return doc.paragraphs;
  return findParagraphs(cp.text).map((p) => {
    const start = cp.conv.toCodePoint(p.start);
    const end = cp.conv.toCodePoint(p.end);
    return { id: `p${p.index + 1}`, start, end, text: cp.text.slice(p.start, p.end) };
  });
}

/** `#string-range(ID,offset,length)`: relative to the one paragraph holding the span, else to the whole body. */
export function stringRange(paragraphs: { id: string; start: number; end: number }[], start: number, end: number): string {
  const p = paragraphs.find((q) => q.start <= start && end <= q.end);
  return p ? `#string-range(${p.id},${start - p.start},${end - start})` : `#string-range(${BODY_ID},${start},${end - start})`;
}

const TZ = '(Z|[+-](0\\d|1[0-4]):[0-5]\\d)?';
const DATE = '(-?(?!0000)\\d{4,})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const TIME = '(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?|24:00:00(\\.0+)?)';
const W3C = [
  new RegExp(`^${DATE}${TZ}$`),
  new RegExp(`^-?(?!0000)\\d{4,}-(0[1-9]|1[0-2])${TZ}$`),
  new RegExp(`^-?(?!0000)\\d{4,}${TZ}$`),
  new RegExp(`^${TIME}${TZ}$`),
  new RegExp(`^${DATE}T${TIME}${TZ}$`),
];

/** Would the value pass as TEI's teidata.temporal.w3c (XML Schema date, gYearMonth, gYear, time, dateTime)? */
export function isW3cTemporal(v: string): boolean {
  if (!W3C.some((re) => re.test(v))) return false;
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)/.exec(v);
  if (m) {
    // day within its month (XML Schema rejects 2018-02-30; Date.UTC would roll it over)
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const days = new Date(Date.UTC(2000 + (((y % 400) + 400) % 400), mo, 0)).getUTCDate();
    if (d > days) return false;
  }
  return true;
}

const ISO_TOKEN = /^[0-9.,DHMPRSTWYZ/:+\-]+$/;

/**
 * TIMEX3 value -> TEI dating attributes, chosen so the value comes back unchanged:
 * DURATION -> @dur-iso; a W3C date/time -> @when; other ISO-8601 forms ("2018-W13", "2018-03-28T08:00") ->
 * @when-iso; anything else ("PRESENT_REF", "XXXX-03") -> @when-custom with @datingMethod="#timex3".
 * A Hijri value goes to @when-custom with @datingMethod="#hijri" when @when-custom is still free.
 */
export function timexAttributes(t: Pick<JsonTimex, 'type' | 'value' | 'hijri'>): { attrs: Record<string, string>; hijriDropped: boolean } {
  const attrs: Record<string, string> = {};
  const v = t.value;
  if (t.type !== 'DATE' && t.type !== 'TIME') attrs.type = t.type;
  let customUsed = false;
  if (v !== undefined && v !== '') {
    if (t.type === 'DURATION' && ISO_TOKEN.test(v)) attrs['dur-iso'] = v;
    else if (isW3cTemporal(v)) attrs.when = v;
    else if (ISO_TOKEN.test(v)) attrs['when-iso'] = v;
    else {
      attrs['when-custom'] = v.replace(/\s/g, '_');
      attrs.datingMethod = '#timex3';
      customUsed = true;
    }
  }
  let hijriDropped = false;
  if (t.hijri) {
    if (customUsed) hijriDropped = true;
    else {
      attrs['when-custom'] = t.hijri.replace(/\s/g, '_');
      attrs.datingMethod = '#hijri';
    }
  }
  return { attrs, hijriDropped };
}

/** The inverse of timexAttributes. */
export function timexFromAttributes(tag: string, get: (name: string) => string | undefined): { type: JsonTimex['type']; value?: string; hijri?: string } {
  const typeAttr = get('type');
  const type = (['DATE', 'TIME', 'DURATION', 'SET'].includes(typeAttr ?? '') ? typeAttr : tag === 'time' ? 'TIME' : 'DATE') as JsonTimex['type'];
  const method = get('datingMethod');
  const custom = get('when-custom');
  const value = get('dur-iso') ?? get('dur') ?? get('when') ?? get('when-iso') ?? (method === '#timex3' ? custom : undefined);
  const hijri = method === '#hijri' ? custom : undefined;
  return { type, ...(value !== undefined ? { value } : {}), ...(hijri !== undefined ? { hijri } : {}) };
}

const CATEGORIES: [string, string][] = [
  ['PER', 'Person'],
  ['ORG', 'Organisation'],
  ['LOC', 'Place'],
  ['DATE', 'Date'],
  ['TIME', 'Time of day'],
  ['DURATION', 'Duration'],
  ['SET', 'Recurring time'],
  ['QUOTE', 'Quotation (speech or term)'],
];

export function teiHeader(doc: AnnotationDocument, depth: number): XmlNode {
  const d = depth;
  const m = doc.metadata;
  const title = m.title ?? doc.id;
  const bibl: XmlNode[] = [el('title', { 'xml:lang': 'ar' }, [txt(title)])];
  if (m.outlet) bibl.push(el('publisher', {}, [txt(m.outlet)]));
  if (m.published) bibl.push(el('date', { type: 'published', when: isW3cTemporal(m.published) ? m.published : undefined }, [txt(m.published)]));
  if (m.url) bibl.push(el('ptr', { target: m.url }));
  bibl.push(el('idno', { type: 'docid' }, [txt(doc.id)]));
  bibl.push(el('idno', { type: 'sha256' }, [txt(doc.source.sha256)]));
  if (m.category) bibl.push(el('note', { type: 'category' }, [txt(m.category)]));
  bibl.push(el('extent', {}, [el('measure', { unit: 'codepoints', quantity: String(doc.source.length) }, [txt(`${doc.source.length} code points`)])]));
  return block('teiHeader', { 'xml:lang': 'en' }, [
    block('fileDesc', {}, [
      block('titleStmt', {}, [el('title', { 'xml:lang': 'ar' }, [txt(title)])], d + 2),
      block('publicationStmt', {}, [el('p', {}, [txt(`Annotated automatically by ${doc.pipeline.name} ${doc.pipeline.version}; offsets are Unicode code points.`)])], d + 2),
      block('sourceDesc', {}, [block('bibl', {}, bibl, d + 3)], d + 2),
    ], d + 1),
    block('encodingDesc', {}, [
      block('tagsDecl', {}, [el('rendition', { 'xml:id': 'rtl', scheme: 'css' }, [txt('direction: rtl; unicode-bidi: embed;')])], d + 2),
      block('classDecl', {}, [
        block('taxonomy', { 'xml:id': 'ner' }, CATEGORIES.map(([id, desc]) => el('category', { 'xml:id': `ner.${id}` }, [el('catDesc', {}, [txt(desc)])])), d + 3),
      ], d + 2),
    ], d + 1),
    block('profileDesc', {}, [
      block('langUsage', {}, [el('language', { ident: 'ar' }, [txt('Arabic')])], d + 2),
      block('calendarDesc', {}, [
        el('calendar', { 'xml:id': 'gregorian' }, [el('p', {}, [txt('Gregorian calendar')])]),
        el('calendar', { 'xml:id': 'hijri' }, [el('p', {}, [txt('Islamic (Hijri) calendar')])]),
        el('calendar', { 'xml:id': 'timex3' }, [el('p', {}, [txt('TIMEX3 (ISO-TimeML) values that are not ISO 8601 dates, e.g. PRESENT_REF')])]),
      ], d + 2),
    ], d + 1),
  ], d);
}

const LISTS: [JsonEntityEntry['type'], string, string, string][] = [
  ['PER', 'listPerson', 'person', 'persName'],
  ['ORG', 'listOrg', 'org', 'orgName'],
  ['LOC', 'listPlace', 'place', 'placeName'],
];

export const NAME_ELEMENT: Record<string, string> = { PER: 'persName', ORG: 'orgName', LOC: 'placeName' };
export const TYPE_OF_NAME_ELEMENT: Record<string, 'PER' | 'ORG' | 'LOC'> = { persName: 'PER', orgName: 'ORG', placeName: 'LOC' };

/** listPerson / listOrg / listPlace from the entity table (empty lists left out: TEI wants at least one entry). */
export function entityLists(doc: AnnotationDocument, depth: number): XmlNode[] {
  const out: XmlNode[] = [];
  for (const [type, list, item, name] of LISTS) {
    const entries = doc.entityTable.filter((e) => e.type === type);
    if (!entries.length) continue;
    out.push(
      block(list, {}, entries.map((e) => {
        const names: XmlNode[] = [];
        if (e.name.ar !== undefined) names.push(el(name, { 'xml:lang': 'ar' }, [txt(e.name.ar)]));
        if (e.name.latin !== undefined) names.push(el(name, { 'xml:lang': 'en' }, [txt(e.name.latin)]));
        return block(item, { 'xml:id': e.id }, names, depth + 1);
      }), depth),
    );
  }
  return out;
}

/**
 * `<text><body><div>` with the paragraphs; `content(p)` gives the children of each paragraph (plain text for the
 * standoff form, nested elements for the inline form). Gaps between paragraphs are white space by construction
 * (findParagraphs); a gap holding other characters (NBSP...) would break element-only content and goes in `<ab>`.
 */
export function teiText(doc: AnnotationDocument, cp: CodePointText, paragraphs: (JsonSpan & { id: string })[], content: (p: JsonSpan & { id: string }) => XmlNode[], depth: number): XmlNode {
  const div: XmlNode[] = [];
  let at = 0;
  const gap = (s: number, e: number) => {
    if (e <= s) return;
    const g = cp.slice(s, e);
    div.push(/^[ \t\n\r]*$/.test(g) ? txt(g) : el('ab', { type: 'interParagraph' }, [txt(g)]));
  };
  for (const p of paragraphs) {
    gap(at, p.start);
    div.push(el('p', { 'xml:id': p.id }, content(p)));
    at = p.end;
  }
  gap(at, cp.length);
  if (!paragraphs.length && !div.length) div.push(el('ab', { type: 'empty' }));
  else if (!paragraphs.length) div.splice(0, div.length, el('ab', { type: 'interParagraph' }, [txt(cp.text)]));
  return block('text', {}, [block('body', {}, [el('div', { type: 'article', 'xml:id': BODY_ID, rendition: '#rtl', 'xml:space': 'preserve' }, div)], depth + 1)], depth);
}

export function teiRoot(children: XmlNode[]): XmlNode {
  return block('TEI', { xmlns: 'http://www.tei-c.org/ns/1.0', 'xml:lang': 'ar' }, children, 0);
}

