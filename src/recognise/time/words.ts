import type { Token } from '../../types';

/**
 * A token as the temporal grammar sees it: its analysis-view form with the attached proclitics (و ف ب ل ك س)
 * taken off, whether it carried the article, and the original offset a temporal span starting on it begins at.
 */
export interface Word {
  tok: Token;
  /** The whole token in the analysis view. */
  norm: string;
  /** The token without proclitics and without the article: «بالتوقيت» -> «توقيت». */
  key: string;
  /** The token had the article ال (as a proclitic, or as a separate «الـ» token before a number). */
  art: boolean;
  /** The token carried a proclitic other than the article (و ف ب ل ك): «بيوم», «وأمس». */
  proclitic: boolean;
  /** The future particle سـ was attached: «سيعقد». */
  future: boolean;
  /** Original offset where a span beginning with this word starts (after و ب ل …, at ال unless contracted in لل). */
  start: number;
}

const LOOSE_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

/** Time words the clitic segmenter splits wrongly («ليلا» is not ل + يلا, «بكرة» not ب + كرة). */
const WHOLE = new Set(['ليلا', 'بكره', 'بكرا']);

export function toWord(tok: Token): Word {
  const norm = tok.norm;
  const segs = WHOLE.has(norm) ? undefined : tok.segments;
  if (segs && segs.length) {
    const procl = segs.filter((s) => s.role === 'proclitic');
    const rest = segs.filter((s) => s.role !== 'proclitic');
    const article = procl.find((s) => s.form === 'ال');
    const other = procl.filter((s) => s.form !== 'ال' && s.form !== 'س');
    const future = procl.some((s) => s.form === 'س');
    // «للساعة»: the article's alef is gone and its lam is the second lam; the span starts after «لل» (guidelines).
    const articleWhole = article !== undefined && article.end - article.start >= 2;
    const first = rest[0];
    const start = articleWhole ? article.start : first ? first.start : tok.start;
    const key = rest.map((s) => s.form).join('') || norm;
    return { tok, norm, key, art: article !== undefined, proclitic: other.length > 0, future, start };
  }
  if (tok.kind === 'arabic' && norm.length >= 4) {
    for (const p of LOOSE_PREFIXES) {
      if (norm.startsWith(p) && norm.length - p.length >= 2) {
        // Unsegmented but visibly prefixed: keep the key usable for lookups, start the span at the whole token.
        return { tok, norm, key: norm.slice(p.length), art: true, proclitic: p.length > 2 || p === 'لل', future: false, start: tok.start };
      }
    }
  }
  return { tok, norm, key: norm, art: false, proclitic: false, future: false, start: tok.start };
}
