/**
 * TEI P5 inline: the annotations as elements inside the paragraphs (persName/orgName/placeName @ref, date/time
 * @when, said @who for speech and q type="term" for terms, the quotation marks kept inside them), the entity table
 * as listPerson/listOrg/listPlace in `<standOff>`.
 *
 * Extras so the form reads back without loss: every element carries the JSON id as xml:id; a quote's @corresp
 * points at its speaker (the entity mention's element, or `<rs type="speaker">` for a speaker span that is no
 * mention) and at its cue (`<seg type="cue">`).
 *
 * XML elements must nest. Spans are taken greedily (entities, then temporal expressions, quotes, speakers, cues);
 * one that crosses a paragraph or overlaps an accepted span without nesting is left out, counted in the notes:
 * the standoff export carries everything.
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText, quoteOuter, speakerMention, xmlSafeText, type CodePointText, type ExportResult } from './common';
import { entityLists, NAME_ELEMENT, paragraphsOf, teiHeader, teiRoot, teiText, timexAttributes } from './tei-common';
import { block, buildXml, el, TEI_MODEL_PI, txt, XML_DECLARATION, type XmlNode } from './xml';

type Layer = 'entity' | 'timex' | 'quote' | 'speaker' | 'cue';

interface InlineSpan {
  start: number;
  end: number;
  layer: Layer;
  /** Nesting rank for identical spans: lower is outer. */
  rank: number;
  id: string;
  tag: string;
  attrs: Record<string, string | undefined>;
}

const RANK: Record<Layer, number> = { quote: 0, entity: 1, timex: 2, speaker: 3, cue: 4 };

function nests(a: InlineSpan, b: InlineSpan): boolean {
  return a.end <= b.start || b.end <= a.start || (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
}

export function exportTeiInline(doc: AnnotationDocument): ExportResult {
  const notes: string[] = [];
  const safe = xmlSafeText(doc.text);
  if (safe.replaced) notes.push(`${safe.replaced} character(s) not allowed in XML replaced by U+FFFD (offsets unchanged)`);
  const cp = codePointText(safe.text);
  const paragraphs = paragraphsOf(doc, cp);
  const inOneParagraph = (s: number, e: number) => paragraphs.some((p) => p.start <= s && e <= p.end);

  const accepted: InlineSpan[] = [];
  const leftOut: Record<Layer, number> = { entity: 0, timex: 0, quote: 0, speaker: 0, cue: 0 };
  const tryAdd = (s: InlineSpan): boolean => {
    if (s.end < s.start || !inOneParagraph(s.start, s.end) || !accepted.every((a) => nests(a, s))) {
      leftOut[s.layer]++;
      return false;
    }
    accepted.push(s);
    return true;
  };

  const mentionIds = new Set<string>();
  for (const m of doc.entities) {
    if (tryAdd({ start: m.start, end: m.end, layer: 'entity', rank: RANK.entity, id: m.id, tag: NAME_ELEMENT[m.type], attrs: { 'xml:id': m.id, ref: m.entity ? `#${m.entity}` : undefined } })) mentionIds.add(m.id);
  }
  let hijriDropped = 0;
  for (const t of doc.timex) {
    const { attrs, hijriDropped: dropped } = timexAttributes(t);
    if (dropped) hijriDropped++;
    tryAdd({ start: t.start, end: t.end, layer: 'timex', rank: RANK.timex, id: t.id, tag: t.type === 'TIME' ? 'time' : 'date', attrs: { 'xml:id': t.id, ...attrs } });
  }
  // Quotes first, so speakers and cues are only added for quotes that made it in.
  const quoteSpans = new Map<string, InlineSpan>();
  for (const q of doc.quotes) {
    const o = quoteOuter(q);
    const span: InlineSpan = {
      start: o.start, end: o.end, layer: 'quote', rank: RANK.quote, id: q.id,
      tag: q.kind === 'speech' ? 'said' : 'q',
      attrs: { 'xml:id': q.id, ...(q.kind === 'speech' ? { direct: 'true' } : { type: 'term' }), who: q.speaker?.entity ? `#${q.speaker.entity}` : undefined },
    };
    if (tryAdd(span)) quoteSpans.set(q.id, span);
  }
  const extraIds = new Map<string, string>(); // "layer:start:end" -> xml:id of an rs/seg already made
  for (const q of doc.quotes) {
    const span = quoteSpans.get(q.id);
    if (!span) {
      if (q.speaker) leftOut.speaker++;
      if (q.cue) leftOut.cue++;
      continue;
    }
    const corresp: string[] = [];
    if (q.speaker) {
      const mention = speakerMention(doc, q);
      const mentionIn = mention && mentionIds.has(mention.id) ? mention : undefined;
      if (mentionIn?.same) corresp.push(`#${mentionIn.id}`);
      else {
        // a speaker phrase that is no mention: <rs type="speaker">, plus the mention inside it when there is one
        const key = `speaker:${q.speaker.start}:${q.speaker.end}`;
        let id = extraIds.get(key);
        if (!id && tryAdd({ start: q.speaker.start, end: q.speaker.end, layer: 'speaker', rank: RANK.speaker, id: `spk-${q.id}`, tag: 'rs', attrs: { 'xml:id': `spk-${q.id}`, type: 'speaker', ref: q.speaker.entity ? `#${q.speaker.entity}` : undefined } })) {
          id = `spk-${q.id}`;
          extraIds.set(key, id);
        }
        if (id) corresp.push(`#${id}`);
        if (mentionIn) corresp.push(`#${mentionIn.id}`);
      }
    }
    if (q.cue) {
      const key = `cue:${q.cue.start}:${q.cue.end}`;
      let id = extraIds.get(key);
      if (!id && tryAdd({ start: q.cue.start, end: q.cue.end, layer: 'cue', rank: RANK.cue, id: `cue-${q.id}`, tag: 'seg', attrs: { 'xml:id': `cue-${q.id}`, type: 'cue' } })) {
        id = `cue-${q.id}`;
        extraIds.set(key, id);
      }
      if (id) corresp.push(`#${id}`);
    }
    if (corresp.length) span.attrs.corresp = corresp.join(' ');
  }
  if (hijriDropped) notes.push(`${hijriDropped} Hijri value(s) left out: the TIMEX3 value already uses @when-custom`);
  const total = Object.values(leftOut).reduce((a, b) => a + b, 0);
  if (total) {
    const parts = (Object.keys(leftOut) as Layer[]).filter((k) => leftOut[k]).map((k) => `${leftOut[k]} ${k}`);
    notes.push(`inline TEI left out ${total} annotation(s) that overlap without nesting or cross a paragraph (${parts.join(', ')}); the standoff TEI export has them`);
  }

  accepted.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const content = (p: { start: number; end: number }) => renderRange(cp, p.start, p.end, accepted.filter((s) => p.start <= s.start && s.end <= p.end));
  const children: XmlNode[] = [teiHeader(doc, 1)];
  const lists = entityLists(doc, 2);
  if (lists.length) children.push(block('standOff', {}, lists, 1));
  children.push(teiText(doc, cp, paragraphs, content, 1));
  const xml = XML_DECLARATION + TEI_MODEL_PI + buildXml([teiRoot(children)]) + '\n';
  return { files: [{ name: '.tei-inline.xml', content: xml }], notes };
}

/** Text of [start, end) with the (sorted, properly nested) spans inside it as elements. */
function renderRange(cp: CodePointText, start: number, end: number, spans: InlineSpan[]): XmlNode[] {
  const out: XmlNode[] = [];
  let at = start;
  let i = 0;
  while (i < spans.length) {
    const s = spans[i];
    // its descendants: the following spans inside it (the sort puts outer spans first)
    let j = i + 1;
    while (j < spans.length && (spans[j].start < s.end || (spans[j].start === s.start && spans[j].end <= s.end))) j++;
    if (s.start > at) out.push(txt(cp.slice(at, s.start)));
    out.push(el(s.tag, s.attrs, renderRange(cp, s.start, s.end, spans.slice(i + 1, j))));
    at = s.end;
    i = j;
  }
  if (end > at) out.push(txt(cp.slice(at, end)));
  return out;
}
