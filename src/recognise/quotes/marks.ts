import type { Paragraph, TextSpan } from '../../types';

/**
 * Quotation marks in the ORIGINAL text (the analysis view folds every mark to ", so mark identity is read here),
 * paired into quotations. Families pair only with themselves, so «…"…"…» nests. Straight marks carry no direction:
 * they are paired by position inside a paragraph, with the spacing around each mark deciding which one is left over
 * when a paragraph holds an odd number of them.
 */

type Family = 'straight' | 'guillemet' | 'curly' | 'single';

interface Mark {
  pos: number;
  ch: string;
  family: Family;
  /** Fixed direction of directional marks; null for straight marks. */
  dir: 'open' | 'close' | null;
  /** Context score: > 0 looks like an opening mark (space before, word after), < 0 like a closing one. */
  lean: number;
}

export interface MarkedQuote {
  open: TextSpan;
  close?: TextSpan;
  /** Inner span, trimmed of white space. */
  start: number;
  end: number;
  partial: boolean;
}

const FAMILY: Record<string, [Family, 'open' | 'close' | null]> = {
  '"': ['straight', null],
  '＂': ['straight', null],
  '«': ['guillemet', 'open'],
  '»': ['guillemet', 'close'],
  '“': ['curly', 'open'],
  '”': ['curly', 'close'],
  '„': ['curly', 'open'],
  '‘': ['single', 'open'],
  '’': ['single', 'close'],
};

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** Lean of a mark from its neighbours: a word right after and a space (or a proclitic/tatweel) before opens. */
function leanOf(text: string, pos: number): number {
  const prev = text[pos - 1];
  const next = text[pos + 1];
  let lean = 0;
  if (isWordChar(next) || next === '(' || next === '#') lean += 1;
  else if (!isSpace(next) || next === '\n' || next === undefined) lean -= 1;
  if (isSpace(prev) || prev === 'ـ' || prev === ':' || prev === '(') lean += 1;
  else if (isWordChar(prev) || /[.,،!?؟)]/.test(prev ?? '')) lean -= 1;
  return lean;
}

function marksOf(text: string, p: Paragraph): Mark[] {
  const out: Mark[] = [];
  for (let i = p.start; i < p.end; i++) {
    const f = FAMILY[text[i]];
    if (!f) continue;
    // ‘ ’ between two letters is an apostrophe (Ra’ad), not a mark
    if (f[0] === 'single' && isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue;
    out.push({ pos: i, ch: text[i], family: f[0], dir: f[1], lean: leanOf(text, i) });
  }
  return out;
}

/** Cost of reading a mark as opening or closing: directional marks are firm, straight ones follow their lean. */
function cost(m: Mark, as: 'open' | 'close'): number {
  if (m.dir) return m.dir === as ? 0 : 3;
  const lean = as === 'open' ? m.lean : -m.lean;
  return lean > 0 ? 0 : lean === 0 ? 0.5 : 1 + -lean * 0.25;
}

/**
 * Pair one family's marks of a paragraph: position pairing (1st with 2nd, 3rd with 4th …); when the count is odd,
 * leave out the mark whose removal gives the cheapest reading. Returns pairs and the leftover opening mark, if any.
 */
function pairMarks(marks: Mark[]): { pairs: [Mark, Mark][]; leftover?: Mark } {
  const pairCost = (ms: Mark[]) => ms.reduce((s, m, i) => s + cost(m, i % 2 === 0 ? 'open' : 'close'), 0);
  let best = marks;
  let leftover: Mark | undefined;
  if (marks.length % 2 === 1) {
    let bestCost = Infinity;
    // on a tie the earliest mark is left over: «قال: "… لـ "اسم" …» is an unclosed quotation around a closed one
    for (let k = 0; k < marks.length; k++) {
      const rest = marks.filter((_, i) => i !== k);
      // the leftover costs what reading it as an opening mark costs (a stray closing mark is worse)
      const c = pairCost(rest) + cost(marks[k], 'open') * 0.5;
      if (c < bestCost - 1e-9) {
        bestCost = c;
        best = rest;
        leftover = marks[k];
      }
    }
  }
  const pairs: [Mark, Mark][] = [];
  for (let i = 0; i + 1 < best.length; i += 2) pairs.push([best[i], best[i + 1]]);
  return { pairs, leftover };
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

/** Directional pairing (« », “ ”): a stack, so nested same-family quotes pair inside out. */
function pairDirectional(marks: Mark[]): { pairs: [Mark, Mark][]; leftover?: Mark } {
  const firm = marks.every((m) => m.dir !== null);
  const opens = marks.filter((m) => m.dir === 'open').length;
  // unbalanced or mixed use (” for both ends, as some sites do): fall back to position pairing
  if (!firm || opens * 2 !== marks.length) {
    const stackable = marks.filter((m) => m.dir === 'open').length >= marks.filter((m) => m.dir === 'close').length;
    if (!stackable || !firm) return pairMarks(marks);
  }
  const pairs: [Mark, Mark][] = [];
  const stack: Mark[] = [];
  for (const m of marks) {
    if (m.dir === 'open') stack.push(m);
    else if (stack.length) pairs.push([stack.pop()!, m]);
  }
  pairs.sort((a, b) => a[0].pos - b[0].pos);
  return { pairs, leftover: stack[0] };
}

/**
 * All quotations of a text. A quotation closes in its own paragraph, or in the next one when the paragraph ends with
 * an opening mark left over and the next starts by closing it, or re-opens it (the English multi-paragraph
 * convention). Otherwise a leftover opening mark gives a partial quote cut at the end of its paragraph.
 */
export function findQuotations(text: string, paragraphs: Paragraph[]): MarkedQuote[] {
  const byPara: Map<Family, Mark[]>[] = paragraphs.map((p) => {
    const m = new Map<Family, Mark[]>();
    for (const mark of marksOf(text, p)) {
      if (!m.has(mark.family)) m.set(mark.family, []);
      m.get(mark.family)!.push(mark);
    }
    return m;
  });
  const out: MarkedQuote[] = [];
  const push = (o: Mark, c: Mark | undefined, endAt: number) => {
    const [s, e] = trimmed(text, o.pos + 1, c ? c.pos : endAt);
    if (e <= s) return;
    out.push({ open: span(text, o.pos, o.pos + 1), ...(c ? { close: span(text, c.pos, c.pos + 1) } : {}), start: s, end: e, partial: !c });
  };
  // a leftover opening mark carried into the next paragraph, per family
  const carry = new Map<Family, Mark>();
  for (let pi = 0; pi < paragraphs.length; pi++) {
    for (const [family, marks] of byPara[pi]) {
      let ms = marks;
      const carried = carry.get(family);
      if (carried) {
        carry.delete(family);
        const first = ms[0];
        if (ms.length % 2 === 1 && first && (first.dir === 'close' || (first.dir === null && first.lean < 0))) {
          push(carried, first, first.pos); // closed in this paragraph
          ms = ms.slice(1);
        } else if (first && (first.dir === 'open' || first.lean > 0) && first.pos === paragraphs[pi].start && (family !== 'straight' || ms.length % 2 === 0)) {
          // re-opened at the paragraph start: one quotation across paragraphs, closed later here
          const rest = ms.slice(1);
          const closeIdx = rest.findIndex((m) => m.dir === 'close' || (m.dir === null && m.lean <= 0));
          if (closeIdx >= 0) {
            push(carried, rest[closeIdx], rest[closeIdx].pos);
            ms = rest.slice(closeIdx + 1);
          } else ms = rest;
        } else push(carried, undefined, paragraphs[pi - 1].end);
      }
      const { pairs, leftover } = family === 'straight' ? pairMarks(ms) : pairDirectional(ms);
      for (const [o, c] of pairs) push(o, c, c.pos);
      if (leftover && (leftover.dir === 'open' || (leftover.dir === null && leftover.lean >= 0))) {
        const isLastMark = leftover === ms[ms.length - 1];
        if (isLastMark && pi + 1 < paragraphs.length) carry.set(family, leftover);
        else push(leftover, undefined, paragraphs[pi].end);
      }
    }
    // carried marks whose family does not occur in this paragraph: cut at their own paragraph's end
    for (const [family, m] of carry) {
      if (!byPara[pi].has(family)) {
        push(m, undefined, paragraphs[pi - 1].end);
        carry.delete(family);
      }
    }
  }
  for (const m of carry.values()) push(m, undefined, paragraphs[paragraphs.length - 1].end);
  out.sort((a, b) => a.open.start - b.open.start);
  return out;
}
