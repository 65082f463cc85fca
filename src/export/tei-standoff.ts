/**
 * TEI P5 standoff: the unchanged text in `<text>` (one xml:id per paragraph), and a `<standOff>` with the entity
 * table as listPerson/listOrg/listPlace and every annotation in `<listAnnotation>` pointing with string-range()
 * (code points). Nothing is ever left out here: overlapping annotations are fine in standoff.
 */
import type { AnnotationDocument } from '../emit/format';
import { byPosition, codePointText, quoteOuter, speakerMention, xmlSafeText, type ExportResult } from './common';
import { entityLists, paragraphsOf, stringRange, teiHeader, teiRoot, teiText, timexAttributes } from './tei-common';
import { block, buildXml, el, TEI_MODEL_PI, txt, XML_DECLARATION, type XmlNode } from './xml';

function resp(component: string | undefined, pipeline: string): XmlNode {
  return el('respStmt', {}, [el('resp', {}, [txt('annotated by')]), el('name', {}, [txt(component ? `${pipeline} (${component})` : pipeline)])]);
}

export function exportTeiStandoff(doc: AnnotationDocument): ExportResult {
  const notes: string[] = [];
  const safe = xmlSafeText(doc.text);
  if (safe.replaced) notes.push(`${safe.replaced} character(s) not allowed in XML replaced by U+FFFD (offsets unchanged)`);
  const cp = codePointText(safe.text);
  const paragraphs = paragraphsOf(doc, cp);
  const range = (s: number, e: number) => stringRange(paragraphs, s, e);
  const pipeline = `${doc.pipeline.name} ${doc.pipeline.version}`;
  const annotations: { start: number; end: number; order: number; node: XmlNode }[] = [];
  const depth = 3;

  for (const m of doc.entities) {
    annotations.push({
      start: m.start, end: m.end, order: 0,
      node: block('annotation', { 'xml:id': `ann-${m.id}`, motivation: 'identifying', ana: `#ner.${m.type}`, target: range(m.start, m.end), cert: String(m.confidence) }, [
        resp(m.component, pipeline),
        ...(m.entity ? [el('ref', { target: `#${m.entity}` })] : []),
      ], depth),
    });
  }
  let hijriDropped = 0;
  for (const t of doc.timex) {
    const { attrs, hijriDropped: dropped } = timexAttributes(t);
    if (dropped) hijriDropped++;
    annotations.push({
      start: t.start, end: t.end, order: 1,
      node: block('annotation', { 'xml:id': `ann-${t.id}`, motivation: 'describing', ana: `#ner.${t.type}`, target: range(t.start, t.end), cert: String(t.confidence) }, [
        resp(t.component, pipeline),
        el('note', {}, [el(t.type === 'TIME' ? 'time' : 'date', attrs)]),
        ...(t.timezone ? [el('note', { type: 'timezone' }, [txt(t.timezone)])] : []),
      ], depth),
    });
  }
  for (const q of doc.quotes) {
    const outer = quoteOuter(q);
    const mention = speakerMention(doc, q);
    const body: XmlNode[] = [resp(undefined, pipeline)];
    const who = q.speaker?.entity ? `#${q.speaker.entity}` : undefined;
    body.push(el('note', {}, [q.kind === 'speech' ? el('said', { who, direct: 'true' }) : el('q', { type: 'term', who })]));
    body.push(el('ptr', { type: 'quoted', target: range(q.start, q.end) }));
    if (q.cue) body.push(el('ptr', { type: 'cue', target: range(q.cue.start, q.cue.end) }));
    if (q.speaker) {
      body.push(el('ptr', { type: 'speaker', target: range(q.speaker.start, q.speaker.end) }));
      if (mention) body.push(el('ptr', { type: 'speakerMention', target: `#ann-${mention.id}` }));
      if (q.speaker.description !== undefined) body.push(el('note', { type: 'speakerDescription' }, [txt(q.speaker.description)]));
      body.push(el('note', { type: 'speakerVia' }, [txt(q.speaker.via)]));
    }
    annotations.push({
      start: outer.start, end: outer.end, order: 2,
      node: block('annotation', { 'xml:id': `ann-${q.id}`, motivation: 'describing', ana: '#ner.QUOTE', target: range(outer.start, outer.end), cert: String(q.confidence) }, body, depth),
    });
  }
  if (hijriDropped) notes.push(`${hijriDropped} Hijri value(s) left out: the TIMEX3 value already uses @when-custom`);
  annotations.sort((a, b) => byPosition(a, b) || a.order - b.order);

  const standOff: XmlNode[] = [...entityLists(doc, 2)];
  if (annotations.length) standOff.push(block('listAnnotation', { type: 'ner' }, annotations.map((a) => a.node), 2));
  const children: XmlNode[] = [teiHeader(doc, 1), teiText(doc, cp, paragraphs, (p) => [txt(cp.slice(p.start, p.end))], 1)];
  if (standOff.length) children.push(block('standOff', {}, standOff, 1));
  const xml = XML_DECLARATION + TEI_MODEL_PI + buildXml([teiRoot(children)]) + '\n';
  return { files: [{ name: '.tei.xml', content: xml }], notes };
}
