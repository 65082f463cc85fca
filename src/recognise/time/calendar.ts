/**
 * Calendar arithmetic on plain calendar days (no time zones: every date is handled as a UTC midnight), ISO weeks,
 * and Hijri (Umm al-Qura) to Gregorian conversion through Intl, which Node 20 ships with full ICU.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY = 86_400_000;

export function parseYmd(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return undefined;
  return { y: +m[1], m: +m[2], d: +m[3] };
}

export function toTime(d: Ymd): number {
  return Date.UTC(d.y, d.m - 1, d.d);
}

export function fromTime(t: number): Ymd {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromTime(toTime(d) + n * DAY);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: Ymd): number {
  const w = new Date(toTime(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatYmd(d: Ymd): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}

export function formatYm(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week of a date, e.g. 2018-W15. */
export function isoWeek(d: Ymd): string {
  const wd = isoWeekday(d);
  const thursday = addDays(d, 4 - wd);
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const week = Math.floor((toTime(thursday) - jan1) / DAY / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

/** Days in a Gregorian month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The weekday `target` relative to `anchor`: 'onOrBefore' (past tense: the most recent such day, the anchor itself
 * included), 'before' («الأربعاء الماضي»), 'onOrAfter' (future tense), 'after' («الاثنين المقبل»).
 */
export function weekdayNear(anchor: Ymd, target: number, mode: 'onOrBefore' | 'before' | 'onOrAfter' | 'after'): Ymd {
  const wd = isoWeekday(anchor);
  if (mode === 'onOrBefore' || mode === 'before') {
    let back = (wd - target + 7) % 7;
    if (back === 0 && mode === 'before') back = 7;
    return addDays(anchor, -back);
  }
  let fwd = (target - wd + 7) % 7;
  if (fwd === 0 && mode === 'after') fwd = 7;
  return addDays(anchor, fwd);
}

let hijriFormat: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura Hijri date of a Gregorian day, or undefined when this runtime's Intl lacks the calendar. */
export function gregorianToHijri(d: Ymd): Ymd | undefined {
  try {
    hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const parts = hijriFormat.formatToParts(new Date(toTime(d)));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const r = { y: get('year'), m: get('month'), d: get('day') };
    return Number.isFinite(r.y) && Number.isFinite(r.m) && Number.isFinite(r.d) ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hijri (Umm al-Qura) -> Gregorian, by estimating the day from the mean lunar year and searching around it with
 * Intl until the Hijri date matches exactly. Undefined when the date does not exist (e.g. 30 of a 29-day month).
 */
export function hijriToGregorian(h: Ymd): Ymd | undefined {
  // 1 Muharram 1 AH = 16 July 622 (Julian) ≈ 19 July 622 proleptic Gregorian; 354.367 days per lunar year.
  const epoch = Date.UTC(622, 6, 19);
  const approx = epoch + ((h.y - 1) * 354.367 + (h.m - 1) * 29.53 + (h.d - 1)) * DAY;
  const start = fromTime(approx);
  for (let off = 0; off <= 40; off++) {
    for (const sign of off === 0 ? [1] : [1, -1]) {
      const g = addDays(start, sign * off);
      const got = gregorianToHijri(g);
      if (!got) return undefined;
      if (got.y === h.y && got.m === h.m && got.d === h.d) return g;
    }
  }
  return undefined;
}
