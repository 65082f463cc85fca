import type { ArticleHeader, Paragraph, TextSpan } from '../types';

/**
 * The dateline and byline at the head of a news article.
 *   «القاهرة : الأمير كمال فرج.»           a short first line: place, separator, author
 *   «بيروت (رويترز) - قال ...»             place, agency in brackets, dash, then the story
 *   «واشنطن - ...»                          place and dash at the very start
 * Only the first paragraph is looked at; the place may have at most three words.
 */
const PLACE = String.raw`[\u0621-\u064A\u0660-\u0670\u0640]+(?:[ \u00A0][\u0621-\u064A\u0640\u064B-\u0652]+){0,2}`;
const SEP = String.raw`\s*[:：\-–—]\s*`;
const AGENCY = String.raw`\s*\(([^()\n]{1,30})\)\s*`;

/** A whole short first line: PLACE : AUTHOR [.] */
const SHORT_LINE = new RegExp(String.raw`^(${PLACE})${SEP}([^\n:.\-–—]{3,60}?)\s*\.?\s*$`, 'u');
/** PLACE (AGENCY) - story… or PLACE - story… */
const LEADING = new RegExp(String.raw`^(${PLACE})(?:${AGENCY})?\s*[\-–—]\s*\S`, 'u');
const LEADING_WITH_AGENCY_COLON = new RegExp(String.raw`^(${PLACE})${AGENCY}[:：]\s*\S`, 'u');

/** Words that start sentences, never datelines (a verb or particle before a dash is not a place). */
const NOT_A_PLACE = /^(قال|قالت|وقال|وقالت|أكد|أضاف|كتب|بقلم|في|من|على|إلى|و|ثم|هذا|هذه)/;

function span(text: string, start: number, s: string): TextSpan {
  return { start, end: start + s.length, text: s };
}

export function detectHeader(text: string, paragraphs: Paragraph[]): ArticleHeader {
  const first = paragraphs[0];
  if (!first) return {};
  const line = text.slice(first.start, first.end);
  const short = SHORT_LINE.exec(line);
  if (short && line.length <= 80 && !NOT_A_PLACE.test(short[1])) {
    const author = short[2].trim();
    const authorStart = first.start + line.indexOf(author, short[1].length);
    return { dateline: span(text, first.start, short[1]), byline: span(text, authorStart, author) };
  }
  const lead = LEADING.exec(line) ?? LEADING_WITH_AGENCY_COLON.exec(line);
  if (lead && !NOT_A_PLACE.test(lead[1])) {
    return { dateline: span(text, first.start, lead[1]) };
  }
  return {};
}
