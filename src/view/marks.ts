import type { AnnotationDocument, JsonSpan } from '../emit/format';
import { offsetConverter, type OffsetConverter } from '../emit/offsets';
import { classToken, escapeHtml } from './escape';
import { latinRuns, type Mark } from './nest';

/**
 * The marks an article page shows, built from the standoff JSON. Offsets in the JSON are code points; the page is
 * built from a JavaScript string, so every span goes through the project's offset converter first. A span that
 * does not fit the text (out of range, or its `text` differs from what it covers) is left out and reported: the
 * page must never highlight something the JSON does not say.
 */

/** Outer first when two marks cover the same characters. */
const RANK = { quote: 1, quoteMark: 2, cue: 3, speaker: 4, entity: 5, timex: 6, latin: 9 } as const;

export interface ArticleMarks {
  marks: Mark[];
  /** Human-readable problems with spans that were left out. */
  problems: string[];
}

export function articleMarks(doc: AnnotationDocument): ArticleMarks {
  const text = doc.text;
  const conv = offsetConverter(text);
  const problems: string[] = [];
  const marks: Mark[] = [];
  const toUtf16 = (what: string, s: JsonSpan): { start: number; end: number } | null => {
    const r = checkSpan(conv, text, s);
    if (typeof r === 'string') {
      problems.push(`${what}: ${r}`);
      return null;
    }
    return r;
  };
  const add = (what: string, s: JsonSpan, rank: number, attrs: Record<string, string>) => {
    const r = toUtf16(what, s);
    if (r) marks.push({ ...r, rank, open: `<span${attributes(attrs)}>`, close: '</span>' });
  };

  const entityName = new Map(doc.entityTable.map((e) => [e.id, e]));
  const nameOf = (id: string | undefined): string | undefined => {
    const e = id ? entityName.get(id) : undefined;
    if (!e) return undefined;
    return [e.name.ar, e.name.latin].filter(Boolean).join(' / ') || undefined;
  };

  for (const m of doc.entities) {
    const canonical = nameOf(m.entity);
    add(`entity ${m.id}`, m, RANK.entity, {
      class: `m t-${classToken(m.type)}`,
      'data-m': m.id,
      ...(m.entity ? { 'data-e': m.entity } : {}),
      title: [m.type, canonical, `${m.component} ${m.confidence}`].filter(Boolean).join(' · '),
    });
  }
  for (const t of doc.timex) {
    const parts = [t.type, t.value ?? '(no value)'];
    if (t.hijri) parts.push(`hijri ${t.hijri}`);
    if (t.timezone) parts.push(t.timezone);
    if (t.anchor) parts.push(`anchor ${t.anchor.value} (${t.anchor.source})`);
    add(`timex ${t.id}`, t, RANK.timex, {
      class: `tx t-${classToken(t.type)}`,
      'data-t': t.id,
      ...(t.value !== undefined ? { 'data-value': t.value } : {}),
      title: parts.join(' · '),
    });
  }
  // Cues and speakers are shared between quotes (one speaker, several quotes): one element per distinct span,
  // listing the quotes it belongs to, so hovering any of them lights it up.
  const cues = new Map<string, { span: JsonSpan; quotes: string[] }>();
  const speakers = new Map<string, { span: JsonSpan; quotes: string[]; title: string }>();
  for (const q of doc.quotes) {
    const who = q.speaker ? nameOf(q.speaker.entity) ?? q.speaker.description ?? q.speaker.text : undefined;
    add(`quote ${q.id}`, q, RANK.quote, {
      class: `q q-${classToken(q.kind)}`,
      'data-q': q.id,
      // The entity mention the speaker span overlaps, when the speaker is wider or narrower than it.
      ...(q.speaker?.mention ? { 'data-spk-m': q.speaker.mention } : {}),
      title: [q.kind === 'speech' ? 'quote' : 'term', who ? `speaker: ${who}` : undefined, q.cue ? `cue: ${q.cue.text}` : undefined, q.partial ? 'partial' : undefined, `${q.confidence}`]
        .filter(Boolean)
        .join(' · '),
    });
    for (const mark of [q.open, q.close]) {
      if (mark) add(`quote ${q.id} mark`, mark, RANK.quoteMark, { class: 'qm', 'data-q': q.id });
    }
    if (q.cue) {
      const k = `${q.cue.start}:${q.cue.end}`;
      const c = cues.get(k) ?? { span: q.cue, quotes: [] };
      c.quotes.push(q.id);
      cues.set(k, c);
    }
    if (q.speaker) {
      const k = `${q.speaker.start}:${q.speaker.end}`;
      const s = speakers.get(k) ?? { span: q.speaker, quotes: [], title: `speaker: ${who} (${q.speaker.via})` };
      s.quotes.push(q.id);
      speakers.set(k, s);
    }
  }
  for (const c of cues.values()) add(`cue of ${c.quotes.join(',')}`, c.span, RANK.cue, { class: 'cue', 'data-cue': c.quotes.join(' '), title: `cue of ${c.quotes.join(', ')}` });
  for (const s of speakers.values()) add(`speaker of ${s.quotes.join(',')}`, s.span, RANK.speaker, { class: 'spk', 'data-spk': s.quotes.join(' '), title: s.title });
  for (const r of latinRuns(text)) marks.push({ ...r, rank: RANK.latin, open: '<bdi>', close: '</bdi>' });
  return { marks, problems };
}

/** The UTF-16 range of a JSON span, or why it cannot be shown. */
export function checkSpan(conv: OffsetConverter, text: string, s: JsonSpan): { start: number; end: number } | string {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > conv.codePointLength) {
    return `span ${s.start}-${s.end} outside the text (length ${conv.codePointLength})`;
  }
  const start = conv.toUtf16(s.start);
  const end = conv.toUtf16(s.end);
  if (typeof s.text === 'string' && text.slice(start, end) !== s.text) return `span ${s.start}-${s.end} does not cover its text "${s.text}"`;
  return { start, end };
}

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
}
