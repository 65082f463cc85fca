import type { NormaliseOptions } from '../types';

/**
 * Per-character rules of the normaliser (ARCHITECTURE §2). Every rule is context-free: a code point maps to a
 * string (often itself, sometimes '' or several characters). That is what makes the alignment exact and lets the
 * whole chain be applied character by character, which is equivalent to applying the operations one after another.
 */

const BIDI_AND_ZERO_WIDTH = (cp: number): boolean =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069) ||
  cp === 0x061c ||
  cp === 0x2060 || // word joiner
  cp === 0xfeff; // zero-width no-break space (a BOM inside the text)

export const isPresentationForm = (cp: number): boolean =>
  (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);

export const TATWEEL = 0x0640;

/** Harakat, tanwin, shadda, sukun, small marks, superscript alef, and the Quranic annotation marks U+0610–061A. */
export const isDiacritic = (cp: number): boolean =>
  (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x0610 && cp <= 0x061a);

const ALEF_VARIANTS: Record<number, string> = { 0x0623: 'ا', 0x0625: 'ا', 0x0622: 'ا', 0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا' };
const YA_VARIANTS: Record<number, string> = { 0x0649: 'ي', 0x06cc: 'ي' }; // ى and Farsi yeh
const HAMZA_CARRIERS: Record<number, string> = { 0x0624: 'و', 0x0626: 'ي' };

const DOUBLE_QUOTES = new Set([0x00ab, 0x00bb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x275d, 0x275e, 0xff02]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2039, 0x203a, 0x2032]);
const ARABIC_PUNCT: Record<number, string> = { 0x060c: ',', 0x061b: ';', 0x061f: '?', 0x06d4: '.', 0x066d: '*' };

/**
 * Explicit folds for presentation forms that NFKC leaves alone or folds to characters we then fold again:
 * U+FDFD (the basmala ligature) has no decomposition; U+FDFC (rial sign) decomposes with a Farsi yeh.
 */
const PRESENTATION_SPECIAL: Record<number, string> = {
  0xfdfd: 'بسم الله الرحمن الرحيم',
  0xfdfc: 'ريال',
};

/** Fold one presentation-form code point to base letters (before the later operations see it). */
export function foldPresentationForm(cp: number): string {
  const special = PRESENTATION_SPECIAL[cp];
  if (special !== undefined) return special;
  let s = String.fromCodePoint(cp).normalize('NFKC');
  // Isolated harakat forms (U+FE70–FE7F, U+FC5E–FC63) decompose to SPACE + mark: the space is an artefact of the
  // isolated glyph, not a word break, so drop it and let the mark attach to the letter before.
  if (s.length > 1 && s.charCodeAt(0) === 0x20 && isDiacritic(s.charCodeAt(1))) s = s.slice(1);
  return s;
}

/** The rules after presentation-form folding, for one BMP character: null means "unchanged". */
function mapAfterFolding(cp: number, o: NormaliseOptions): string | null {
  if (o.tatweel && cp === TATWEEL) return '';
  if (o.diacritics && isDiacritic(cp)) return '';
  if (o.alef && ALEF_VARIANTS[cp] !== undefined) return ALEF_VARIANTS[cp];
  if (o.alefMaqsura && YA_VARIANTS[cp] !== undefined) return YA_VARIANTS[cp];
  if (o.tehMarbuta && cp === 0x0629) return 'ه';
  if (o.hamzaCarriers && HAMZA_CARRIERS[cp] !== undefined) return HAMZA_CARRIERS[cp];
  if (o.digits) {
    if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
    if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
    if (cp === 0x066b) return '.'; // Arabic decimal separator
    if (cp === 0x066c) return ','; // Arabic thousands separator
    if (cp === 0x066a) return '%';
  }
  if (o.punctuation) {
    if (DOUBLE_QUOTES.has(cp)) return '"';
    if (SINGLE_QUOTES.has(cp)) return "'";
    if (ARABIC_PUNCT[cp] !== undefined) return ARABIC_PUNCT[cp];
  }
  return null;
}

/**
 * A compiled character map for one set of options: `map(cp)` gives the replacement string, or null when the code
 * point is kept as it is. BMP results are cached in a table so the hot loop does one array read per character.
 */
export interface CharMap {
  map(cp: number): string | null;
}

const UNSET = undefined;

export function compileCharMap(o: NormaliseOptions): CharMap {
  const table: (string | null | undefined)[] = new Array(0x10000).fill(UNSET);
  const compute = (cp: number): string | null => {
    if (o.bidi && BIDI_AND_ZERO_WIDTH(cp)) return '';
    if (o.presentationForms && isPresentationForm(cp)) {
      const folded = foldPresentationForm(cp);
      let out = '';
      for (const ch of folded) {
        const c = ch.codePointAt(0)!;
        const m = mapAfterFolding(c, o);
        out += m === null ? ch : m;
      }
      return out;
    }
    return mapAfterFolding(cp, o);
  };
  return {
    map(cp: number): string | null {
      if (cp > 0xffff) return null; // astral characters (emoji, etc.) are never changed
      let r = table[cp];
      if (r === UNSET) {
        r = compute(cp);
        table[cp] = r;
      }
      return r;
    },
  };
}
