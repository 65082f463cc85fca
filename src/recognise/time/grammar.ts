import type { DateSem, Match, TimeSem } from './semantics';
import { L, Reader } from './reader';
import { durationValue, to24, vagueUnit } from './values';

/** Words after which a bare number of years or a bare unit reads as a length of time. */
const DURATION_CUES = new Set(['منذ', 'لمده', 'مده', 'مدي', 'مدار', 'طيله', 'طوال', 'نحو', 'حوالي', 'قرابه', 'قبل', 'بعد', 'خلال', 'الي', 'اكثر', 'اقل', 'غضون', 'استمرت', 'استمر', 'تستمر', 'يستمر', 'عده', 'بضعه', 'بضع']);

/**
 * The temporal grammar: hand-written rules over the words of one sentence. Each rule method (numericDate,
 * calendarDate, year, relative, time, duration, set) tries to read an expression starting at word `i` and returns
 * the match (word range and meaning) or undefined; `matchAt` keeps the longest. Spans start after prepositions and
 * attached proclitics, and keep «يوم», «الماضي», «المقبل».
 */
/** «يوميا» daily …: SET expressions of one word (built once: the rule runs on every word). */
const FREQUENCY_ADVERBS = new Map([
  ['يوميا', 'P1D'],
  ['اسبوعيا', 'P1W'],
  ['شهريا', 'P1M'],
  ['سنويا', 'P1Y'],
  ['ساعيا', 'PT1H'],
]);

export class Grammar extends Reader {
  // ---- dates ------------------------------------------------------------------------------------------------

  /** Numeric dates: 24/8/1993, 2018-03-04, «( 29 / 12 / 2011 )». */
  numericDate(i: number): Match | undefined {
    let j = i;
    const paren = this.isPunct(j, '(');
    if (paren) j++;
    const x = this.w[j];
    if (!x || x.tok.kind !== 'number') return undefined;
    let parts: number[] | undefined;
    let end = j + 1;
    const one = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(x.norm);
    if (one) parts = [+one[1], +one[2], +one[3]];
    else if (this.digits(j) !== undefined && (this.isPunct(j + 1, '/') || this.isPunct(j + 1, '-')) && this.digits(j + 2) !== undefined && this.norm(j + 3) === this.norm(j + 1) && this.digits(j + 4) !== undefined) {
      parts = [this.digits(j)!, this.digits(j + 2)!, this.digits(j + 4)!];
      end = j + 5;
    }
    if (!parts) return undefined;
    let [a, b, c] = parts;
    let y: number, m: number, d: number;
    if (a > 999) [y, m, d] = [a, b, c];
    else if (c > 999) {
      y = c;
      if (b > 12 && a <= 12) [m, d] = [a, b];
      else [d, m] = [a, b];
    } else return undefined;
    if (y < 1000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
    if (paren) {
      if (!this.isPunct(end, ')')) return undefined;
      end++;
    }
    const era = this.era(end);
    if (era) end++;
    const date: DateSem = era === 'AH' ? { hijri: { y, m, d } } : { year: y, month: m, day: d };
    void a;
    void b;
    void c;
    return { start: i, end, sem: { type: 'DATE', date }, confidence: 0.95 };
  }

  /**
   * Calendar dates with names: [edge] [يوم] [weekday [الماضي]] [day [من]] [شهر] month [/ month] [year | من العام
   * الجاري | الماضي] and Hijri dates «١٥ رمضان ١٤٣٩ هـ». Also weekdays alone.
   */
  calendarDate(i: number): Match | undefined {
    let j = i;
    const date: DateSem = {};
    let edge = false;
    if (L().edges.has(this.key(j) ?? '') && !this.w[j].art) {
      edge = true;
      j++;
    }
    let yawm = false;
    if (this.plain(j, 'يوم')) {
      yawm = true;
      j++;
    }
    let anything = false;
    let strong = false;
    // weekday
    const wdWord = this.w[j];
    const marketDay = (!yawm && ['سوق', 'صلاه', 'خطبه', 'مسجد'].includes(this.key(j - 1) ?? '')) || (!yawm && this.bothNotMonday(j));
    if (wdWord && L().weekdays.has(wdWord.key) && (wdWord.art || yawm) && !marketDay && !(wdWord.key === 'جمعه' && !yawm && this.isConstructNext(j + 1))) {
      date.weekday = L().weekdays.get(wdWord.key)!;
      date.dir = 'tense';
      j++;
      anything = true;
      strong = true;
      const rel = this.relWord(j);
      if (rel !== undefined && rel !== 0) {
        date.dir = rel < 0 ? 'before' : 'after';
        j++;
      }
      if (this.withArt(j, 'موافق')) j++;
    }
    const afterWeekday = j;
    // day of month
    let day: number | undefined;
    let k = j;
    const dnum = this.digits(k);
    if (dnum !== undefined && dnum >= 1 && dnum <= 31 && this.norm(k)!.length <= 2) {
      day = dnum;
      k++;
    } else {
      const ord = this.ordinal(k);
      if (ord && ord.value <= 31) {
        day = ord.value;
        k = ord.end;
      }
    }
    if (day !== undefined && this.plain(k, 'من')) k++;
    let shahr = false;
    if (this.plain(k, 'شهر')) {
      shahr = true;
      k++;
    }
    if (day !== undefined && this.withArt(k, 'شهر') && this.relWord(k + 1) !== undefined && !shahr) {
      // «السادس والعشرين من الشهر الجاري»
      const r = this.relWord(k + 1)!;
      return { start: i, end: k + 2, sem: { type: 'DATE', date: { ...date, day, monthRel: r, dir: undefined } }, confidence: 0.85 };
    }
    const mon = this.month(k);
    const hmon = mon ? undefined : this.hijriMonth(k);
    const strictMonth = mon && this.key(k) === 'اب';
    if (mon && (!mon.ambiguous || day !== undefined || shahr || this.yearNumber(mon.end) || (!strictMonth && this.monthContextBefore(edge ? i - 1 : j - 1)))) {
      date.month = mon.month;
      if (day !== undefined) date.day = day;
      j = mon.end;
      anything = true;
      strong = true;
    } else if (hmon && (day !== undefined || shahr)) {
      date.hijri = { m: hmon.month, ...(day !== undefined ? { d: day } : {}) };
      j = hmon.end;
      anything = true;
      strong = true;
    } else if (!anything) {
      return undefined;
    } else {
      j = afterWeekday;
    }
    // year or relative year after a month
    if (date.month !== undefined || date.hijri) {
      const y = this.yearNumber(j) ?? (this.anyForm(j, 'عام', 'سنه') ? this.yearNumber(j + 1) : undefined);
      if (y) {
        if (y.era === 'AH' || date.hijri) {
          date.hijri = { ...(date.hijri ?? { m: date.month, d: date.day }), y: y.year };
          delete date.month;
          delete date.day;
        } else date.year = y.year;
        j = y.end;
      } else if (this.plain(j, 'من') && this.withArt(j + 1, 'عام', 'سنه') && this.relWord(j + 2) !== undefined) {
        date.yearRel = this.relWord(j + 2);
        j += 3;
      } else if (this.relWord(j) !== undefined && !['سابق', 'سابقه'].includes(this.key(j)!)) {
        // «شهر أغسطس/آب الماضي»: the most recent August before the anchor, «نوفمبر المقبل» the next one.
        const r = this.relWord(j)!;
        date.dir = r < 0 ? 'before' : r > 0 ? 'after' : undefined;
        if (r === 0) date.yearRel = 0;
        j++;
      } else if (this.isPunct(j, '(')) {
        // Wojood's archive style: «تشرين الثاني ( 27 / 11 / 1946 )» – one expression, the numbers win.
        const nd = this.numericDate(j);
        if (nd && nd.sem.type === 'DATE') {
          Object.assign(date, nd.sem.date);
          j = nd.end;
        }
      }
      if (!date.hijri && date.month && date.year === undefined && date.yearRel === undefined && date.dir === undefined) date.dir = 'tense';
    }
    if (!strong) return undefined;
    if (yawm && date.weekday === undefined && date.month === undefined && !date.hijri) return undefined;
    if (date.month === undefined && !date.hijri && date.weekday === undefined) return undefined;
    return { start: i, end: j, sem: { type: 'DATE', date }, confidence: edge ? 0.8 : 0.9 };
  }

  /** «الاثنين» also means «the two»: «البلدين الاثنين», «أن الاثنين عائدان». */
  private bothNotMonday(i: number): boolean {
    const x = this.w[i];
    if (!x || x.key !== 'اثنين') return false;
    const prev = this.w[i - 1];
    const next = this.w[i + 1];
    if (prev && prev.art && prev.tok.kind === 'arabic' && /ين$/.test(prev.key)) return true;
    if (next && !next.art && next.tok.kind === 'arabic' && /ان$/.test(next.key) && next.key.length >= 4) return true;
    if (prev && ['كلا', 'بين'].includes(prev.key)) return true;
    return false;
  }

  /** «الجمعة» followed by a noun in construct could be «الجمعة العامة»-like; keep the check narrow. */
  private isConstructNext(i: number): boolean {
    return this.withArt(i, 'عامه', 'عموميه', 'وطنيه');
  }

  /** Words before an ambiguous month name («مارس» is also a verb) that make it a month. */
  private monthContextBefore(i: number): boolean {
    const x = this.w[i];
    if (!x) return false;
    return ['في', 'منذ', 'حتي', 'شهر', 'خلال', 'مطلع', 'بدايه', 'نهايه', 'منتصف', 'اواخر', 'اوايل', 'قبل', 'بعد', 'من'].includes(x.key) && !x.art;
  }

  /** Years: «عام 2013», «العام 2018», «سنة ( 1935 ) م», «عام ( 1320 ) هجري», bare «2014» after في/منذ/حتى … */
  year(i: number): Match | undefined {
    let j = i;
    let edge = false;
    if (L().edges.has(this.key(j) ?? '') && !this.w[j].art) {
      edge = true;
      j++;
    }
    let head = false;
    if (this.anyForm(j, 'عام', 'سنه', 'عاما', 'عامي', 'سنتي', 'اعوام')) {
      head = true;
      j++;
    }
    const y = this.yearNumber(j);
    if (!y) {
      // «منتصف العام الماضي» is handled by relative(); here the head needs a number.
      return undefined;
    }
    // an era mark makes a bare number a year, except a lone «م» («1000 م مربع» is metres)
    const eraOk = y.era === 'AH' || (y.era === 'AD' && this.norm(y.end - 1) !== 'م');
    if (!head && !edge && !eraOk && !this.bareYearContext(i, y.end)) return undefined;
    const date: DateSem = y.era === 'AH' ? { hijri: { y: y.year } } : { year: y.year };
    return { start: i, end: y.end, sem: { type: 'DATE', date }, confidence: head ? 0.95 : 0.75 };
  }

  /** A bare four-digit number is a year after a preposition or before a closing bracket, not before a measure word. */
  private bareYearContext(start: number, end: number): boolean {
    const prev = this.w[start - 1];
    const next = this.w[end];
    const y = this.digits(start) ?? this.digits(start + 1);
    if (y === undefined || y < 1900 || y > 2099) {
      if (!(this.isPunct(start, '(') && y !== undefined && y >= 1800)) return false;
    }
    if (next && next.tok.kind === 'arabic' && /^(مليون|مليار|الف|دولار|يورو|شخص|جنيه|ريال|درهم|طن|كيلو|متر|ميغاواط|برميل)/.test(next.key)) return false;
    if (next && (next.norm === '%' || next.norm === '٪')) return false;
    if (this.isPunct(start, '(')) return true;
    if (!prev) return false;
    if (['في', 'من', 'منذ', 'حتي', 'قبل', 'بعد', 'خلال', 'مطلع', 'بحلول', 'لعام', 'حرب', 'انتفاضه', 'اولي', 'نكبه', 'موسم', 'بين', 'و', 'الي', 'عن'].includes(prev.key) && !(prev.key === 'و' && !this.digits(start - 2))) return true;
    if (prev.norm === '(' || prev.norm === '-') return true;
    return false;
  }

  /** Relative and deictic dates: أمس، اليوم، غدا، الأسبوع الماضي، هذا الأسبوع، عطلة نهاية الأسبوع، الآن … */
  relative(i: number): Match | undefined {
    const x = this.w[i];
    if (!x || x.tok.kind !== 'arabic') return undefined;
    const mk = (end: number, date: DateSem, confidence = 0.85): Match => ({ start: i, end, sem: { type: 'DATE', date }, confidence });
    const key = x.key;
    // edges: «بداية العام الجاري 2018», «نهاية الشهر الماضي», «منتصف عام 2016» (the last via year()).
    if (L().edges.has(key) && !x.art) {
      if (key === 'نهايه' && this.withArt(i + 1, 'اسبوع')) {
        const r = this.relWord(i + 2);
        return mk(r !== undefined ? i + 3 : i + 2, { weekend: true, weekRel: r ?? 0, dir: r === undefined ? 'tense' : undefined });
      }
      const inner = this.relative(i + 1);
      if (inner && inner.sem.type === 'DATE' && !inner.sem.date.ref && !inner.sem.date.unresolvable) return { ...inner, start: i, confidence: 0.8 };
      // «نهاية العام», «مطلع الشهر»: the current one
      if (this.withArt(i + 1, 'عام', 'سنه', 'شهر', 'اسبوع') && !this.yearNumber(i + 2)) return mk(i + 2, this.unitRel(this.key(i + 1)!, 0), 0.7);
      return undefined;
    }
    if (key === 'عطله' && !x.art && this.plain(i + 1, 'نهايه') && this.withArt(i + 2, 'اسبوع')) {
      const r = this.relWord(i + 3);
      return mk(r !== undefined ? i + 4 : i + 3, { weekend: true, weekRel: r ?? 0, dir: r === undefined ? 'tense' : undefined }, 0.9);
    }
    // historical periods «الفترة العثمانية», «فترة الحكم العثماني», «العهد العثماني»: dates without a value
    if ((key === 'فتره' || key === 'عهد' || key === 'حقبه') && !x.proclitic) {
      let j = i + 1;
      if (this.anyForm(j, 'حكم')) j++;
      // historical eras; Wojood leaves «فترة الانتداب البريطاني» unmarked, so the Mandate is not among them
      const adj = this.w[j];
      if (adj && adj.art && /^(عثماني|روماني|بيزنطي|مملوكي|صليبي|فاطمي|اموي|عباسي|ايوبي|كنعاني|يوناني|هلنستي)/.test(adj.key)) return mk(j + 1, { unresolvable: true }, 0.7);
    }
    if ((key === 'بكرا' || key === 'بكره') && !x.art) return mk(i + 1, { dayRel: 1 }, 0.7);
    if (x.art && key === 'عقد') {
      const r = this.relWord(i + 1);
      if (r !== undefined) return mk(i + 2, { decadeRel: r }, 0.8);
    }
    if (key === 'امس' && !x.art) {
      if (this.plain(i - 1, 'اول')) return undefined; // «أول أمس» is read from «أول»
      // «في أمس الحاجة»: the superlative «most», not yesterday
      if (this.w[i + 1]?.art && !this.weekdayAfter(i + 1) && this.w[i + 1].tok.kind === 'arabic') return undefined;
      return mk(this.weekdayAfter(i + 1) ? i + 2 : i + 1, { dayRel: -1 }, 0.95);
    }
    if (key === 'اول' && !x.art && this.plain(i + 1, 'امس')) return mk(i + 2, { dayRel: -2 }, 0.9);
    if (key === 'بارحه' && x.art) return mk(i + 1, { dayRel: -1 }, 0.9);
    if (key === 'امس' && x.art) return mk(i + 1, { dayRel: -1 }, 0.85);
    if ((key === 'غدا' || key === 'غد') && !x.art) {
      if (this.plain(i - 1, 'بعد') && i > 0) return undefined;
      return mk(this.weekdayAfter(i + 1) ? i + 2 : i + 1, { dayRel: 1 }, 0.9);
    }
    if (key === 'بعد' && !x.art && this.plain(i + 1, 'غد', 'غدا')) return mk(i + 2, { dayRel: 2 }, 0.85);
    if (key === 'يوم' && !x.art && this.plain(i + 1, 'امس')) return mk(i + 2, { dayRel: -1 }, 0.95);
    if (key === 'يوم' && !x.art && (this.plain(i + 1, 'غد') || this.withArt(i + 1, 'غد'))) return mk(i + 2, { dayRel: 1 }, 0.9);
    if (key === 'يوم' && x.art) {
      const n = this.w[i + 1];
      if (n && n.art && ['سابق', 'تالي', 'لاحق', 'ذاته', 'نفسه'].includes(n.key)) return mk(i + 2, { unresolvable: true }, 0.8);
      if (n && n.art && (L().ordinals.has(n.key) || /^(وطني|عالمي|دولي|اول|اخير|اخر|مفتوح|كامل|واحد|ذي)$/.test(n.key))) return undefined;
      if (n && !n.art && n.tok.kind === 'arabic' && ['ذاته', 'نفسه'].includes(n.key)) return mk(i + 2, { unresolvable: true }, 0.8);
      // «ثلاث مرات في اليوم», «ساعة واحدة في اليوم»: per day, not today
      if (this.plain(i - 1, 'في') && /^(مر|ساع|وجب|دقي|حب|جرع|واحد)/.test(this.key(i - 2) ?? '')) return undefined;
      // «اليوم» for today: not in a construct «اليوم الدراسي» (article-bearing adjective after it)
      if (n && n.art && n.tok.kind === 'arabic' && !n.proclitic && !L().weekdays.has(n.key)) return undefined;
      if (n && n.art && L().weekdays.has(n.key)) return mk(i + 2, { dayRel: 0 }, 0.9);
      return mk(i + 1, { dayRel: 0 }, 0.8);
    }
    // «الأسبوع الماضي», «الشهر الجاري», «العام المقبل», «السنة الماضية»
    if (x.art && ['اسبوع', 'شهر', 'عام', 'سنه'].includes(key)) {
      const r = this.relWord(i + 1);
      // «في العام التالي» follows the year the text just named (1985 -> 1986), not the publication
      if (r === 1 && ['تالي', 'تاليه', 'لاحق'].includes(this.key(i + 1)!)) {
        return mk(i + 2, key === 'عام' || key === 'سنه' ? { sameYear: true, yearShift: 1 } : { unresolvable: true }, 0.75);
      }
      if (r !== undefined) {
        let end = i + 2;
        const date = this.unitRel(key, r);
        // «بداية العام الجاري 2018»
        const y = (key === 'عام' || key === 'سنه') ? this.yearNumber(end) : undefined;
        if (y) {
          end = y.end;
          delete date.yearRel;
          date.year = y.year;
        }
        return mk(end, date, 0.9);
      }
      if ((key === 'عام' || key === 'سنه') && this.withArt(i + 1, 'ذاته', 'نفسه')) return mk(i + 2, { sameYear: true }, 0.8);
      if ((key === 'عام' || key === 'سنه') && this.plain(i + 1, 'ذاته', 'نفسه')) return mk(i + 2, { sameYear: true }, 0.8);
    }
    // «هذا الأسبوع», «هذا العام», «هذه السنة», «هذا الشهر»
    if (!x.art && (key === 'هذا' || key === 'هذه' || key === 'هذه') && this.withArt(i + 1, 'اسبوع', 'شهر', 'عام', 'سنه')) {
      return mk(i + 2, this.unitRel(this.key(i + 1)!, 0), 0.9);
    }
    if (!x.art && key === 'نفس' && this.withArt(i + 1, 'عام', 'سنه')) return mk(i + 2, { sameYear: true }, 0.85);
    if (!x.art && key === 'هذا' && this.withArt(i + 1, 'يوم') && !this.w[i + 2]?.art) return mk(i + 2, { dayRel: 0 }, 0.85);
    // quarters and halves: «الربع الثاني من العام 2018», «النصف الأول من العام الجاري»
    if (x.art && (key === 'ربع' || key === 'نصف')) {
      const ord = this.ordinal(i + 1);
      if (ord && ord.value <= (key === 'ربع' ? 4 : 2)) {
        let j = ord.end;
        if (this.plain(j, 'من')) j++;
        const date: DateSem = key === 'ربع' ? { quarter: ord.value } : { half: ord.value };
        if (this.anyForm(j, 'عام', 'سنه')) {
          const y = this.yearNumber(j + 1);
          const r = this.relWord(j + 1);
          if (y) return mk(y.end, { ...date, year: y.year }, 0.9);
          if (r !== undefined) return mk(j + 2, { ...date, yearRel: r }, 0.9);
          if (this.w[j].art) return mk(j + 1, { ...date, yearRel: 0 }, 0.7);
        }
        const y = this.yearNumber(j);
        if (y) return mk(y.end, { ...date, year: y.year }, 0.85);
      }
    }
    // decades «التسعينات [من القرن الماضي]»
    if (L().decades.has(key) && (x.art || this.w[i - 1]?.key === 'في')) {
      const dec = L().decades.get(key)!;
      let end = i + 1;
      let century = 19;
      if (this.plain(end, 'من') && this.withArt(end + 1, 'قرن')) {
        const r = this.relWord(end + 2);
        const o = this.ordinal(end + 2);
        if (r !== undefined) end += 3;
        else if (o) {
          century = o.value - 1;
          end = o.end;
        } else if (this.digits(end + 2) !== undefined) {
          century = this.digits(end + 2)! - 1;
          end += 3;
        }
      }
      return mk(end, { decade: `${century}${dec}` }, 0.85);
    }
    // centuries «القرن العشرين», «القرن الحادي والعشرين», «القرن الـ19», «القرن الماضي»
    if (x.art && key === 'قرن') {
      const o = this.ordinal(i + 1);
      if (o) return mk(o.end, { century: o.value - 1 }, 0.85);
      let j = i + 1;
      if (this.norm(j) === 'ال') j++;
      const d = this.digits(j);
      if (d !== undefined && d >= 1 && d <= 22) return mk(j + 1, { century: d - 1 }, 0.85);
      const r = this.relWord(i + 1);
      if (r !== undefined) return mk(i + 2, { centuryRel: r }, 0.85);
    }
    // seasons «الصيف الماضي», «شتاء 2018», «فصل الشتاء»
    if (L().seasons.has(key) && (x.art || this.digits(i + 1) !== undefined)) {
      if (this.withArt(i + 1, 'عربي')) return undefined;
      const season = L().seasons.get(key)!;
      const r = this.relWord(i + 1);
      const y = this.yearNumber(i + 1);
      if (y) return mk(y.end, { season, year: y.year }, 0.85);
      if (r !== undefined) return mk(i + 2, { season, yearRel: r, dir: undefined }, 0.85);
      if (this.plain(i - 1, 'فصل') || this.plain(i - 1, 'في') || this.plain(i - 1, 'خلال')) return mk(i + 1, { season, yearRel: 0 }, 0.6);
    }
    if (key === 'فصل' && !x.art && this.w[i + 1] && L().seasons.has(this.key(i + 1)!) && this.w[i + 1].art) {
      const inner = this.relative(i + 1);
      const season = L().seasons.get(this.key(i + 1)!)!;
      return inner ? { ...inner, start: i } : mk(i + 2, { season, yearRel: 0 }, 0.7);
    }
    // deictics
    // «الآن» (now), not the name «آلان» (Alan), which the view folds to the same letters
    if ((key === 'الان' || key === 'ان') && (key === 'الان' || x.art) && !/^[وفب]?آ/.test(x.tok.text)) return mk(i + 1, { ref: 'PRESENT_REF' }, 0.85);
    if (key === 'حاليا' && !x.art) return mk(i + 1, { ref: 'PRESENT_REF' }, 0.85);
    if (x.art && key === 'وقت' && this.withArt(i + 1, 'حالي', 'راهن')) return mk(i + 2, { ref: 'PRESENT_REF' }, 0.8);
    if (!x.art && key === 'وقت' && this.plain(i + 1, 'سابق')) return mk(i + 2, { ref: 'PAST_REF' }, 0.8);
    if (!x.art && key === 'وقت' && this.plain(i + 1, 'لاحق')) return mk(i + 2, { ref: 'FUTURE_REF' }, 0.8);
    if (x.art && key === 'مستقبل') {
      const n = this.w[i + 1];
      if (n && n.art && ['قريب', 'منظور', 'بعيد'].includes(n.key)) return mk(i + 2, { ref: 'FUTURE_REF' }, 0.8);
      if (!n || n.tok.kind === 'punct' || ['في', 'من', 'و'].includes(n.key) || n.proclitic) {
        if (['في', 'ب'].includes(this.key(i - 1) ?? '') || x.proclitic) return mk(i + 1, { ref: 'FUTURE_REF' }, 0.75);
      }
    }
    return undefined;
  }

  private unitRel(unit: string, r: number): DateSem {
    if (unit === 'اسبوع') return { weekRel: r };
    if (unit === 'شهر') return { monthRel: r };
    return { yearRel: r };
  }

  // ---- times ------------------------------------------------------------------------------------------------

  /**
   * Clock times and parts of the day: «الساعة 8 صباحًا يوم الاثنين», «العاشرة مساء», «الساعة 10:30», «ظهر الثلاثاء»,
   * «صباح اليوم». A time zone phrase after it («بتوقيت المملكة المتحدة») is read but left outside the span.
   */
  time(i: number): Match | undefined {
    const x = this.w[i];
    if (!x) return undefined;
    // «هذا الصباح», «هذا المساء»: today
    if (!x.art && x.key === 'هذا' && this.withArt(i + 1, 'صباح', 'مساء')) {
      return { start: i, end: i + 2, sem: { type: 'TIME', date: { dayRel: 0 }, time: { part: L().dayParts.get(this.key(i + 1)!)! } }, confidence: 0.8 };
    }
    let j = i;
    const time: TimeSem = {};
    let clock = false;
    if (x.art && x.key === 'ساعه') {
      j++;
      const c = this.clockNumber(j);
      if (!c) return undefined;
      Object.assign(time, c.time);
      j = c.end;
      clock = true;
    } else if (x.tok.kind === 'number' && (/^\d{1,2}:\d{2}$/.test(x.norm) || (/^\d{1,2}[.,]\d{2}$|^[012]\d[0-5]\d$/.test(x.norm) && (this.timezone(i + 1) || this.partAdverb(i + 1))))) {
      // «20:30», and «12.01» or «0200» when a time zone or a part of the day follows
      const digits = x.norm.replace(/[:.,]/, '');
      const h = Number(digits.slice(0, digits.length - 2));
      const m = Number(digits.slice(-2));
      if (h > 24 || m > 59) return undefined;
      time.hour = h;
      time.minute = m;
      j++;
      clock = true;
    } else if (x.art && this.hourWord(i) && this.partAdverb(this.hourWord(i)!.end)) {
      const h = this.hourWord(i)!;
      Object.assign(time, h.time);
      j = h.end;
      clock = true;
    }
    if (clock) {
      // minutes in words: «والنصف», «والربع», «إلا ربعا» (ignored), «و30 دقيقة»
      const n = this.w[j];
      if (n && n.norm.startsWith('و') && n.art && n.key === 'نصف') {
        time.minute = 30;
        j++;
      } else if (n && n.norm.startsWith('و') && n.art && n.key === 'ربع') {
        time.minute = 15;
        j++;
      } else if (n && n.norm.startsWith('و') && n.art && n.key === 'ثلث') {
        time.minute = 20;
        j++;
      } else if (n && n.key === 'الا' && !n.art && time.hour !== undefined) {
        // «الواحدة إلا ثلثا» = 12:40, «إلا ربعا» = a quarter to
        const less = ({ ربع: 15, ربعا: 15, ثلث: 20, ثلثا: 20 } as Record<string, number>)[this.key(j + 1) ?? ''];
        if (less !== undefined) {
          time.hour = time.hour === 1 ? 12 : time.hour - 1;
          time.minute = 60 - less;
          j += 2;
        }
      }
      const part = this.partAdverb(j);
      if (part) {
        time.part = part.part;
        j = part.end;
      }
      if (time.hour !== undefined) time.hour = to24(time.hour, time.part);
      const day = this.dayAfterTime(j);
      let date: DateSem | undefined;
      if (day) {
        date = day.date;
        j = day.end;
      }
      const tz = this.timezone(j);
      // «الساعة 12.01 بتوقيت شرق الولايات المتحدة يوم الثلاثاء»: the day after the zone dates the time; the span
      // stays on the clock (the zone is never inside a span) and the day is its own DATE
      if (!date && tz) date = this.dayAfterTime(tz.end)?.date;
      return { start: i, end: j, sem: { type: 'TIME', time: { hour: time.hour, minute: time.minute }, ...(date ? { date } : {}), ...(tz ? { timezone: tz.zone } : {}) }, confidence: 0.9 };
    }
    // part of a day + a day: «صباح اليوم», «مساء الثلاثاء», «ليلة الاثنين»
    const partKey = x.art ? undefined : L().dayParts.get(x.key);
    if (partKey && ['صباح', 'مساء', 'ظهر', 'عصر', 'ليله', 'ليل', 'فجر', 'ظهيره'].includes(x.key)) {
      const day = this.dayAfterTime(i + 1);
      if (!day) return undefined;
      const tz = this.timezone(day.end);
      const part = partKey === 'MI' && this.plain(i - 1, 'بعد') ? 'AF' : partKey;
      return { start: i, end: day.end, sem: { type: 'TIME', date: day.date, time: { part }, ...(tz ? { timezone: tz.zone } : {}) }, confidence: 0.85 };
    }
    return undefined;
  }

  /** The day a time belongs to: «يوم الاثنين», «الثلاثاء», «اليوم», «أمس», «الغد», a calendar date. */
  private dayAfterTime(i: number): { date: DateSem; end: number } | undefined {
    const x = this.w[i];
    if (!x) return undefined;
    if (x.proclitic) return undefined;
    if (x.art && x.key === 'يوم') {
      const n = this.w[i + 1];
      if (n && n.art && L().weekdays.has(n.key)) return { date: { dayRel: 0 }, end: i + 2 };
      if (n && n.art && n.tok.kind === 'arabic' && !n.proclitic) return undefined;
      return { date: { dayRel: 0 }, end: i + 1 };
    }
    if (!x.art && x.key === 'امس') return { date: { dayRel: -1 }, end: this.weekdayAfter(i + 1) ? i + 2 : i + 1 };
    if (x.key === 'غد' || x.key === 'غدا') return { date: { dayRel: 1 }, end: this.weekdayAfter(i + 1) ? i + 2 : i + 1 };
    if (x.art && x.key === 'بارحه') return { date: { dayRel: -1 }, end: i + 1 };
    if (!x.art && x.key === 'هذا' && this.withArt(i + 1, 'يوم')) return { date: { dayRel: 0 }, end: i + 2 };
    const cd = this.calendarDate(i);
    if (cd && cd.sem.type === 'DATE') return { date: cd.sem.date, end: cd.end };
    return undefined;
  }

  // ---- durations and sets -----------------------------------------------------------------------------------

  duration(i: number): Match | undefined {
    const x = this.w[i];
    if (!x) return undefined;
    const mk = (end: number, value: string | undefined, confidence = 0.85): Match => ({ start: i, end, sem: { type: 'DURATION', value }, confidence });
    // «الـ14 عاما الماضين», «ال14 سنة الماضية»: the article as its own token before the number
    let j = i;
    let art = false;
    if (x.norm === 'ال' && x.tok.kind === 'arabic') {
      art = true;
      j++;
    }
    const card = this.cardinal(j);
    if (card && card.value > 0) {
      const u = this.unit(card.end);
      if (u && !u.dual) {
        // «مرة واحدة عام 2002», «للمرة 25 يوم 29 أبريل»: the unit heads a date, not a length
        if (!u.plural && (this.digits(card.end + 1) !== undefined || this.yearNumber(card.end + 1) || this.weekdayAfter(card.end + 1))) return undefined;
        let end = card.end + 1;
        let value = durationValue(card.value, u.code);
        const half = this.andHalf(end);
        if (half) {
          end = half;
          value = durationValue(card.value, u.code, true);
        }
        if (this.relWord(end) !== undefined && this.relWord(end)! < 0) end++;
        return mk(end, value, 0.9);
      }
      // ages: «تتجاوز أعمارهم الـ60»
      if (art && this.digits(j) !== undefined && ['اعمار', 'اعمارهم', 'عمر', 'عمره', 'عمرها', 'سن'].includes(this.key(i - 1) ?? '') || (art && this.key(i - 2) === 'اعمارهم')) {
        return mk(card.end, `P${card.value}Y`, 0.7);
      }
      return undefined;
    }
    if (art) return undefined;
    // «عدة أيام», «بضعة أشهر»
    if (!x.art && ['عده', 'بضعه', 'بضع'].includes(x.key)) {
      const u = this.unit(i + 1);
      if (u && u.plural) return mk(i + 2, `P${vagueUnit(u.code)}`, 0.75);
      return undefined;
    }
    // «الأشهر الأخيرة», «السنوات الماضية», «الأيام الخمسة الماضية»
    if (x.art) {
      const u = this.unit(i);
      if (u && u.plural) {
        let end = i + 1;
        const c = this.w[end] && L().cardinals.get(this.w[end].key);
        let n: number | undefined;
        if (c !== undefined && c > 0 && this.w[end].art) {
          n = c;
          end++;
        }
        const r = this.relWord(end);
        if (r !== undefined && r !== 0) return mk(end + 1, n ? durationValue(n, u.code) : `P${vagueUnit(u.code)}`, 0.8);
      }
      return undefined;
    }
    const u = this.unit(i);
    if (!u) {
      if (x.key === 'فتره' && this.withArt(i + 1, 'طويله', 'قصيره', 'وجيزه')) return mk(i + 2, undefined, 0.7);
      if (x.key === 'فتره' && this.plain(i + 1, 'طويله', 'قصيره', 'وجيزه')) return mk(i + 2, undefined, 0.7);
      return undefined;
    }
    if (x.proclitic) return undefined;
    // dual: «شهرين», «عامين»
    if (u.dual) {
      const half = this.andHalf(i + 1);
      return mk(half ?? i + 1, durationValue(2, u.code, !!half), 0.85);
    }
    // «بعد ساعات من حظر», «قبل ساعة من الموعد»: the seed gold leaves a bare unit after قبل/بعد unmarked (numbers
    // and duals after them, «بعد أربع سنوات», «قبل نحو شهرين», are marked)
    const cue = this.durationCue(i - 1) && !this.plain(i - 1, 'قبل', 'بعد');
    if (u.plural) {
      if (!cue) return undefined;
      return mk(i + 1, `P${vagueUnit(u.code)}`, 0.7);
    }
    // singular unit: «لمدة أسبوع», «منذ أسبوع», «عام ونصف»
    const half = this.andHalf(i + 1);
    if (half) return mk(half, durationValue(1, u.code, true), 0.85);
    if (!cue) return undefined;
    if (this.yearNumber(i + 1) || this.digits(i + 1) !== undefined) return undefined;
    if (this.w[i + 1] && this.w[i + 1].art && this.w[i + 1].tok.kind === 'arabic' && this.relWord(i + 1) === undefined) return undefined;
    if (this.w[i + 1] && !this.w[i + 1].art && this.w[i + 1].tok.kind === 'arabic' && ['واحد', 'كامل'].includes(this.key(i + 1)!)) return mk(i + 2, durationValue(1, u.code), 0.8);
    // «بعد عقد اتفاقية»: a singular noun followed by a bare noun is in construct, not a length of time
    const nx = this.w[i + 1];
    const strongCue = ['منذ', 'لمده', 'مده'].includes(this.key(i - 1) ?? '') || ['لمده'].includes(this.norm(i - 1) ?? '') || (this.key(i - 1) === 'الي' && this.key(i - 2) === 'تصل');
    if ((x.key === 'عقد' || !strongCue) && nx && nx.tok.kind === 'arabic' && !nx.art && !nx.proclitic && !['من', 'علي', 'في', 'او', 'تقريبا', 'فقط', 'بينما', 'حتي', 'قبل', 'بعد', 'ثم', 'لكن', 'حيث', 'الا', 'عندما', 'اي', 'اخري'].includes(nx.key)) return undefined;
    return mk(i + 1, durationValue(1, u.code), 0.75);
  }

  private andHalf(i: number): number | undefined {
    const x = this.w[i];
    if (x && x.norm === 'ونصف') return i + 1;
    return undefined;
  }

  private durationCue(i: number): boolean {
    const x = this.w[i];
    if (!x) return false;
    if (DURATION_CUES.has(x.key) && !x.art) return true;
    if (DURATION_CUES.has(x.norm)) return true;
    // «لمدة تصل إلى أسبوع»
    if (x.key === 'الي' && this.key(i - 1) === 'تصل') return true;
    return false;
  }

  set(i: number): Match | undefined {
    const x = this.w[i];
    if (!x || x.art) return undefined;
    const every = FREQUENCY_ADVERBS.get(x.key);
    if (every && !x.proclitic) return { start: i, end: i + 1, sem: { type: 'SET', value: every }, confidence: 0.7 };
    if (x.key === 'كل' && !x.proclitic) {
      const n = this.w[i + 1];
      if (!n || n.art) return undefined;
      if (n.key === 'يوم' && this.w[i + 2]?.tok.kind === 'arabic' && L().weekdays.has(this.key(i + 2)!)) {
        return { start: i, end: i + 3, sem: { type: 'SET', value: `XXXX-WXX-${L().weekdays.get(this.key(i + 2)!)}` }, confidence: 0.8 };
      }
      const u = this.unit(i + 1);
      if (u && !u.plural && !u.dual && !this.digits(i + 2)) return { start: i, end: i + 2, sem: { type: 'SET', value: durationValue(1, u.code) }, confidence: 0.75 };
    }
    return undefined;
  }

  /** The longest expression starting at word i. */
  matchAt(i: number): Match | undefined {
    // «بتاريخ ( 29 / 12 / 2011 )»: «تاريخ» heads the date as «يوم» heads a weekday (its ب stays outside)
    if (this.plain(i, 'تاريخ')) {
      const j = this.isPunct(i + 1, ':') ? i + 2 : i + 1;
      const inner = this.matchAt(j);
      if (inner && inner.start === j && inner.sem.type === 'DATE') return { ...inner, start: i };
    }
    let best: Match | undefined;
    for (const m of [this.time(i), this.numericDate(i), this.calendarDate(i), this.year(i), this.relative(i), this.duration(i), this.set(i)]) {
      if (m && m.end > m.start && (!best || m.end > best.end)) best = m;
    }
    // «يوم الاثنين صباحا», «أمس مساء»: a day followed by a part of the day is a TIME
    if (best && best.sem.type === 'DATE') {
      const d = best.sem.date;
      const dayLevel = (d.weekday !== undefined || d.dayRel !== undefined || d.day !== undefined) && !d.unresolvable;
      const part = dayLevel ? this.partAdverb(best.end) : undefined;
      if (part && ['صباحا', 'مساء', 'مساءا', 'ظهرا', 'عصرا', 'ليلا', 'فجرا'].includes(this.key(best.end)!)) {
        const tz = this.timezone(part.end);
        return { start: best.start, end: part.end, sem: { type: 'TIME', date: d, time: { part: part.part }, ...(tz ? { timezone: tz.zone } : {}) }, confidence: best.confidence };
      }
    }
    return best;
  }

}
