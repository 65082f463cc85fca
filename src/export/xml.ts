/**
 * Building and writing XML with fast-xml-parser in its order-preserving form (the only form that keeps mixed
 * content such as `<p>text <persName>…</persName> text</p>` in order; see ../shared/PACKAGES.md).
 *
 * A node is `{ tag: children[], ':@': { '@_attr': value } }` or `{ '#text': string }`. Pretty indentation is made
 * by `indent()` inserting white-space text nodes only between the children of element-only containers, so text
 * content (the article) is never touched.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = { [tag: string]: XmlNode[] | Record<string, string> } | { '#text': string };

export function el(tag: string, attrs: Record<string, string | undefined> = {}, children: XmlNode[] = []): XmlNode {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a['@_' + k] = escapeAttr(v);
  const node: Record<string, XmlNode[] | Record<string, string>> = { [tag]: children };
  if (Object.keys(a).length) node[':@'] = a;
  return node as XmlNode;
}

export function txt(text: string): XmlNode {
  return { '#text': escapeText(text) };
}

/**
 * We escape, not the builder: text needs only & < > (so «"» stays «"», byte for byte as in the article), and
 * attribute values also need " and character references for tab/newline/CR, which XML parsers would otherwise
 * normalise to spaces.
 */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Element-only container: indent its children one level deeper than `depth`. */
export function block(tag: string, attrs: Record<string, string | undefined>, children: XmlNode[], depth: number): XmlNode {
  if (!children.length) return el(tag, attrs, []);
  const pad = '\n' + '  '.repeat(depth + 1);
  const out: XmlNode[] = [];
  for (const c of children) out.push(txt(pad), c);
  out.push(txt('\n' + '  '.repeat(depth)));
  return el(tag, attrs, out);
}

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, format: false, suppressEmptyNode: true, processEntities: false });

/** Serialise nodes (already escaped by el() and txt()). */
export function buildXml(nodes: XmlNode[]): string {
  return builder.build(nodes) as string;
}

/** The reader options PACKAGES.md found to keep Arabic mixed content byte-exact (and to decode &#x627;). */
export function parseXml(xml: string): XmlNode[] {
  // the parser itself is lenient (an unclosed tag is no error): check well-formedness first
  const v = XMLValidator.validate(xml);
  if (v !== true) throw new Error(`line ${v.err.line}: ${v.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreAttributes: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    htmlEntities: true,
    processEntities: true,
  });
  return parser.parse(xml) as XmlNode[];
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const TEI_MODEL_PI =
  '<?xml-model href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n';

// ---- reading helpers --------------------------------------------------------------------------------------------

export function tagOf(n: XmlNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text') return k;
  return undefined;
}

export function childrenOf(n: XmlNode): XmlNode[] {
  const t = tagOf(n);
  return t ? ((n as Record<string, XmlNode[]>)[t] ?? []) : [];
}

export function attrOf(n: XmlNode, name: string): string | undefined {
  const a = (n as Record<string, Record<string, string>>)[':@'];
  const v = a?.['@_' + name];
  return v === undefined ? undefined : String(v);
}

export function isText(n: XmlNode): n is { '#text': string } {
  return '#text' in n;
}

/** Local name of a possibly prefixed tag (`tei:p` -> `p`). */
export function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i >= 0 ? tag.slice(i + 1) : tag;
}

/** First descendant element with this local name (depth-first, document order). */
export function findFirst(nodes: XmlNode[], name: string): XmlNode | undefined {
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t) continue;
    if (localName(t) === name) return n;
    const f = findFirst(childrenOf(n), name);
    if (f) return f;
  }
  return undefined;
}

/** All descendant elements with this local name, document order. */
export function findAll(nodes: XmlNode[], name: string, out: XmlNode[] = []): XmlNode[] {
  for (const n of nodes) {
    const t = tagOf(n);
    if (!t) continue;
    if (localName(t) === name) out.push(n);
    findAll(childrenOf(n), name, out);
  }
  return out;
}

/** The string value of a node (all descendant text, in order). */
export function textContent(n: XmlNode): string {
  if (isText(n)) return String(n['#text']);
  return childrenOf(n).map(textContent).join('');
}
