import type { AnnotationDocument } from '../emit/format';
import type { GoldDocument, GoldSpan } from './types';
import { addCounts, countByType, matchSpans, summarise, type Counts, type PRF, type Typed } from './metrics';

export type { GoldDocument } from './types';
export { prf, matchSpans, summarise, type PRF } from './metrics';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'];
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'];

/** The object `ana score --json` prints (ARCHITECTURE §6); a layer the gold lacks is left out. */
export interface ScoreReport {
  documents: number;
  entities?: Record<string, PRF>;
  entities_overlap?: Record<string, PRF>;
  timex?: Record<string, PRF>;
  timex_overlap?: Record<string, PRF>;
  timex_value?: { accuracy: number; matched: number };
  quotes?: PRF;
  speakers?: { accuracy: number; matched: number };
}

export interface ScoreOptions {
  /** Count system DURATION and SET as DATE (Wojood's DATE, like OntoNotes', covers periods). */
  durationsAsDate?: boolean;
  /** The timex types to report (default all four). */
  timexTypes?: string[];
}

/** Project a system span onto gold tokens: from the first token it touches to the last. Null if it touches none. */
function projector(tokens: { start: number; end: number }[]) {
  return <T extends Typed>(s: T): T | null => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid].end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= tokens.length || tokens[lo].start >= s.end) return null;
    let last = lo;
    while (last + 1 < tokens.length && tokens[last + 1].start < s.end) last++;
    return { ...s, start: tokens[lo].start, end: tokens[last].end };
  };
}

/** Collapse duplicates created by projection (two system spans on the same tokens count once). */
function dedupe<T extends Typed>(spans: T[]): T[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}:${s.type}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function normaliseValue(v: string | undefined): string | undefined {
  return v?.replace(/(T\d\d:\d\d):00(?:\.0+)?$/, '$1');
}

/** Accumulates counts over documents, then summarises. */
export class Scorer {
  private docs = 0;
  private layers = { entities: false, timex: false, quotes: false };
  private ent: Record<'exact' | 'overlap', Record<string, Counts>> = { exact: {}, overlap: {} };
  private tmx: Record<'exact' | 'overlap', Record<string, Counts>> = { exact: {}, overlap: {} };
  private values = { matched: 0, correct: 0 };
  private quoteCounts: Counts = { tp: 0, fp: 0, fn: 0 };
  private speakers = { matched: 0, correct: 0 };

  constructor(private readonly options: ScoreOptions = {}) {}

  add(gold: GoldDocument, system: AnnotationDocument): void {
    this.docs++;
    const project = gold.tokens ? projector(gold.tokens) : <T,>(s: T) => s;
    const projectAll = <T extends Typed>(xs: T[]) => dedupe(xs.map((x) => project(x)).filter((x): x is T => x !== null));

    if (gold.layers.entities) {
      this.layers.entities = true;
      const sys = projectAll(system.entities.map((e) => ({ start: e.start, end: e.end, type: e.type })));
      for (const mode of ['exact', 'overlap'] as const) addCounts(this.ent[mode], countByType(sys, gold.entities, mode, ENTITY_TYPES));
    }
    if (gold.layers.timex) {
      this.layers.timex = true;
      const asDate = this.options.durationsAsDate;
      const sys = projectAll(
        system.timex.map((t) => ({ start: t.start, end: t.end, type: asDate && (t.type === 'DURATION' || t.type === 'SET') ? 'DATE' : t.type, value: t.value })),
      );
      for (const mode of ['exact', 'overlap'] as const) addCounts(this.tmx[mode], countByType(sys, gold.timex, mode, TIMEX_TYPES));
      // Values: over DATE/TIME spans matched by overlap (same type) whose gold carries a value.
      for (const type of ['DATE', 'TIME']) {
        const s = sys.filter((x) => x.type === type);
        const g = gold.timex.filter((x) => x.type === type);
        for (const [si, gi] of matchSpans(s, g, 'overlap')) {
          const gv = normaliseValue(g[gi].value);
          if (gv === undefined) continue;
          this.values.matched++;
          if (normaliseValue(s[si].value) === gv) this.values.correct++;
        }
      }
    }
    if (gold.layers.quotes) {
      this.layers.quotes = true;
      this.scoreQuotes(gold, system);
    }
  }

  private scoreQuotes(gold: GoldDocument, system: AnnotationDocument): void {
    const sys = system.quotes.filter((q) => q.kind === 'speech').map((q) => ({ ...q, type: 'Q' }));
    const gq = gold.quotes.filter((q) => q.kind === 'speech').map((q) => ({ ...q, type: 'Q' }));
    const pairs = matchSpans(sys, gq, 'overlap');
    this.quoteCounts.tp += pairs.length;
    this.quoteCounts.fp += sys.length - pairs.length;
    this.quoteCounts.fn += gq.length - pairs.length;
    const mentionsById = new Map(system.entities.map((m) => [m.id, m]));
    const entityMentions = new Map(system.entityTable.map((e) => [e.id, e.mentions.map((id) => mentionsById.get(id)!).filter(Boolean)]));
    for (const [si, gi] of pairs) {
      const g = gq[gi].speaker;
      if (!g) continue;
      this.speakers.matched++;
      const s = sys[si].speaker;
      if (!s) continue;
      // Gold side: the speaker mention and every gold mention of the same entity (ref).
      const goldSide: { start: number; end: number }[] = [g];
      if (g.ref) goldSide.push(...gold.entities.filter((e) => e.ref === g.ref));
      // System side: the speaker mention and every mention of the entity it was linked to.
      const sysSide: { start: number; end: number }[] = [s];
      if (s.entity) sysSide.push(...(entityMentions.get(s.entity) ?? []));
      if (sysSide.some((a) => goldSide.some((b) => overlaps(a, b)))) this.speakers.correct++;
    }
  }

  report(): ScoreReport {
    const r: ScoreReport = { documents: this.docs };
    if (this.layers.entities) {
      r.entities = summarise(this.ent.exact, ENTITY_TYPES);
      r.entities_overlap = summarise(this.ent.overlap, ENTITY_TYPES);
    }
    if (this.layers.timex) {
      const types = this.options.timexTypes ?? TIMEX_TYPES;
      r.timex = summarise(this.tmx.exact, types);
      r.timex_overlap = summarise(this.tmx.overlap, types);
      // values are scored only where the gold gives some (the seed and Wojood give none)
      if (this.values.matched) {
        r.timex_value = { accuracy: ratio(this.values.correct, this.values.matched), matched: this.values.matched };
      }
    }
    if (this.layers.quotes) {
      const q = summarise({ Q: this.quoteCounts }, ['Q']).Q;
      r.quotes = q;
      r.speakers = { accuracy: ratio(this.speakers.correct, this.speakers.matched), matched: this.speakers.matched };
    }
    return r;
  }
}

function ratio(a: number, b: number): number {
  return b ? Math.round((a / b) * 10000) / 10000 : 0;
}

/** Print a report as a plain table for people. */
export function formatReport(r: ScoreReport): string {
  const lines: string[] = [`documents: ${r.documents}`];
  const table = (title: string, t?: Record<string, PRF>) => {
    if (!t) return;
    lines.push('', title, 'type        P       R       F1      tp     fp     fn');
    for (const [k, v] of Object.entries(t)) {
      lines.push(`${k.padEnd(8)} ${f(v.precision)} ${f(v.recall)} ${f(v.f1)} ${String(v.tp).padStart(6)} ${String(v.fp).padStart(6)} ${String(v.fn).padStart(6)}`);
    }
  };
  const f = (x: number) => x.toFixed(4).padStart(7);
  table('entities (exact)', r.entities);
  table('entities (overlap)', r.entities_overlap);
  table('timex (exact)', r.timex);
  table('timex (overlap)', r.timex_overlap);
  if (r.timex_value) lines.push('', `timex values: accuracy ${r.timex_value.accuracy.toFixed(4)} over ${r.timex_value.matched} matched DATE/TIME spans`);
  if (r.quotes) table('quotes (speech, overlap)', { speech: r.quotes });
  if (r.speakers) lines.push('', `speakers: accuracy ${r.speakers.accuracy.toFixed(4)} over ${r.speakers.matched} matched speech quotes`);
  return lines.join('\n');
}

export type { GoldSpan };
