/**
 * The news corpus as the distributional builders (ner-clusters.ts, ner-vectors.ts) see it: each article's title and
 * text as folded Arabic and Latin words (tatweel and marks dropped), and the vocabulary ranked by frequency.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fold } from '../../src/recognise/entities/text';

const WORD = /[\u0621-\u063A\u0641-\u064AA-Za-z]+/g;
const MARKS = /[\u0640\u064B-\u065F\u0670]/g;

export interface CorpusWords {
  /** The folded words of each article, in corpus order. */
  docs: string[][];
  /** How often each folded word occurs. */
  freq: Map<string, number>;
  /** Every word form, most frequent first (ties in code-unit order, so the ranking is deterministic). */
  ranked: [string, number][];
}

/** Read a JSONL(.gz) corpus of {id, title, text} articles, leaving out the ids in `exclude` (the dev gold). */
export function readCorpusWords(corpusPath: string, exclude?: Set<string>): CorpusWords {
  const lines = gunzipSync(readFileSync(corpusPath)).toString('utf8').split('\n');
  const docs: string[][] = [];
  const freq = new Map<string, number>();
  for (const line of lines) {
    if (!line) continue;
    const a = JSON.parse(line) as { id: string; title?: string; text: string };
    if (exclude?.has(a.id)) continue;
    const words = (a.title + '\n' + a.text).replace(MARKS, '').match(WORD)?.map(fold) ?? [];
    docs.push(words);
    for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { docs, freq, ranked };
}
