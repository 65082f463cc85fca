import type { GoldDocument } from '../types';
import { documentsFromSentences, parseTokenTagLines } from './token-tag';

/** ANERcorp labels scored: MISC is left out of both sides. */
const TYPES: Record<string, string> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

/**
 * ANERcorp (`token tag` per line, no sentence breaks): a sentence ends after a «.» token; tokens are joined with
 * spaces; documents of 50 sentences.
 */
export function readAnercorp(content: string, id = 'anercorp'): GoldDocument[] {
  const sentences = parseTokenTagLines(content, (t) => t.token === '.');
  return documentsFromSentences(sentences, id, 50, (label) => TYPES[label] ?? null, {
    entities: true,
    timex: false,
    quotes: false,
  });
}
