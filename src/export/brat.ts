/**
 * brat standoff: NAME.txt (the text as is) + NAME.ann + annotation.conf. Offsets are code points (brat is Python).
 *
 * T  entity mentions (PER/ORG/LOC), temporal expressions (DATE/TIME/DURATION/SET), quotes (QUOTE, marks
 *    included), cues (Cue) and speaker spans that are no entity mention (Speaker); a span crossing a newline is
 *    written as brat's discontinuous fragments, as brat itself does.
 * R  Speaker Arg1:quote Arg2:speaker (its mention, or a Speaker span); SpeakerMention Arg1:quote Arg2:the mention
 *    inside a Speaker span the pipeline linked; Cue Arg1:quote Arg2:cue.
 * A  Kind (speech|term) on every quote.
 * N  Reference T LocalKB:ENTITY-ID <name>: the entity table, one N per mention.
 * #  AnnotatorNotes with `key=value; key=value`: when= (TIMEX3 value), hijri=, timezone=, latin= (entity's Latin
 *    name, on its first mention), description= and via= (quote speakers).
 */
import type { AnnotationDocument } from '../emit/format';
import { byPosition, codePointText, entityById, entityName, quoteOuter, speakerMention, type CodePointText, type ExportResult } from './common';

export const BRAT_CONF = `[entities]
PER
ORG
LOC
DATE
TIME
DURATION
SET
QUOTE
Cue
Speaker
[relations]
Speaker Arg1:QUOTE, Arg2:PER|ORG|LOC|Speaker
SpeakerMention Arg1:QUOTE, Arg2:PER|ORG|LOC
Cue Arg1:QUOTE, Arg2:Cue
<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>
[events]
[attributes]
Kind Arg:QUOTE, Value:speech|term
`;

/** Note values are `key=value` pairs joined by "; ": escape the separator and line breaks. */
export function escapeNoteValue(v: string): string {
  return v.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
}

/** brat fragments of a span: split at newlines (a .ann line holds one line of text). */
function fragments(cp: CodePointText, start: number, end: number): { offsets: string; text: string } {
  const parts: [number, number][] = [];
  let s = start;
  const chars = Array.from(cp.slice(start, end));
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\n') {
      if (start + i > s) parts.push([s, start + i]);
      s = start + i + 1;
    }
  }
  if (end > s || !parts.length) parts.push([s, Math.max(s, end)]);
  return { offsets: parts.map(([a, b]) => `${a} ${b}`).join(';'), text: parts.map(([a, b]) => cp.slice(a, b)).join(' ') };
}

export function exportBrat(doc: AnnotationDocument): ExportResult {
  const cp = codePointText(doc.text);
  const entities = entityById(doc);
  interface TSpan { key: string; type: string; start: number; end: number; notes: string[]; norm?: string }
  const spans: TSpan[] = [];
  for (const m of doc.entities) {
    const e = m.entity ? entities.get(m.entity) : undefined;
    const notes: string[] = [];
    if (e && e.name.latin !== undefined && e.mentions[0] === m.id) notes.push(`latin=${escapeNoteValue(e.name.latin)}`);
    spans.push({ key: m.id, type: m.type, start: m.start, end: m.end, notes, norm: m.entity });
  }
  for (const t of doc.timex) {
    const notes: string[] = [];
    if (t.value !== undefined) notes.push(`when=${escapeNoteValue(t.value)}`);
    if (t.hijri !== undefined) notes.push(`hijri=${escapeNoteValue(t.hijri)}`);
    if (t.timezone !== undefined) notes.push(`timezone=${escapeNoteValue(t.timezone)}`);
    spans.push({ key: t.id, type: t.type, start: t.start, end: t.end, notes });
  }
  const extra = new Map<string, TSpan>(); // cue and speaker spans, shared between quotes
  const extraSpan = (type: 'Cue' | 'Speaker', start: number, end: number): TSpan => {
    const key = `${type}:${start}:${end}`;
    let s = extra.get(key);
    if (!s) {
      s = { key, type, start, end, notes: [] };
      extra.set(key, s);
      spans.push(s);
    }
    return s;
  };
  const relations: { type: string; quote: string; arg: () => string }[] = [];
  for (const q of doc.quotes) {
    const o = quoteOuter(q);
    const notes: string[] = [];
    if (q.speaker?.description !== undefined) notes.push(`description=${escapeNoteValue(q.speaker.description)}`);
    if (q.speaker) notes.push(`via=${q.speaker.via}`);
    spans.push({ key: q.id, type: 'QUOTE', start: o.start, end: o.end, notes });
    if (q.speaker) {
      const mention = speakerMention(doc, q);
      let target = mention?.same ? mention.id : undefined;
      if (!target) {
        // a speaker span that is no entity mention: its own T, linked to the speaker's entity when there is one
        const sp = extraSpan('Speaker', q.speaker.start, q.speaker.end);
        if (q.speaker.entity) sp.norm = q.speaker.entity;
        target = sp.key;
      }
      const speakerKey = target;
      relations.push({ type: 'Speaker', quote: q.id, arg: () => tid.get(speakerKey)! });
      if (mention && !mention.same) relations.push({ type: 'SpeakerMention', quote: q.id, arg: () => tid.get(mention.id)! });
    }
    if (q.cue) {
      const c = extraSpan('Cue', q.cue.start, q.cue.end).key;
      relations.push({ type: 'Cue', quote: q.id, arg: () => tid.get(c)! });
    }
  }
  const order = spans.map((s, i) => ({ s, i })).sort((a, b) => byPosition(a.s, b.s) || a.i - b.i);
  const tid = new Map<string, string>();
  order.forEach(({ s }, i) => tid.set(s.key, `T${i + 1}`));

  const lines: string[] = [];
  for (const { s } of order) {
    const f = fragments(cp, s.start, s.end);
    lines.push(`${tid.get(s.key)}\t${s.type} ${f.offsets}\t${f.text}`);
  }
  relations.forEach((r, i) => lines.push(`R${i + 1}\t${r.type} Arg1:${tid.get(r.quote)} Arg2:${r.arg()}`));
  let a = 0;
  for (const { s } of order) {
    if (s.type !== 'QUOTE') continue;
    const q = doc.quotes.find((x) => x.id === s.key)!;
    lines.push(`A${++a}\tKind ${tid.get(s.key)} ${q.kind}`);
  }
  let n = 0;
  for (const { s } of order) {
    if (!s.norm) continue;
    const e = entities.get(s.norm);
    lines.push(`N${++n}\tReference ${tid.get(s.key)} LocalKB:${s.norm}\t${e ? entityName(e) : s.norm}`);
  }
  let k = 0;
  for (const { s } of order) if (s.notes.length) lines.push(`#${++k}\tAnnotatorNotes ${tid.get(s.key)}\t${s.notes.join('; ')}`);
  return {
    files: [
      { name: '.txt', content: doc.text },
      { name: '.ann', content: lines.length ? lines.join('\n') + '\n' : '' },
      { name: 'annotation.conf', content: BRAT_CONF },
    ],
    notes: [],
  };
}
