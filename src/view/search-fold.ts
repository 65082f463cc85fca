import { normaliseText, DEFAULT_NORMALISE_OPTIONS } from '../normalise';
import { compileCharMap } from '../normalise/charmap';

/**
 * Matching names typed into the corpus page's filter boxes. The names on the page are folded here with the
 * project's normaliser (analysis view: alef variants, ى, ة, diacritics, tatweel, digits…) and lower-cased; the
 * query is folded in the browser with a table generated from the same character map, so "امازون" finds "أمازون"
 * without a second, hand-written normaliser in the page script.
 */
export function foldForSearch(s: string): string {
  return normaliseText(s).view.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Ranges a user can type in a filter box whose characters the normaliser changes. */
const RANGES: [number, number][] = [
  [0x00ab, 0x00bb],
  [0x0600, 0x06ff],
  [0x200b, 0x206f],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
  [0xff02, 0xff02],
];

let table: Record<string, string> | undefined;

/** Character -> replacement for every character in RANGES that the normaliser changes (a few hundred entries). */
export function foldTable(): Record<string, string> {
  if (table) return table;
  const map = compileCharMap(DEFAULT_NORMALISE_OPTIONS);
  const t: Record<string, string> = {};
  for (const [lo, hi] of RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const r = map.map(cp);
      if (r !== null) t[String.fromCharCode(cp)] = r;
    }
  }
  table = t;
  return t;
}
