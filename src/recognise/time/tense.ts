import type { Word } from './words';

/**
 * Tense around an expression, which decides the way a bare weekday or month is resolved: future cues (the
 * particle سـ on a verb, «سوف», «من المقرر», «اعتبارا من» …) and imperfect verbs (nearest day either way).
 * There is no part-of-speech tagger: verbs are recognised by their prefixes and small word lists.
 */

const FUTURE_CUES = new Set(['سوف', 'مقرر', 'متوقع', 'مرتقب', 'مزمع', 'يعتزم', 'تعتزم', 'اعتبارا', 'ابتداء', 'بدءا', 'اعتبار', 'يتوقع', 'يرتقب', 'ينتظر', 'يجب', 'ستكون', 'سيكون', 'تاجيل', 'ارجاء', 'تاجل', 'ارجي', 'ارجات', 'موعد']);

const NOT_VERBS = new Set(['يوم', 'يوما', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'يناير', 'يمن', 'يد', 'يدي', 'يورو', 'يونيسف', 'يابان', 'يهود', 'يهودي', 'يوميا', 'يومين', 'يسار', 'يمين']);
const REPORTING = new Set(['يقول', 'تقول', 'يضيف', 'تضيف', 'يذكر', 'تذكر', 'يشير', 'تشير', 'يوضح', 'توضح', 'يعتبر', 'تعتبر', 'يري', 'تري', 'يبدو', 'يعني', 'تعني', 'يمكن', 'يجب', 'يعد', 'تعد', 'يذكر', 'يتابع', 'يكون', 'تكون']);
/** Imperfect verbs whose first letter is ت: the ت-initial words are mostly verbal nouns (تقرير), so only these. */
const T_VERBS = new Set(['تقام', 'تنطلق', 'تنتظر', 'تتجه', 'تستضيف', 'تلتقي', 'تواجه', 'تعقد', 'تبدا', 'تجري', 'تستمر', 'تنتهي', 'تشهد', 'تختتم', 'تلعب', 'تخوض', 'تصل', 'تزور', 'تحتفل', 'تنظم', 'تستقبل', 'تفتتح', 'تعود', 'تغادر', 'تتوجه']);

function isImperfect(key: string): boolean {
  if (NOT_VERBS.has(key) || REPORTING.has(key)) return false;
  if (T_VERBS.has(key)) return true;
  return key.length >= 4 && key.startsWith('ي') && !key.endsWith('ه') && !key.endsWith('يه');
}

/**
 * An imperfect (present-tense) verb governs the expression: «يلتقي الفريقان يوم الثلاثاء», «تقام المباراة
 * الأربعاء». News uses it for the coming days as much as for the past ones, so the nearest such day is meant.
 * Reporting verbs («يقول», «تضيف») are left out: they introduce past events.
 */
export function presentNear(w: Word[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const x = w[k];
    if (x.tok.kind === 'punct' && x.norm !== ',') break;
    if (x.tok.kind !== 'arabic' || x.art) continue;
    if (isImperfect(x.key)) return true;
  }
  return false;
}

/** Future cues near word i (the governing verb with سـ, «سوف», «من المقرر», «اعتبارا من» …). */
export function futureNear(w: Word[], i: number, end: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
    const x = w[k];
    if (x.norm === '.' || x.norm === '?' || x.norm === '!') break;
    if (x.future || FUTURE_CUES.has(x.key)) return true;
  }
  for (let k = end; k < Math.min(w.length, end + 2); k++) {
    const x = w[k];
    if (x.future) return true;
  }
  return false;
}
