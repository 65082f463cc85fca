/** What the grammar understood of an expression, before it is resolved against an anchor into a TIMEX3 value. */

export interface DateSem {
  year?: number;
  month?: number;
  day?: number;
  /** Year relative to the anchor's (العام الماضي -1, العام الجاري 0). */
  yearRel?: number;
  monthRel?: number;
  weekRel?: number;
  dayRel?: number;
  weekday?: number;
  /** For a weekday or a month without a year: which way from the anchor. 'tense' lets the governing verb decide. */
  dir?: 'before' | 'after' | 'tense';
  /** «اليوم السابق»: relative to another event, not to the anchor: no value. */
  unresolvable?: boolean;
  weekend?: boolean;
  quarter?: number;
  half?: number;
  season?: string;
  /** «التسعينات» -> 199 */
  decade?: string;
  /** TIMEX3 century: «القرن العشرين» -> 19 */
  century?: number;
  /** «العقد الماضي»: the decade relative to the anchor's. */
  decadeRel?: number;
  centuryRel?: number;
  ref?: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';
  /** «نفس العام»: the year last mentioned in the text. */
  sameYear?: boolean;
  /** With sameYear: years after it («العام التالي» = +1). */
  yearShift?: number;
  /** Hijri date as written; year may be missing. */
  hijri?: { y?: number; m?: number; d?: number };
}

export interface TimeSem {
  hour?: number;
  minute?: number;
  /** TIMEX3 part of day: MO, MI, AF, EV, NI */
  part?: string;
}

export type Sem =
  | { type: 'DATE'; date: DateSem }
  | { type: 'TIME'; date?: DateSem; time: TimeSem; timezone?: string }
  | { type: 'DURATION'; value?: string }
  | { type: 'SET'; value: string };

/** A match over the words of one sentence: [start, end) word indices. */
export interface Match {
  start: number;
  end: number;
  sem: Sem;
  confidence: number;
}
