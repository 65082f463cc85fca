import type { DateSem, TimeSem } from './semantics';
import { addDays, daysInMonth, formatYm, formatYmd, gregorianToHijri, hijriToGregorian, isoWeek, isoWeekday, pad, toTime, validYmd, weekdayNear, type Ymd } from './calendar';

/** What resolution needs to know besides the expression itself. */
export interface ResolveContext {
  /** The anchor day (publication date or --date); absent means values stay underspecified. */
  anchor?: Ymd;
  /** The governing verb (or a cue such as «اعتبارا من») points to the future. */
  future: boolean;
  /** The governing verb is imperfect (present tense): a bare weekday is the nearest one, either way. */
  present?: boolean;
  /** The last explicit year mentioned before this expression («نفس العام»). */
  lastYear?: number;
}

export interface Resolved {
  value?: string;
  /** True when the anchor was needed to compute the value. */
  anchored: boolean;
  hijri?: string;
  /** The value came from an earlier expression in the text («نفس العام» -> the year last named). */
  fromTimex?: string;
}

/** A DATE meaning -> TIMEX3 value. Without an anchor, relative parts become X's, never a guess. */
export function resolveDate(d: DateSem, ctx: ResolveContext): Resolved {
  const a = ctx.anchor;
  if (d.ref) return { value: d.ref, anchored: false };
  if (d.unresolvable) return { anchored: false };
  if (d.decade) return { value: d.decade, anchored: false };
  if (d.century !== undefined) return { value: pad(d.century), anchored: false };
  if (d.centuryRel !== undefined) return a ? { value: pad(Math.floor((a.y - 1) / 100) + d.centuryRel), anchored: true } : { value: 'XX', anchored: false };
  if (d.decadeRel !== undefined) return a ? { value: String(Math.floor(a.y / 10) + d.decadeRel), anchored: true } : { value: 'XXX', anchored: false };
  if (d.sameYear) return ctx.lastYear !== undefined ? { value: pad(ctx.lastYear + (d.yearShift ?? 0), 4), anchored: false, fromTimex: pad(ctx.lastYear, 4) } : { value: 'XXXX', anchored: false };
  if (d.hijri) return resolveHijri(d.hijri, ctx);

  // a full or partial calendar date
  if (d.month !== undefined) {
    let year = d.year;
    let anchored = false;
    if (year === undefined && d.yearRel !== undefined) {
      if (!a) return { value: d.day ? `XXXX-${pad(d.month)}-${pad(d.day)}` : `XXXX-${pad(d.month)}`, anchored: false };
      year = a.y + d.yearRel;
      anchored = true;
    }
    if (year === undefined) {
      if (!a) return { value: d.day ? `XXXX-${pad(d.month)}-${pad(d.day)}` : `XXXX-${pad(d.month)}`, anchored: false };
      const dir = d.dir === 'tense' || d.dir === undefined ? (ctx.future ? 'after' : 'before') : d.dir;
      const here = d.month * 100 + (d.day ?? 0);
      const now = a.m * 100 + (d.day !== undefined ? a.d : 0);
      const explicit = d.dir === 'before' || d.dir === 'after';
      year = a.y;
      // «أغسطس الماضي» excludes the anchor's own month; a past-tense «أغسطس» includes it (and the same for future).
      if (dir === 'before' && (explicit ? here >= now : here > now)) year = a.y - 1;
      if (dir === 'after' && (explicit ? here <= now : here < now)) year = a.y + 1;
      if (d.weekday !== undefined && d.day !== undefined) {
        // «الجمعة 13 إبريل»: the year in which that day is that weekday, nearest the anchor
        const fits = [a.y, a.y + 1, a.y - 1].find((y) => validYmd(y, d.month!, d.day!) && isoWeekday({ y, m: d.month!, d: d.day! }) === d.weekday);
        if (fits !== undefined) year = fits;
      } else if (d.dir === 'tense' && !ctx.future) {
        // No future cue: the most recent such day or month, unless the next one is close ahead (within four
        // months: «كأس العالم المقامة بين 14 يونيو و15 يوليو» in March), as news dates cluster around publication.
        const firstDay = (y: number) => toTime({ y, m: d.month!, d: d.day ?? 1 });
        const anchorT = toTime(a);
        const lastDay = (y: number) => (d.day !== undefined ? firstDay(y) : toTime({ y, m: d.month!, d: daysInMonth(y, d.month!) }));
        const past = firstDay(a.y) <= anchorT ? a.y : a.y - 1;
        const next = past + 1;
        year = lastDay(past) >= anchorT ? past : firstDay(next) - anchorT <= 122 * 86_400_000 ? next : past;
      }
      anchored = true;
    }
    if (d.day !== undefined) {
      if (!validYmd(year, d.month, d.day)) return { anchored };
      return { value: formatYmd({ y: year, m: d.month, d: d.day }), anchored };
    }
    return { value: formatYm(year, d.month), anchored };
  }
  if (d.weekday !== undefined) {
    if (!a) return { value: `XXXX-WXX-${d.weekday}`, anchored: false };
    const mode = d.dir === 'before' ? 'before' : d.dir === 'after' ? 'after' : ctx.future ? 'onOrAfter' : 'onOrBefore';
    if (mode === 'onOrBefore' && ctx.present) {
      const back = weekdayNear(a, d.weekday, 'onOrBefore');
      const ahead = weekdayNear(a, d.weekday, 'onOrAfter');
      const nearer = toTime(a) - toTime(back) <= toTime(ahead) - toTime(a) ? back : ahead;
      return { value: formatYmd(nearer), anchored: true };
    }
    return { value: formatYmd(weekdayNear(a, d.weekday, mode)), anchored: true };
  }
  if (d.dayRel !== undefined) {
    if (!a) return { value: 'XXXX-XX-XX', anchored: false };
    return { value: formatYmd(addDays(a, d.dayRel)), anchored: true };
  }
  if (d.weekend) {
    if (!a) return { value: 'XXXX-WXX-WE', anchored: false };
    let base = addDays(a, 7 * (d.weekRel ?? 0));
    if (d.dir === 'tense') {
      const wd = isoWeekday(a);
      // past: the weekend just gone (this week's when the anchor is on it); future: the coming one
      if (!ctx.future && wd < 6) base = addDays(a, -7);
    }
    return { value: `${isoWeek(base)}-WE`, anchored: true };
  }
  if (d.weekRel !== undefined) {
    if (!a) return { value: 'XXXX-WXX', anchored: false };
    return { value: isoWeek(addDays(a, 7 * d.weekRel)), anchored: true };
  }
  if (d.monthRel !== undefined) {
    if (!a) return { value: d.day !== undefined ? `XXXX-XX-${pad(d.day)}` : 'XXXX-XX', anchored: false };
    const t = new Date(Date.UTC(a.y, a.m - 1 + d.monthRel, 1));
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() + 1;
    if (d.day !== undefined) return validYmd(y, m, d.day) ? { value: formatYmd({ y, m, d: d.day }), anchored: true } : { anchored: true };
    return { value: formatYm(y, m), anchored: true };
  }
  let year = d.year;
  let anchored = false;
  if (year === undefined && d.yearRel !== undefined) {
    if (!a) {
      const suffix = d.quarter ? `-Q${d.quarter}` : d.half ? `-H${d.half}` : d.season ? `-${d.season}` : '';
      return { value: `XXXX${suffix}`, anchored: false };
    }
    year = a.y + d.yearRel;
    anchored = true;
  }
  if (year === undefined) return { anchored: false };
  const y = pad(year, 4);
  if (d.quarter) return { value: `${y}-Q${d.quarter}`, anchored };
  if (d.half) return { value: `${y}-H${d.half}`, anchored };
  if (d.season) return { value: `${y}-${d.season}`, anchored };
  return { value: y, anchored };
}

function resolveHijri(h: { y?: number; m?: number; d?: number }, ctx: ResolveContext): Resolved {
  const hijri = h.y !== undefined ? [pad(h.y, 4), h.m !== undefined ? pad(h.m) : undefined, h.d !== undefined ? pad(h.d) : undefined].filter(Boolean).join('-') : `XXXX-${pad(h.m ?? 0)}${h.d !== undefined ? '-' + pad(h.d) : ''}`;
  if (h.m === undefined || h.d === undefined) return { anchored: false, hijri };
  if (h.y !== undefined) {
    const g = hijriToGregorian({ y: h.y, m: h.m, d: h.d });
    return { value: g ? formatYmd(g) : undefined, anchored: false, hijri };
  }
  // «10 شوال» without a year: the Hijri year around the anchor, chosen as for Gregorian dates (the most recent one,
  // or the coming one when a future cue says so or it is within four months ahead)
  const a = ctx.anchor;
  const ha = a ? gregorianToHijri(a) : undefined;
  if (!a || !ha) return { anchored: false, hijri };
  const at = toTime(a);
  const options = [ha.y - 1, ha.y, ha.y + 1]
    .map((y) => ({ y, g: hijriToGregorian({ y, m: h.m!, d: h.d! }) }))
    .filter((o): o is { y: number; g: Ymd } => o.g !== undefined);
  const past = options.filter((o) => toTime(o.g) <= at).pop();
  const next = options.find((o) => toTime(o.g) > at);
  const pick = ctx.future ? next ?? past : next && (!past || toTime(next.g) - at <= 122 * 86_400_000) ? next : past;
  if (!pick) return { anchored: true, hijri };
  return { value: formatYmd(pick.g), anchored: true, hijri: `${pad(pick.y, 4)}-${pad(h.m)}-${pad(h.d)}` };
}

/** A TIME: the day's value (or the anchor's day for a bare clock time) + T08:00 or a part of day (TMO, TEV…). */
export function resolveTime(date: DateSem | undefined, t: TimeSem, ctx: ResolveContext): Resolved {
  let day: Resolved;
  if (date) day = resolveDate(date, ctx);
  else if (ctx.anchor) day = { value: formatYmd(ctx.anchor), anchored: true };
  else day = { value: 'XXXX-XX-XX', anchored: false };
  const base = day.value && /^\d{4}-\d{2}-\d{2}$|^XXXX-XX-XX$|^XXXX-WXX-\d$/.test(day.value) ? day.value : day.value ?? 'XXXX-XX-XX';
  const clock = t.hour !== undefined ? `T${pad(t.hour)}:${pad(t.minute ?? 0)}` : t.part ? `T${t.part}` : '';
  return { value: base + clock, anchored: day.anchored, ...(day.hijri ? { hijri: day.hijri } : {}) };
}
