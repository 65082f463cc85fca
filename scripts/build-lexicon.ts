/**
 * Build resources/lexicon.json: frequencies of Arabic word skeletons (diacritics and tatweel removed, letters as
 * written), counted over the news corpus, ANERcorp and the Wojood sample in ../shared/data. The clitic segmenter
 * uses it to decide whether a leading و/ف/ب/ل/ك or a trailing pronoun is a clitic or part of the word.
 *
 *   npx tsx scripts/build-lexicon.ts [--shared ../shared] [--min 3]
 */
import { join } from 'node:path';
import { normaliseText } from '../src/normalise';
import { SKELETON_OPTIONS } from '../src/normalise/skeleton';
import { tokeniseView } from '../src/segment/tokenise';
import { readJsonlArticles } from '../src/ingest/jsonl';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseTokenTagLines } from '../src/score/gold/token-tag';
import { sharedDir, argValue } from './lib/shared';

async function main() {
  const shared = sharedDir();
  const min = Number(argValue('--min') ?? 3);
  const counts = new Map<string, number>();
  const add = (text: string) => {
    const view = normaliseText(text, SKELETON_OPTIONS).view;
    for (const t of tokeniseView(view)) {
      if (t.kind !== 'arabic') continue;
      const w = view.slice(t.start, t.end);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  };
  let articles = 0;
  for await (const item of readJsonlArticles(join(shared, 'data/news/ant-news.jsonl.gz'))) {
    if ('error' in item) continue;
    add(item.article.text);
    if (item.article.meta.title) add(item.article.meta.title);
    articles++;
  }
  for (const f of ['data/anercorp/ANERCorp.train.txt', 'data/wojood/train.txt']) {
    for (const sentence of parseTokenTagLines(readFileSync(join(shared, f), 'utf8'), () => false)) for (const { token } of sentence) add(token);
  }
  const entries = [...counts].filter(([, c]) => c >= min).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const body = entries.map(([w, c]) => `${w}\t${c}`).join('\n');
  writeFileSync(
    join(__dirname, '..', 'resources', 'lexicon.json'),
    JSON.stringify({
      description: 'Arabic word skeleton frequencies (news corpus + ANERcorp train + Wojood train), built by scripts/build-lexicon.ts',
      minCount: min,
      articles,
      words: body,
    }) + '\n',
  );
  console.log(`lexicon: ${entries.length} forms (count >= ${min}) from ${articles} articles`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
