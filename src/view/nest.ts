/**
 * Turning overlapping spans into well-formed HTML. Annotations overlap freely (a temporal expression inside a
 * quote, a speaker mention that is also an entity mention, two spans that cross); HTML elements must nest. Every
 * span becomes one or more elements: when a span ends while spans opened after it are still open, those are
 * closed and reopened just after, so an element is split at the boundaries of the ones it crosses. The pieces of
 * one span carry the same attributes, so a page script finds all of them with one selector.
 */

export interface Mark {
  /** UTF-16 offsets into the text (already converted from the JSON's code points). */
  start: number;
  end: number;
  /** Which of two marks with the same extent goes outside: lower rank is outer. */
  rank: number;
  /** The opening tag, already escaped, e.g. `<span class="m" data-m="m1">`. */
  open: string;
  /** The closing tag, e.g. `</span>`. */
  close: string;
}

/**
 * Render `text` with `marks` as nested elements. `renderText` escapes each run of plain text between boundaries.
 * Empty marks are dropped (nothing to show or to hover). Runs in O((n + m) log m + splits).
 */
export function renderNested(text: string, marks: readonly Mark[], renderText: (s: string) => string): string {
  const sorted = marks
    .filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const boundarySet = new Set<number>([0, text.length]);
  for (const m of sorted) {
    boundarySet.add(m.start);
    boundarySet.add(m.end);
  }
  const boundaries = [...boundarySet].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: Mark[] = [];
  let next = 0; // next mark (in `sorted`) to open
  for (let bi = 0; bi < boundaries.length; bi++) {
    const b = boundaries[bi];
    // Close every open mark that ends here. If one of them is below marks that go on, those are closed too and
    // reopened afterwards (longest first, which keeps later splits rare).
    let k = -1;
    for (let i = 0; i < stack.length; i++) {
      if (stack[i].end === b) {
        k = i;
        break;
      }
    }
    if (k >= 0) {
      const goOn = stack.slice(k).filter((m) => m.end !== b);
      for (let i = stack.length - 1; i >= k; i--) out.push(stack[i].close);
      stack.length = k;
      goOn.sort((x, y) => y.end - x.end || x.rank - y.rank);
      for (const m of goOn) {
        out.push(m.open);
        stack.push(m);
      }
    }
    while (next < sorted.length && sorted[next].start === b) {
      out.push(sorted[next].open);
      stack.push(sorted[next]);
      next++;
    }
    if (bi + 1 < boundaries.length) out.push(renderText(text.slice(b, boundaries[bi + 1])));
  }
  for (let i = stack.length - 1; i >= 0; i--) out.push(stack[i].close);
  return out.join('');
}

/**
 * Runs of Latin script inside Arabic text: letters, with digits and joining punctuation (space, apostrophe, dot,
 * hyphen, ampersand) between them, never ending in punctuation, so a sentence's final full stop stays with the
 * Arabic sentence. The page wraps each run in <bdi> so that neutral characters next to it (quotation marks,
 * brackets, numbers) are laid out by the bidi algorithm on the Arabic side.
 */
export function latinRuns(text: string): { start: number; end: number }[] {
  const re = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]*(?:[ '\u2019.&-]+[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]+)*/g;
  const runs: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) runs.push({ start: m.index, end: m.index + m[0].length });
  return runs;
}
