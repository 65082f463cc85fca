/** arabic-reshaper ships no types: the two functions the tests use. */
declare module 'arabic-reshaper' {
  /** Shape Arabic text into presentation forms (U+FE70–FEFF), with lam-alef ligatures. */
  export function convertArabic(text: string): string;
  /** Undo the shaping. */
  export function convertArabicBack(text: string): string;
}
