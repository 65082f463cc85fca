import type { SegmentedDoc, Timex } from '../../types';
import { Grammar } from './grammar';
import { futureNear, presentNear } from './tense';
import { toWord } from './words';
import { parseYmd } from './calendar';
import { timexAnchor } from '../anchor';
import { resolveDate, resolveTime, type ResolveContext, type Resolved } from './resolve';
import type { Match } from './semantics';

/** The date relative expressions are resolved against, and where it came from. */
export interface TimexAnchor {
  value: string;
  source: 'publication' | 'option';
}

/**
 * Temporal expressions (DATE, TIME, DURATION, SET) with TIMEX3 values. `anchor` is the publication date or the
 * --date option (`option`, to tell which one a bare YYYY-MM-DD string is); without it, relative expressions get
 * underspecified values («XXXX-XX-XX»), never a guess.
 */
export function recogniseTimex(doc: SegmentedDoc, anchor?: TimexAnchor | string, option?: string): Timex[] {
  // A string anchor comes from anchorDate(published, option); tell which of the two it is.
  let anc: TimexAnchor | undefined;
  if (typeof anchor === 'string') {
    const derived = timexAnchor(doc.meta.published, option);
    anc = derived && derived.value === anchor ? derived : { value: anchor, source: option === anchor ? 'option' : 'publication' };
  } else anc = anchor;
  const anchorDay = anc ? parseYmd(anc.value) : undefined;
  const out: Timex[] = [];
  let lastYear: number | undefined;
  // A bare weekday repeated in one article names the same day as its first resolved mention.
  const weekdayMemo = new Map<number, string>();
  let previous: { sentence: number; end: number; value?: string } | undefined;
  for (const sentence of doc.sentences) {
    const words = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).map(toWord);
    const g = new Grammar(words);
    let i = 0;
    while (i < words.length) {
      const m = g.matchAt(i);
      if (!m) {
        i++;
        continue;
      }
      const future = futureNear(words, m.start, m.end);
      const ctx: ResolveContext = { anchor: anchorDay, future, present: !future && presentNear(words, m.start), lastYear };
      let r = resolveMatch(m, ctx, weekdayMemo);
      // «ظهر الثلاثاء (16:00 ت غ)»: a bare clock right after a dated expression belongs to that day
      if (m.sem.type === 'TIME' && !m.sem.date && previous && previous.sentence === sentence.index && m.start - previous.end <= 2 && r.value) {
        const day = /^(\d{4}-\d{2}-\d{2})/.exec(previous.value ?? '');
        if (day) r = { ...r, value: day[1] + r.value.slice(r.value.indexOf('T')) };
      }
      // a bare bracketed date «( 24 / 8 / 1993 )»: the brackets are punctuation, not part of the expression
      const bracketed = words[m.start].norm === '(' && words[m.end - 1].norm === ')' && m.end - m.start > 2;
      const first = words[bracketed ? m.start + 1 : m.start];
      const last = words[bracketed ? m.end - 2 : m.end - 1];
      const start = first.start;
      const end = last.tok.end;
      const timex: Timex = {
        start,
        end,
        text: doc.text.slice(start, end),
        type: m.sem.type,
        ...(r.value !== undefined ? { value: r.value } : {}),
        ...(m.sem.type === 'TIME' && m.sem.timezone ? { timezone: m.sem.timezone } : {}),
        ...(r.anchored && anc ? { anchor: { value: anc.value, source: anc.source } } : r.fromTimex ? { anchor: { value: r.fromTimex, source: 'timex' as const } } : {}),
        ...(r.hijri ? { hijri: r.hijri } : {}),
        confidence: m.confidence,
        component: 'rule',
      };
      out.push(timex);
      previous = { sentence: sentence.index, end: m.end, value: r.value };
      const y = r.value && /^(\d{4})/.exec(r.value);
      if (y && (m.sem.type === 'DATE' || m.sem.type === 'TIME')) lastYear = +y[1];
      i = m.end;
    }
  }
  return out;
}

function resolveMatch(m: Match, ctx: ResolveContext, weekdayMemo: Map<number, string>): Resolved {
  const sem = m.sem;
  if (sem.type === 'DURATION') return { value: sem.value, anchored: false };
  if (sem.type === 'SET') return { value: sem.value, anchored: false };
  const date = sem.type === 'DATE' ? sem.date : sem.date;
  const bareWeekday = date && date.weekday !== undefined && date.dir === 'tense' && date.month === undefined;
  // the first mention decides, unless this one has a tense cue of its own
  if (bareWeekday && ctx.anchor && !ctx.future && !ctx.present && weekdayMemo.has(date.weekday!)) {
    const v = weekdayMemo.get(date.weekday!)!;
    if (sem.type === 'DATE') return { value: v, anchored: true };
    const t = resolveTime({ ...date, weekday: undefined, dir: undefined, year: +v.slice(0, 4), month: +v.slice(5, 7), day: +v.slice(8, 10) }, sem.time, ctx);
    return { ...t, anchored: true };
  }
  const r = sem.type === 'DATE' ? resolveDate(sem.date, ctx) : resolveTime(sem.date, sem.time, ctx);
  if (date && date.weekday !== undefined && date.month === undefined && r.value && ctx.anchor) weekdayMemo.set(date.weekday, r.value.slice(0, 10));
  return r;
}
