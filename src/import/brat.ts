/**
 * brat standoff (.txt + .ann) -> AnnotationDocument, so annotations corrected in brat come back for scoring.
 * Reads what ../export/brat.ts writes and the conventions of ../shared/formats/article.ann: `A Direct` on a quote,
 * AnnotatorNotes `when=… when-custom=… calendar=hijri`, other tools' labels for the entity types (PERSON, GPE…).
 * A T line whose text disagrees with the .txt at its offsets is an error: the two files do not belong together.
 */
import type { AnnotationDocument } from '../emit/format';
import { codePointText } from '../export/common';
import { buildLayers, entityType, hasArabic, ImportError, skeletonDocument, TIMEX_TYPES, type RawEntity, type RawEntry, type RawQuote, type RawTimex } from './document';

interface TLine {
  id: string;
  type: string;
  start: number;
  end: number;
}

/** `key=value; key=value` (our notes) or `key=value key=value` (values without spaces, as in article.ann). */
export function parseNote(note: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = note.includes(';') ? note.split(/;\s*/) : note.split(/\s+(?=[\w-]+=)/);
  for (const p of parts) {
    const i = p.indexOf('=');
    if (i <= 0) continue;
    out[p.slice(0, i).trim()] = decodeURIComponent(p.slice(i + 1).trim().replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  }
  return out;
}

export function importBrat(txt: string, ann: string, id?: string): AnnotationDocument {
  const doc = skeletonDocument({ text: txt, id, format: 'text' });
  const cp = codePointText(doc.text);
  const ts = new Map<string, TLine>();
  const rels: { type: string; arg1: string; arg2: string }[] = [];
  const attrs: { name: string; target: string; value?: string }[] = [];
  const norms = new Map<string, { kb: string; name: string }>();
  const notes = new Map<string, Record<string, string>>();

  ann.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `.ann line ${i + 1}`;
    // the third field is the covered text, which may itself hold a tab
    const [aid, body = '', ...more] = line.split('\t');
    const rest = more.length ? more.join('\t') : undefined;
    const kind = aid[0];
    if (kind === 'T') {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) throw new ImportError(`${where}: cannot read text-bound annotation "${line}"`);
      const frags = m[2].split(';').map((f) => f.split(' ').map(Number));
      const start = Math.min(...frags.map((f) => f[0]));
      const end = Math.max(...frags.map((f) => f[1]));
      if (end > cp.length || start > end) throw new ImportError(`${where}: ${aid} ${start}-${end} is outside the text (${cp.length} code points)`);
      const covered = frags.map(([a, b]) => cp.slice(a, b)).join(' ');
      if (rest !== undefined && rest !== covered) throw new ImportError(`${where}: ${aid} says «${rest}» but the text at ${m[2]} is «${covered}» (wrong .txt for this .ann?)`);
      ts.set(aid, { id: aid, type: m[1], start, end });
    } else if (kind === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body);
      if (!m) throw new ImportError(`${where}: cannot read relation "${line}"`);
      rels.push({ type: m[1], arg1: m[2], arg2: m[3] });
    } else if (kind === 'A' || kind === 'M') {
      const [name, target, value] = body.split(' ');
      attrs.push({ name, target, value });
    } else if (kind === 'N') {
      const m = /^Reference (\S+) (\S+)$/.exec(body);
      if (m) {
        const kb = m[2].includes(':') ? m[2].slice(m[2].indexOf(':') + 1) : m[2];
        norms.set(m[1], { kb, name: rest ?? '' });
      }
    } else if (kind === '#') {
      const target = body.split(' ')[1];
      if (target) notes.set(target, { ...notes.get(target), ...parseNote(rest ?? '') });
    }
    // E (events), * (equivalences) and anything else: not part of this model
  });

  const entities: RawEntity[] = [];
  const timex: RawTimex[] = [];
  const quotes = new Map<string, RawQuote>();
  const entries = new Map<string, RawEntry>();
  for (const t of ts.values()) {
    const et = entityType(t.type);
    const note = notes.get(t.id) ?? {};
    const norm = norms.get(t.id);
    if (norm) {
      const e = entries.get(norm.kb) ?? { key: norm.kb };
      if (et) e.type ??= et;
      if (norm.name && hasArabic(norm.name)) e.ar ??= norm.name;
      else if (norm.name) e.latin ??= norm.name;
      if (note.latin !== undefined) e.latin = note.latin;
      entries.set(norm.kb, e);
    }
    if (et) {
      entities.push({ key: t.id, type: et, start: t.start, end: t.end, ...(norm ? { entity: norm.kb } : {}) });
    } else if (TIMEX_TYPES.has(t.type.toUpperCase())) {
      const hijri = note.hijri ?? (note.calendar === 'hijri' ? note['when-custom'] : undefined);
      timex.push({ type: t.type.toUpperCase() as RawTimex['type'], start: t.start, end: t.end, ...(note.when !== undefined ? { value: note.when } : {}), ...(hijri !== undefined ? { hijri } : {}), ...(note.timezone !== undefined ? { timezone: note.timezone } : {}) });
    } else if (t.type.toUpperCase() === 'QUOTE') {
      quotes.set(t.id, { kind: 'speech', start: t.start, end: t.end });
    }
  }
  for (const a of attrs) {
    const q = quotes.get(a.target);
    if (!q) continue;
    if (a.name === 'Kind' && (a.value === 'speech' || a.value === 'term')) q.kind = a.value;
  }
  // Speaker before SpeakerMention, whatever the line order
  rels.sort((a, b) => Number(a.type === 'SpeakerMention') - Number(b.type === 'SpeakerMention'));
  for (const r of rels) {
    const q = quotes.get(r.arg1);
    const t = ts.get(r.arg2);
    if (!q || !t) continue;
    if (r.type === 'Cue') q.cue = { start: t.start, end: t.end };
    if (r.type === 'SpeakerMention' && q.speaker && entityType(t.type)) q.speaker.mention = t.id;
    if (r.type === 'Speaker') {
      const note = notes.get(r.arg1) ?? {};
      const mention = entityType(t.type) ? t.id : undefined;
      const kb = norms.get(t.id)?.kb;
      const via = note.via as NonNullable<RawQuote['speaker']>['via'] | undefined;
      q.speaker = { start: t.start, end: t.end, ...(mention ? { mention } : {}), ...(kb ? { entity: kb } : {}), ...(note.description !== undefined ? { description: note.description } : {}), ...(via ? { via } : {}) };
    }
  }
  // speakers that are Speaker spans with an entity: that entity must exist in the table through some mention
  return buildLayers(doc, { entities, timex, quotes: [...quotes.values()], entries: [...entries.values()] });
}
