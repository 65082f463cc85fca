/**
 * TEI P5 -> AnnotationDocument: the standoff form (listAnnotation/annotation or spanGrp/span pointing with
 * string-range()) and, when there are no standoff annotations, the inline form (persName/orgName/placeName,
 * date/time, said/q, rs type="speaker", seg type="cue").
 *
 * The document text is the string value of the article's `<div>` (our exports keep the inter-paragraph white
 * space there, so it is the original text exactly); `string-range(ID, offset, length)` counts code points from the
 * start of the element with that xml:id. Read with fast-xml-parser in order-preserving mode (PACKAGES.md options).
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText } from '../export/common';
import { TYPE_OF_NAME_ELEMENT, timexFromAttributes } from '../export/tei-common';
import { attrOf, childrenOf, findAll, findFirst, isText, localName, parseXml, tagOf, textContent, type XmlNode } from '../export/xml';
import { buildLayers, ImportError, skeletonDocument, TIMEX_TYPES, type RawEntity, type RawEntry, type RawQuote, type RawTimex } from './document';

interface Located {
  node: XmlNode;
  tag: string;
  start: number;
  end: number;
}

function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length || (s.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

/** Every element under `root` with its code-point extent in root's string value. */
function locate(root: XmlNode): Located[] {
  const out: Located[] = [];
  let at = 0;
  const walk = (n: XmlNode) => {
    if (isText(n)) {
      at += cpLength(String(n['#text']));
      return;
    }
    const tag = tagOf(n);
    if (!tag) return;
    const rec: Located = { node: n, tag: localName(tag), start: at, end: at };
    out.push(rec);
    for (const c of childrenOf(n)) walk(c);
    rec.end = at;
  };
  for (const c of childrenOf(root)) walk(c);
  return out;
}

const RANGE = /^#?string-range\(\s*([^,\s)]+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/;

export function importTei(xml: string): AnnotationDocument {
  let tree: XmlNode[];
  try {
    tree = parseXml(xml);
  } catch (e) {
    throw new ImportError(`not well-formed XML: ${(e as Error).message}`);
  }
  const tei = findFirst(tree, 'TEI');
  if (!tei) throw new ImportError('no <TEI> element');
  const textEl = childrenOf(tei).find((n) => tagOf(n) && localName(tagOf(n)!) === 'text');
  const body = textEl && findFirst(childrenOf(textEl), 'body');
  if (!body) throw new ImportError('no <text><body>');
  // the article: our div (xml:id="doc"), else the body's only div, else the body itself
  const divs = childrenOf(body).filter((n) => tagOf(n) && localName(tagOf(n)!) === 'div');
  const root = findAll([body], 'div').find((d) => attrOf(d, 'xml:id') === 'doc') ?? (divs.length === 1 ? divs[0] : body);
  const text = textContent(root);
  const header = findFirst(childrenOf(tei), 'teiHeader');
  const meta = header ? headerMetadata(header) : { metadata: {} };
  const doc = skeletonDocument({ text, id: meta.id, metadata: meta.metadata, format: 'xml' });
  const cp = codePointText(doc.text);

  const located = locate(root);
  const byId = new Map<string, Located>();
  for (const l of located) {
    const id = attrOf(l.node, 'xml:id');
    if (id) byId.set(id, l);
  }
  const rootId = attrOf(root, 'xml:id');
  if (rootId) byId.set(rootId, { node: root, tag: 'div', start: 0, end: cp.length });
  const resolve = (target: string | undefined, what: string): { start: number; end: number } | undefined => {
    if (!target) return undefined;
    const m = RANGE.exec(target.trim());
    if (!m) {
      const el = target.startsWith('#') ? byId.get(target.slice(1)) : undefined;
      return el ? { start: el.start, end: el.end } : undefined;
    }
    const base = byId.get(m[1]);
    if (!base) throw new ImportError(`${what}: string-range points at unknown xml:id "${m[1]}"`);
    const start = base.start + Number(m[2]);
    const end = start + Number(m[3]);
    if (end > base.end) throw new ImportError(`${what}: ${target} runs past the end of "${m[1]}"`);
    return { start, end };
  };

  doc.paragraphs = located
    .filter((l) => l.tag === 'p')
    .map((l, i) => ({ id: `p${i + 1}`, start: l.start, end: l.end, text: cp.slice(l.start, l.end) }));

  const entries: RawEntry[] = [];
  const standOff = childrenOf(tei).find((n) => tagOf(n) && localName(tagOf(n)!) === 'standOff');
  for (const [list, type] of [['person', 'PER'], ['org', 'ORG'], ['place', 'LOC']] as const) {
    for (const e of standOff ? findAll(childrenOf(standOff), list) : []) {
      const key = attrOf(e, 'xml:id');
      if (!key) continue;
      const names = childrenOf(e).filter((n) => tagOf(n) && /Name$/.test(localName(tagOf(n)!)));
      const ar = names.find((n) => (attrOf(n, 'xml:lang') ?? 'ar').startsWith('ar'));
      const latin = names.find((n) => n !== ar);
      entries.push({ key, type, ...(ar ? { ar: textContent(ar) } : {}), ...(latin ? { latin: textContent(latin) } : {}) });
    }
  }

  const annotations = standOff ? [...findAll(childrenOf(standOff), 'annotation'), ...findAll(childrenOf(standOff), 'span')] : [];
  const raw = annotations.length ? readStandoff(annotations, resolve) : readInline(located, byId);
  return buildLayers(doc, { ...raw, entries });
}

const ptrTarget = (n: XmlNode): string | undefined => (attrOf(n, 'target') ?? attrOf(n, 'corresp'))?.replace(/^#/, '');

function readStandoff(annotations: XmlNode[], resolve: (t: string | undefined, what: string) => { start: number; end: number } | undefined) {
  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  const quotes: RawQuote[] = [];
  const mentionSpan = new Map<string, { start: number; end: number }>();
  const pending: { q: RawQuote; mentionAnn?: string }[] = [];
  for (const a of annotations) {
    const id = attrOf(a, 'xml:id') ?? `ann${entities.length + timex.length + quotes.length + 1}`;
    const label = (attrOf(a, 'type') ?? attrOf(a, 'ana')?.replace(/^#(ner\.)?/, '') ?? '').toUpperCase();
    const span = resolve(attrOf(a, 'target'), `annotation ${id}`);
    if (!span) continue;
    const kids = childrenOf(a).filter((n) => tagOf(n));
    const cert = attrOf(a, 'cert');
    const confidence = cert !== undefined && !Number.isNaN(Number(cert)) ? Number(cert) : undefined;
    const respName = findFirst(kids, 'respStmt');
    const component = respName ? /\((gazetteer|rule|model|header|link)\)\s*$/.exec(textContent(respName))?.[1] as RawEntity['component'] : undefined;
    const extras = { ...(confidence !== undefined ? { confidence } : {}), ...(component ? { component } : {}) };
    if (label === 'PER' || label === 'ORG' || label === 'LOC') {
      const ref = kids.find((n) => localName(tagOf(n)!) === 'ref');
      const entity = ref ? ptrTarget(ref) : attrOf(a, 'corresp')?.replace(/^#/, '');
      entities.push({ key: id, type: label, ...span, ...(entity ? { entity } : {}), ...extras });
      mentionSpan.set(id, span);
    } else if (TIMEX_TYPES.has(label)) {
      const d = findFirst(kids, 'date') ?? findFirst(kids, 'time');
      const v = d ? timexFromAttributes(localName(tagOf(d)!), (n) => attrOf(d, n)) : { value: textContent(a).trim() || undefined };
      const tz = kids.find((n) => localName(tagOf(n)!) === 'note' && attrOf(n, 'type') === 'timezone');
      timex.push({ type: label as RawTimex['type'], ...span, ...(v.value !== undefined ? { value: v.value } : {}), ...('hijri' in v && v.hijri !== undefined ? { hijri: v.hijri } : {}), ...(tz ? { timezone: textContent(tz) } : {}), ...extras });
    } else if (label === 'QUOTE') {
      const said = findFirst(kids, 'said');
      const q = findFirst(kids, 'q');
      const who = (said && attrOf(said, 'who')) ?? (q && attrOf(q, 'who')) ?? (attrOf(a, 'corresp') || undefined);
      const ptr = (type: string) => kids.find((n) => localName(tagOf(n)!) === 'ptr' && attrOf(n, 'type') === type);
      const note = (type: string) => kids.find((n) => localName(tagOf(n)!) === 'note' && attrOf(n, 'type') === type);
      const quote: RawQuote = { kind: !said && q ? 'term' : 'speech', ...span, ...(confidence !== undefined ? { confidence } : {}) };
      const inner = resolve(ptr('quoted') && attrOf(ptr('quoted')!, 'target'), `annotation ${id}`);
      if (inner) quote.inner = inner;
      const cue = resolve(ptr('cue') && attrOf(ptr('cue')!, 'target'), `annotation ${id}`);
      if (cue) quote.cue = cue;
      const speakerSpan = resolve(ptr('speaker') && attrOf(ptr('speaker')!, 'target'), `annotation ${id}`);
      const mentionAnn = ptr('speakerMention') && ptrTarget(ptr('speakerMention')!);
      const desc = note('speakerDescription');
      const via = note('speakerVia');
      if (speakerSpan || mentionAnn) {
        quote.speaker = {
          ...(speakerSpan ?? { start: 0, end: 0 }),
          ...(who ? { entity: who.split(/\s+/)[0].replace(/^#/, '') } : {}),
          ...(desc ? { description: textContent(desc) } : {}),
          ...(via ? { via: textContent(via) as NonNullable<RawQuote['speaker']>['via'] } : {}),
        };
      }
      pending.push({ q: quote, mentionAnn: mentionAnn ?? undefined });
      quotes.push(quote);
    }
  }
  for (const { q, mentionAnn } of pending) {
    if (!q.speaker || !mentionAnn) continue;
    const m = mentionSpan.get(mentionAnn);
    if (!m) continue;
    q.speaker.mention = mentionAnn;
    if (q.speaker.start === 0 && q.speaker.end === 0) Object.assign(q.speaker, m);
  }
  return { entities, timex, quotes };
}

function readInline(located: Located[], byId: Map<string, Located>) {
  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  const quotes: RawQuote[] = [];
  for (const l of located) {
    const id = attrOf(l.node, 'xml:id') ?? `${l.tag}@${l.start}`;
    const get = (n: string) => attrOf(l.node, n);
    if (TYPE_OF_NAME_ELEMENT[l.tag]) {
      const ref = get('ref')?.split(/\s+/)[0]?.replace(/^#/, '');
      entities.push({ key: id, type: TYPE_OF_NAME_ELEMENT[l.tag], start: l.start, end: l.end, ...(ref ? { entity: ref } : {}) });
    } else if (l.tag === 'date' || l.tag === 'time') {
      const v = timexFromAttributes(l.tag, get);
      timex.push({ ...v, start: l.start, end: l.end });
    } else if (l.tag === 'said' || l.tag === 'q') {
      const quote: RawQuote = { kind: l.tag === 'q' && get('type') === 'term' ? 'term' : l.tag === 'q' && !get('who') ? 'term' : 'speech', start: l.start, end: l.end };
      const who = get('who')?.split(/\s+/)[0]?.replace(/^#/, '');
      const targets = (get('corresp') ?? '').split(/\s+/).filter(Boolean).map((p) => byId.get(p.replace(/^#/, ''))).filter((t): t is Located => Boolean(t));
      const cue = targets.find((t) => t.tag === 'seg' && attrOf(t.node, 'type') === 'cue');
      if (cue) quote.cue = { start: cue.start, end: cue.end };
      const rs = targets.find((t) => t.tag === 'rs');
      const mention = targets.find((t) => TYPE_OF_NAME_ELEMENT[t.tag]);
      const speaker = rs ?? mention;
      if (speaker) {
        const mid = mention && attrOf(mention.node, 'xml:id');
        quote.speaker = { start: speaker.start, end: speaker.end, ...(mid ? { mention: mid } : {}), ...(who ? { entity: who } : {}) };
      }
      if (!quote.speaker && who) {
        // only @who (as in ../shared/formats/tei-inline.xml): the nearest mention of that entity, before if any
        const mentions = located.filter((m) => TYPE_OF_NAME_ELEMENT[m.tag] && attrOf(m.node, 'ref')?.split(/\s+/)[0] === `#${who}`);
        const before = mentions.filter((m) => m.end <= l.start).pop();
        const m = before ?? mentions.find((x) => x.start >= l.end);
        if (m) quote.speaker = { start: m.start, end: m.end, entity: who, ...(attrOf(m.node, 'xml:id') ? { mention: attrOf(m.node, 'xml:id')! } : {}) };
      }
      quotes.push(quote);
    }
  }
  // mentions without xml:id got positional keys: a speaker's `mention` must use the same key
  for (const q of quotes) if (q.speaker?.mention && !entities.some((e) => e.key === q.speaker!.mention)) delete q.speaker.mention;
  return { entities, timex, quotes };
}

function headerMetadata(header: XmlNode): { id?: string; metadata: AnnotationDocument['metadata'] } {
  const kids = childrenOf(header);
  const bibl = findFirst(kids, 'sourceDesc') && findFirst(childrenOf(findFirst(kids, 'sourceDesc')!), 'bibl');
  const from = bibl ? childrenOf(bibl) : [];
  const titleEl = findFirst(from, 'title') ?? findFirst(kids, 'title');
  const date = from.find((n) => tagOf(n) && localName(tagOf(n)!) === 'date');
  const idno = (type: string) => from.find((n) => tagOf(n) && localName(tagOf(n)!) === 'idno' && attrOf(n, 'type') === type);
  const ptr = from.find((n) => tagOf(n) && localName(tagOf(n)!) === 'ptr');
  const publisher = from.find((n) => tagOf(n) && localName(tagOf(n)!) === 'publisher');
  const category = from.find((n) => tagOf(n) && localName(tagOf(n)!) === 'note' && attrOf(n, 'type') === 'category');
  const docid = idno('docid');
  const metadata: AnnotationDocument['metadata'] = {};
  if (titleEl) metadata.title = textContent(titleEl);
  if (date) metadata.published = attrOf(date, 'when') ?? textContent(date);
  if (ptr && attrOf(ptr, 'target')) metadata.url = attrOf(ptr, 'target');
  if (publisher) metadata.outlet = textContent(publisher);
  if (category) metadata.category = textContent(category);
  return { ...(docid ? { id: textContent(docid) } : {}), metadata };
}
