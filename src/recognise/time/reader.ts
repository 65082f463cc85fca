import type { Word } from './words';
import type { TimeSem } from './semantics';
import { timeLexicon, type UnitCode } from './lexicon';

/**
 * Readers of the small pieces temporal expressions are made of, over the words of one sentence: numbers in digits
 * and words, month names in both systems, years with era marks, «الماضي/المقبل», units, parts of the day, time
 * zones. Each takes a word index and returns what it read and where it ended, or undefined.
 */

export const L = () => timeLexicon();

const ERA_AD = new Set(['م', 'ميلادي', 'ميلاديه', 'ميلاديا']);
const ERA_AH = new Set(['ه', 'هـ', 'هجري', 'هجريه', 'هجريا']);
export const CLOCK_PART_ADVERBS: Record<string, string> = { صباحا: 'MO', صباح: 'MO', فجرا: 'MO', فجر: 'MO', ظهرا: 'MI', ظهر: 'MI', عصرا: 'AF', عصر: 'AF', مساء: 'EV', مساءا: 'EV', ليلا: 'NI', ليل: 'NI' };

export class Reader {
  constructor(protected readonly w: Word[]) {}

  key(i: number): string | undefined {
    return this.w[i]?.key;
  }

  norm(i: number): string | undefined {
    return this.w[i]?.norm;
  }

  protected isPunct(i: number, ch: string): boolean {
    return this.w[i]?.norm === ch;
  }

  protected digits(i: number): number | undefined {
    const x = this.w[i];
    if (!x || x.tok.kind !== 'number' || !/^\d+$/.test(x.norm)) return undefined;
    return Number(x.norm);
  }

  protected plain(i: number, ...keys: string[]): boolean {
    const x = this.w[i];
    return !!x && !x.art && keys.includes(x.key);
  }

  protected withArt(i: number, ...keys: string[]): boolean {
    const x = this.w[i];
    return !!x && x.art && keys.includes(x.key);
  }

  protected anyForm(i: number, ...keys: string[]): boolean {
    const x = this.w[i];
    return !!x && keys.includes(x.key);
  }

  /** A cardinal in digits or words («ثلاث», «خمسة عشر», «خمسة وعشرين»). */
  cardinal(i: number): { value: number; end: number } | undefined {
    const d = this.digits(i);
    if (d !== undefined) return { value: d, end: i + 1 };
    const x = this.w[i];
    if (!x || x.tok.kind !== 'arabic') return undefined;
    const v = L().cardinals.get(x.key);
    if (v === undefined || v < 0 || x.art) return undefined;
    if (v < 10 && this.plain(i + 1, 'عشر', 'عشره')) return { value: v + 10, end: i + 2 };
    const n = this.w[i + 1];
    if (v < 10 && n && n.proclitic && n.norm.startsWith('و') && L().tens.has(n.key)) return { value: v + L().tens.get(n.key)!, end: i + 2 };
    return { value: v, end: i + 1 };
  }

  /** An ordinal with the article: «العاشرة», «الثانية عشرة», «السادس والعشرين», «العشرين». */
  ordinal(i: number): { value: number; end: number } | undefined {
    const x = this.w[i];
    if (!x || !x.art) return undefined;
    const tens = L().tens.get(x.key);
    if (tens !== undefined) return { value: tens, end: i + 1 };
    const v = L().ordinals.get(x.key);
    if (v === undefined) return undefined;
    if (v < 10 && this.plain(i + 1, 'عشر', 'عشره')) return { value: v + 10, end: i + 2 };
    const n = this.w[i + 1];
    if (v < 10 && n && n.art && n.norm.startsWith('و') && L().tens.has(n.key)) return { value: v + L().tens.get(n.key)!, end: i + 2 };
    return { value: v, end: i + 1 };
  }

  /** A Gregorian or Levantine month name, alone or paired «آذار/مارس», «ديسمبر/كانون الأول». */
  month(i: number): { month: number; end: number; ambiguous: boolean } | undefined {
    const one = this.monthName(i);
    if (!one) return undefined;
    let end = one.end;
    let ambiguous = one.ambiguous;
    if (this.isPunct(end, '/') || this.isPunct(end, '-') || this.isPunct(end, '(')) {
      const two = this.monthName(end + 1);
      if (two) {
        const closes = this.isPunct(end, '(') ? this.isPunct(two.end, ')') : true;
        if (closes) {
          end = this.isPunct(end, '(') ? two.end + 1 : two.end;
          ambiguous = false;
        }
      }
    }
    return { month: one.month, end, ambiguous };
  }

  protected monthName(i: number): { month: number; end: number; ambiguous: boolean } | undefined {
    const x = this.w[i];
    if (!x || x.tok.kind !== 'arabic' || x.art) return undefined;
    const two = L().twoWordMonths.get(x.key);
    if (two) {
      const n = this.w[i + 1];
      if (n && two[n.key] !== undefined && (n.art || n.key === 'اول')) return { month: two[n.key], end: i + 2, ambiguous: false };
      return undefined;
    }
    const m = L().months.get(x.key);
    if (m === undefined) return undefined;
    return { month: m, end: i + 1, ambiguous: L().ambiguousMonths.has(x.key) };
  }

  protected hijriMonth(i: number): { month: number; end: number } | undefined {
    const x = this.w[i];
    if (!x || x.tok.kind !== 'arabic' || x.art) return undefined;
    const two = L().hijriTwoWord.get(x.key);
    if (two) {
      const n = this.w[i + 1];
      if (n && n.art && two[n.key] !== undefined) return { month: two[n.key], end: i + 2 };
      return undefined;
    }
    const m = L().hijriMonths.get(x.key);
    return m === undefined ? undefined : { month: m, end: i + 1 };
  }

  /** A year in digits, optionally in parentheses, with an optional era mark (م، ميلادي، هـ، هجري). */
  protected yearNumber(i: number): { year: number; end: number; era?: 'AD' | 'AH' } | undefined {
    let j = i;
    const paren = this.isPunct(j, '(');
    if (paren) j++;
    const y = this.digits(j);
    if (y === undefined || this.norm(j)!.length !== 4 || y < 1000 || y > 2100) return undefined;
    j++;
    if (paren) {
      if (!this.isPunct(j, ')')) return undefined;
      j++;
    }
    const era = this.era(j);
    if (era) return { year: y, end: j + 1, era };
    return { year: y, end: j };
  }

  protected era(i: number): 'AD' | 'AH' | undefined {
    const x = this.w[i];
    if (!x || x.art) return undefined;
    if (ERA_AD.has(x.norm)) return 'AD';
    if (ERA_AH.has(x.norm) || x.tok.text === 'هـ') return 'AH';
    return undefined;
  }

  /** «الماضي/المقبل/الجاري» after a unit or a name: -1, +1, 0. */
  protected relWord(i: number): number | undefined {
    const x = this.w[i];
    if (!x || !x.art) return undefined;
    if (L().past.has(x.key)) return -1;
    if (L().future.has(x.key)) return 1;
    if (L().current.has(x.key)) return 0;
    return undefined;
  }

  protected unit(i: number): { code: UnitCode; dual: boolean; plural: boolean } | undefined {
    const x = this.w[i];
    if (!x || x.tok.kind !== 'arabic') return undefined;
    const code = L().units.get(x.key);
    if (!code) return undefined;
    return { code, dual: L().duals.has(x.key), plural: L().plurals.has(x.key) };
  }

  /** «أمس الأحد», «غدا الخميس»: the weekday names the same day. */
  protected weekdayAfter(i: number): boolean {
    const x = this.w[i];
    return !!x && x.art && !x.proclitic && L().weekdays.has(x.key);
  }

  protected timezone(i: number): { zone: string; end: number } | undefined {
    const x = this.w[i];
    if (!x) return undefined;
    if (x.key === 'توقيت') {
      if (x.art) {
        if (this.withArt(i + 1, 'محلي')) return { zone: 'local', end: i + 2 };
        if (this.withArt(i + 1, 'عالمي')) return { zone: 'UTC', end: i + 2 };
      }
      for (const len of [3, 2, 1]) {
        const words = this.w.slice(i + 1, i + 1 + len);
        if (words.length < len) continue;
        const phrase = words.map((w) => (w.art ? 'ال' + w.key : w.key)).join(' ');
        const bare = words.map((w) => w.key).join(' ');
        const zone = L().timezones.get(phrase) ?? L().timezones.get(bare);
        if (zone) return { zone, end: i + 1 + len };
      }
      return undefined;
    }
    if (x.tok.kind === 'latin' && /^(GMT|UTC)$/i.test(x.norm)) return { zone: 'UTC', end: i + 1 };
    // «ت.غ» / «ت غ» (توقيت غرينتش)
    if (x.norm === 'ت' && this.isPunct(i + 1, '.') && this.norm(i + 2) === 'غ') return { zone: 'UTC', end: i + 3 };
    if (x.norm === 'ت' && this.norm(i + 1) === 'غ') return { zone: 'UTC', end: i + 2 };
    return undefined;
  }

  protected partAdverb(i: number): { part: string; end: number } | undefined {
    const x = this.w[i];
    if (!x || x.art) return undefined;
    if (x.key === 'بعد' && this.withArt(i + 1, 'ظهر')) return { part: 'AF', end: i + 2 };
    if (x.key === 'من' && this.withArt(i + 1, 'صباح', 'مساء', 'ليل', 'فجر')) {
      const p = CLOCK_PART_ADVERBS[this.key(i + 1)!];
      return p ? { part: p, end: i + 2 } : undefined;
    }
    const p = CLOCK_PART_ADVERBS[x.key];
    if (!p || x.proclitic) return undefined;
    return { part: p, end: i + 1 };
  }

  /** Hours in words are feminine ordinals («العاشرة», «الحادية عشرة») or «الواحدة»; «الساعة الأولى» is not 1 o'clock. */
  protected hourWord(i: number): { time: TimeSem; end: number } | undefined {
    const x = this.w[i];
    if (!x || !x.art) return undefined;
    if (x.key === 'واحده') return { time: { hour: 1, minute: 0 }, end: i + 1 };
    if (!x.key.endsWith('ه') || x.key === 'اولي') return undefined;
    const o = this.ordinal(i);
    if (o && o.value >= 1 && o.value <= 12) return { time: { hour: o.value, minute: 0 }, end: o.end };
    return undefined;
  }

  protected clockNumber(i: number): { time: TimeSem; end: number } | undefined {
    const x = this.w[i];
    if (!x) return undefined;
    if (x.tok.kind === 'number') {
      const m = /^(\d{1,2})(?:[:.,](\d{2}))?$/.exec(x.norm);
      if (!m) return undefined;
      const h = +m[1];
      const min = m[2] ? +m[2] : 0;
      if (h > 24 || min > 59) return undefined;
      return { time: { hour: h, minute: min }, end: i + 1 };
    }
    return this.hourWord(i);
  }
}
