import type { Article, NormaliseOptions, Normalised, NormalisedDoc, Span } from '../types';
import { compileCharMap, type CharMap } from './charmap';
import { normaliseOptions } from './options';

export { DEFAULT_NORMALISE_OPTIONS, NO_NORMALISATION, normaliseOptions } from './options';

const charMapCache = new Map<string, CharMap>();
/** Most calls pass the same options object again: find its map without building the key. */
const charMapByObject = new WeakMap<NormaliseOptions, CharMap>();

function charMapFor(options: NormaliseOptions): CharMap {
  let m = charMapByObject.get(options);
  if (m) return m;
  const key = OPTION_KEYS.map((k) => (options[k] ? '1' : '0')).join('');
  m = charMapCache.get(key);
  if (!m) {
    m = compileCharMap(options);
    charMapCache.set(key, m);
  }
  charMapByObject.set(options, m);
  return m;
}

const OPTION_KEYS: (keyof NormaliseOptions)[] = ['bidi', 'presentationForms', 'tatweel', 'diacritics', 'alef', 'alefMaqsura', 'tehMarbuta', 'hamzaCarriers', 'digits', 'punctuation'];

/**
 * Build the analysis view of `text` and its alignment with the original.
 *
 * Every output UTF-16 unit records the original range [origStart, origEnd) of the code point that produced it.
 * A deleted code point (tatweel, diacritic, bidi mark) is absorbed into the range of the preceding output
 * character (or, at the very start, the following one), so a deleted character never becomes a span boundary.
 */
export function normaliseText(text: string, partial: Partial<NormaliseOptions> = {}): Normalised {
  const options = isComplete(partial) ? partial : normaliseOptions(partial);
  const cmap = charMapFor(options);
  let cap = text.length + 16;
  let origStart = new Int32Array(cap);
  let origEnd = new Int32Array(cap);
  const parts: string[] = [];
  let n = 0; // view length so far
  let pendingStart = -1; // start of deleted characters at the head of the text, waiting for a kept character
  let runStart = 0; // start of the current run of unchanged characters, copied in one slice

  const grow = (need: number) => {
    while (cap < need) cap *= 2;
    const s = new Int32Array(cap);
    s.set(origStart.subarray(0, n));
    const e = new Int32Array(cap);
    e.set(origEnd.subarray(0, n));
    origStart = s;
    origEnd = e;
  };

  let i = 0;
  const len = text.length;
  while (i < len) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const rep = cmap.map(cp);
    if (rep === null) {
      // kept as is: one entry per UTF-16 unit; both units of a surrogate pair map to the whole pair
      if (n + w > cap) grow(n + w);
      for (let k = 0; k < w; k++) {
        origStart[n] = pendingStart >= 0 ? pendingStart : i;
        origEnd[n] = i + w;
        n++;
      }
      pendingStart = -1;
    } else {
      if (i > runStart) parts.push(text.slice(runStart, i));
      if (rep.length === 0) {
        if (n > 0) {
          // absorb into the previous output character's group (all units that share its range)
          const prevEnd = origEnd[n - 1];
          for (let k = n - 1; k >= 0 && origEnd[k] === prevEnd; k--) origEnd[k] = i + w;
        } else if (pendingStart < 0) {
          pendingStart = i;
        }
      } else {
        if (n + rep.length > cap) grow(n + rep.length);
        for (let k = 0; k < rep.length; k++) {
          origStart[n] = pendingStart >= 0 ? pendingStart : i;
          origEnd[n] = i + w;
          n++;
        }
        pendingStart = -1;
        parts.push(rep);
      }
      runStart = i + w;
    }
    i += w;
  }
  if (len > runStart) parts.push(text.slice(runStart, len));
  const view = parts.length === 1 ? parts[0] : parts.join('');
  if (view.length !== n) throw new Error(`normaliser alignment out of step: view ${view.length} vs ${n}`);
  return { view, origStart: origStart.slice(0, n), origEnd: origEnd.slice(0, n), options };
}

function isComplete(o: Partial<NormaliseOptions>): o is NormaliseOptions {
  return OPTION_KEYS.every((k) => typeof o[k] === 'boolean');
}

/**
 * Map a span of the view back to the smallest span of the original that produced it.
 * An empty view span maps to an empty original span at the corresponding position.
 */
export function viewToOriginal(norm: Normalised, viewStart: number, viewEnd: number): Span {
  if (viewEnd <= viewStart) {
    const p = viewStart < norm.view.length ? norm.origStart[viewStart] : (norm.view.length ? norm.origEnd[norm.view.length - 1] : 0);
    return { start: p, end: p };
  }
  return { start: norm.origStart[viewStart], end: norm.origEnd[viewEnd - 1] };
}

/**
 * Map an original offset to the view: the first view unit whose original range ends after `orig`.
 * Used to locate things found in the original (e.g. a header span) in the view. O(log n).
 */
export function originalToView(norm: Normalised, orig: number): number {
  let lo = 0;
  let hi = norm.view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.origEnd[mid] <= orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a view offset is a group boundary (not inside the expansion of one original character). */
export function isViewBoundary(norm: Normalised, v: number): boolean {
  if (v <= 0 || v >= norm.view.length) return true;
  return norm.origStart[v] !== norm.origStart[v - 1] || norm.origEnd[v] !== norm.origEnd[v - 1];
}

/** Stage function: article -> article with its analysis view. */
export function normalise(article: Article, options: Partial<NormaliseOptions> = {}): NormalisedDoc {
  return { ...article, norm: normaliseText(article.text, options) };
}
