import { lexiconFromLines, type Lexicon } from './clitics';

let cached: Lexicon | undefined;

/**
 * The committed word-frequency lexicon (resources/lexicon.json, built by scripts/build-lexicon.ts), loaded once.
 * Loaded with require() so Node and bundlers both resolve it; the path is the same from src/ and dist/.
 */
export function defaultLexicon(): Lexicon {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../../resources/lexicon.json') as { words: string };
    cached = lexiconFromLines(data.words);
  }
  return cached;
}
