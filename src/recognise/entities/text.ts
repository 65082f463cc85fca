import type { Token } from '../../types';

/**
 * Matching forms of tokens for the entity stage. The pipeline's analysis view may have some normalisation switched
 * off (options are user-settable), so the entity stage folds once more to one fixed form: alef variants -> ا,
 * ى -> ي, ة -> ه, ؤ -> و, ئ -> ي, marks and tatweel removed, Latin lower-cased. Gazetteers, the model's features and
 * the linker all use this form, so they agree whatever the user's options.
 */
const NEEDS_FOLD = /[\u0622\u0623\u0625\u0671\u0649\u0629\u0624\u0626\u0640\u064B-\u065F\u0670A-Z]/;

export function fold(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  return s
    .replace(/[\u0640\u064B-\u065F\u0670]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, 'ا')
    .replace(/\u0649/g, 'ي')
    .replace(/\u0629/g, 'ه')
    .replace(/\u0624/g, 'و')
    .replace(/\u0626/g, 'ي')
    .toLowerCase();
}

/** Proclitics that stay outside entity spans (the article ال stays inside). */
const OUTSIDE_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** What the entity stage needs to know about one token, computed once per token. */
export interface TokenView {
  /** Folded form of the whole token. */
  w: string;
  /** Folded form without the proclitics that stay outside spans; «لل» gives «ال…». Enclitics stay: on names
   * they are rare, and a nisba ending the segmenter reads as a pronoun (إسرائيلي) must not become a country. */
  core: string;
  /** `core` without the article. */
  bare: string;
  /** Proclitics outside the span, joined ("و", "وب", "" when none). */
  pre: string;
  /** True when core starts with the article. */
  def: boolean;
  /** Original offset where an entity span starting at this token begins (after outside proclitics). */
  spanStart: number;
}

/** The view of a token: clitic segments decide what is outside an entity span. */
export function viewToken(t: Token): TokenView {
  const w = fold(t.norm);
  if (!t.segments || t.kind !== 'arabic') {
    const def = t.kind === 'arabic' && w.length > 3 && w.startsWith('ال');
    return { w, core: w, bare: def ? w.slice(2) : w, pre: '', def, spanStart: t.start };
  }
  let pre = '';
  let def = false;
  let stem = '';
  let spanStart = t.start;
  let inside = false;
  for (const s of t.segments) {
    if (s.role === 'proclitic') {
      if (!inside && OUTSIDE_PROCLITICS.has(s.form)) {
        pre += s.form;
        spanStart = s.end;
      } else if (s.form === 'ال') {
        def = true;
        // «لل»: the article is written as a single ل which the span leaves out (للصين -> صين)
        if (s.end - s.start === 1) spanStart = s.end;
        inside = true;
      }
    } else {
      stem += fold(s.form);
      inside = true;
    }
  }
  if (!stem) stem = w;
  const core = def ? 'ال' + stem : stem;
  return { w, core, bare: stem, pre, def, spanStart };
}

/** Token views for a whole token array. */
export function viewTokens(tokens: readonly Token[]): TokenView[] {
  const out = new Array<TokenView>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = viewToken(tokens[i]);
  return out;
}
