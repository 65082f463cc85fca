/**
 * The one place where UTF-16 offsets (JavaScript's string indices, used inside the pipeline) become Unicode code
 * point offsets (the output unit: brat, Python, TEI string-range(), W3C Web Annotation), and back for imports.
 */
export interface OffsetConverter {
  /** UTF-16 offset -> code-point offset. */
  toCodePoint(utf16: number): number;
  /** Code-point offset -> UTF-16 offset. */
  toUtf16(codePoint: number): number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
}

export function offsetConverter(text: string): OffsetConverter {
  // Fast path: no surrogate pairs, the two units coincide.
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    return { toCodePoint: (u) => u, toUtf16: (c) => c, codePointLength: text.length };
  }
  const cpAt = new Int32Array(text.length + 1); // utf16 index -> code point index
  const unitAt: number[] = []; // code point index -> utf16 index
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    unitAt.push(i);
    if (pair) {
      cpAt[i + 1] = cp; // an offset inside a pair points at the pair's start
      i++;
    }
    cp++;
  }
  cpAt[text.length] = cp;
  unitAt.push(text.length);
  return {
    toCodePoint: (u) => cpAt[u],
    toUtf16: (c) => {
      if (c < 0 || c >= unitAt.length) throw new RangeError(`code-point offset ${c} outside the text (length ${cp})`);
      return unitAt[c];
    },
    codePointLength: cp,
  };
}
