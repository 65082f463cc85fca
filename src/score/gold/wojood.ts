import type { GoldDocument } from '../types';
import { documentsFromSentences, parseTokenTagLines } from './token-tag';

/** Wojood's 21 types mapped to ours; the rest (OCC, NORP, CARDINAL, …) are not scored. */
const TYPES: Record<string, string> = { PERS: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', DATE: 'DATE', TIME: 'TIME' };

/**
 * Wojood nested BIO: one tag per entity layer on each token line, `$#$` ends a segment (its own line is dropped).
 * Nested spans of the scored types are all kept (ORG inside ORG is read as two spans only when tagged B twice).
 */
export function readWojood(content: string, id = 'wojood'): GoldDocument[] {
  const sentences = parseTokenTagLines(content, (t) => (t.token === '$#$' ? 'drop' : false));
  return documentsFromSentences(sentences, id, 40, (label) => TYPES[label] ?? null, {
    entities: true,
    timex: true,
    quotes: false,
  });
}
