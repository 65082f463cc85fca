import type { TokenKind } from '../types';

/** A token found in the analysis view (offsets are view offsets). */
export interface ViewToken {
  start: number;
  end: number;
  kind: TokenKind;
}

// Arabic letters (with the marks and tatweel that a view keeps when those operations are switched off).
const AR = '\\u0621-\\u063A\\u0640-\\u065F\\u0670-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FF\\u0610-\\u061A\\uFB50-\\uFDFF\\uFE70-\\uFEFC';
const LATIN = 'A-Za-z\\u00C0-\\u024F';
const DIGIT = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';

/**
 * One sticky regular expression with one alternative per token kind, tried in order at each position.
 * Order matters: URLs and emails before words, numbers with inner separators before punctuation.
 */
const TOKEN_RE = new RegExp(
  [
    `(?<url>(?:https?:\\/\\/|www\\.)[^\\s"«»“”<>()\\[\\]،]+[^\\s"«»“”<>()\\[\\]،.,;:!?؟،'])`,
    `(?<email>[${LATIN}${DIGIT}._%+-]+@[${LATIN}${DIGIT}-]+(?:\\.[${LATIN}${DIGIT}-]+)*\\.[A-Za-z]{2,})`,
    `(?<hashtag>#[${AR}${LATIN}${DIGIT}_]+)`,
    `(?<mention>@[${LATIN}${DIGIT}_]+)`,
    // 6.3 · 1,000,000 · ٢٠١٨ · 3.5٪ is number + symbol; separators only between digits
    `(?<number>[${DIGIT}]+(?:[.,\\u066B\\u066C/:][${DIGIT}]+)*)`,
    `(?<arabic>[${AR}]+)`,
    // Latin words with inner apostrophes or hyphens (O'Brien, COVID-19), and dotted abbreviations (U.S.)
    `(?<latin>(?:[${LATIN}]\\.){2,}|[${LATIN}][${LATIN}${DIGIT}]*(?:['’\\-][${LATIN}${DIGIT}]+)*)`,
    `(?<ellipsis>\\.{2,}|…)`,
    `(?<punct>[.,;:!?؟،؛"'«»“”‘’()\\[\\]{}\\-–—/\\\\|*<>‹›])`,
    `(?<space>\\s+)`,
    `(?<other>[\\s\\S])`,
  ].join('|'),
  'uy',
);

const KINDS: Record<string, TokenKind> = {
  url: 'url',
  email: 'email',
  hashtag: 'hashtag',
  mention: 'mention',
  number: 'number',
  arabic: 'arabic',
  latin: 'latin',
  ellipsis: 'punct',
  punct: 'punct',
};

/** Split the analysis view into tokens. Whitespace separates tokens and is never part of one. */
export function tokeniseView(view: string): ViewToken[] {
  const out: ViewToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN_RE.lastIndex < view.length && (m = TOKEN_RE.exec(view)) !== null) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g.space !== undefined) continue;
    let kind: TokenKind = 'other';
    for (const name in KINDS) {
      if (g[name] !== undefined) {
        kind = KINDS[name];
        break;
      }
    }
    if (kind === 'other') kind = /\p{S}/u.test(m[0]) ? 'symbol' : 'other';
    out.push({ start, end, kind });
  }
  return out;
}
