import type { NormalisedDoc, Paragraph, Segment, SegmentedDoc, Sentence, Token } from '../types';
import { originalToView, viewToOriginal } from '../normalise';
import { tokeniseView, type ViewToken } from './tokenise';
import { segmentWord, type Lexicon } from './clitics';
import { detectHeader } from './header';
import { defaultLexicon } from './lexicon';

export { tokeniseView } from './tokenise';
export { segmentWord, segmentSkeleton, lexiconFromLines, type Lexicon, type CliticPart } from './clitics';
export { detectHeader } from './header';
export { defaultLexicon } from './lexicon';

/** Paragraphs: the non-blank lines of the original text, trimmed of surrounding white space. */
export function findParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    out.push({ index: out.length, start, end: start + trimmed.length });
  }
  return out;
}

const TERMINAL = new Set(['.', '!', '?', '؟', '…', '۔']);
const OPENING_QUOTES = new Set(['«', '“', '„', '‹']);
const CLOSING_QUOTES = new Set(['»', '”', '›']);
const CLOSING_BRACKETS = new Set([')', ']', '}']);
const LATIN_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'etc', 'no', 'prof', 'gen', 'col', 'lt', 'sgt']);

interface QuoteState {
  open: boolean;
}

/** Is this quote-mark token opening (true) or closing (false)? Curly and guillemet marks say so; " toggles. */
function quoteDirection(orig: string, state: QuoteState): boolean | null {
  if (OPENING_QUOTES.has(orig)) return true;
  if (CLOSING_QUOTES.has(orig)) return false;
  if (orig === '"' || orig === '＂') return !state.open;
  return null;
}

/**
 * Sentences of one paragraph. A sentence ends at . ! ? ؟ … unless the full stop belongs to an abbreviation
 * (a single letter, a Latin title), is glued to a following word, or falls inside a quotation that closes later in
 * the same paragraph. Closing quotes and brackets right after the stop belong to the sentence.
 */
function splitSentences(tokens: Token[], from: number, to: number, text: string): [number, number][] {
  const out: [number, number][] = [];
  // Where do quotations close? Precompute, for each token, whether a quote is open after it.
  const state: QuoteState = { open: false };
  const openAfter: boolean[] = [];
  let lastClose = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      const dir = quoteDirection(t.text, state);
      if (dir !== null) {
        state.open = dir;
        if (!dir) lastClose = i;
      }
    }
    openAfter.push(state.open);
  }
  let sentStart = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const isTerminal = t.kind === 'punct' && (TERMINAL.has(t.text) || t.text.startsWith('..'));
    if (!isTerminal) continue;
    if (t.text === '.') {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (prev && prev.end === t.start && prev.index >= from) {
        const letters = prev.text.replace(/[\u064B-\u065F\u0640]/g, '');
        if ((prev.kind === 'arabic' || prev.kind === 'latin') && letters.length === 1) continue; // د. · أ.ف.ب
        if (prev.kind === 'latin' && LATIN_ABBREVIATIONS.has(prev.text.toLowerCase())) continue;
      }
      if (next && next.start === t.end && i + 1 < to && (next.kind === 'latin' || next.kind === 'number')) continue;
    }
    // inside a quotation that closes later in this paragraph: not the end of the sentence
    if (openAfter[i - from] && lastClose > i) continue;
    let end = i + 1;
    // take closing quote marks and brackets that follow directly
    while (end < to) {
      const n = tokens[end];
      if (n.kind !== 'punct') break;
      const closingQuote = CLOSING_QUOTES.has(n.text) || ((n.text === '"' || n.text === '＂') && openAfter[end - 1 - from]);
      if (closingQuote || CLOSING_BRACKETS.has(n.text) || TERMINAL.has(n.text)) end++;
      else break;
    }
    out.push([sentStart, end]);
    sentStart = end;
    i = end - 1;
  }
  if (sentStart < to) out.push([sentStart, to]);
  void text;
  return out;
}

export interface SegmentOptions {
  /** Clitic segmentation of Arabic tokens (default on). */
  clitics?: boolean;
  lexicon?: Lexicon;
}

/** Stage function: paragraphs, sentences, tokens with clitic segments, and the article header. */
export function segment(doc: NormalisedDoc, options: SegmentOptions = {}): SegmentedDoc {
  const { text, norm } = doc;
  const lexicon = options.lexicon ?? defaultLexicon();
  const paragraphs = findParagraphs(text);
  const viewTokens: ViewToken[] = tokeniseView(norm.view);
  const tokens: Token[] = [];
  for (const vt of viewTokens) {
    const o = viewToOriginal(norm, vt.start, vt.end);
    if (o.end <= o.start) continue;
    const tok: Token = {
      index: tokens.length,
      start: o.start,
      end: o.end,
      text: text.slice(o.start, o.end),
      kind: vt.kind,
      norm: norm.view.slice(vt.start, vt.end),
      viewStart: vt.start,
      viewEnd: vt.end,
      sentence: -1,
    };
    if (vt.kind === 'arabic' && options.clitics !== false) {
      const parts = segmentWord(tok.text, lexicon);
      if (parts.length > 1) {
        tok.segments = parts.map((p): Segment => {
          const start = o.start + p.start;
          const end = o.start + p.end;
          const vs = originalToView(norm, start);
          const ve = originalToView(norm, end);
          return { start, end, role: p.role, form: p.form === 'ال' && p.end - p.start === 1 ? 'ال' : norm.view.slice(vs, ve) };
        });
      }
    }
    tokens.push(tok);
  }

  // Sentences never cross paragraphs.
  const sentences: Sentence[] = [];
  let ti = 0;
  for (const p of paragraphs) {
    while (ti < tokens.length && tokens[ti].end <= p.start) ti++;
    const from = ti;
    while (ti < tokens.length && tokens[ti].start < p.end) ti++;
    const to = ti;
    if (to === from) continue;
    for (const [a, b] of splitSentences(tokens, from, to, text)) {
      const s: Sentence = { index: sentences.length, paragraph: p.index, start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b };
      for (let k = a; k < b; k++) tokens[k].sentence = s.index;
      sentences.push(s);
    }
  }
  return { ...doc, header: detectHeader(text, paragraphs), paragraphs, sentences, tokens };
}
