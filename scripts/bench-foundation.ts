/**
 * Throughput of the foundation alone (ingest + normalise + segment with clitics + standoff JSON, no recognisers) on
 * the first N articles of the news corpus, in one thread. Run under /usr/bin/time -v for the peak memory:
 *
 *   npm run build && /usr/bin/time -v node -r tsx/cjs scripts/bench-foundation.ts --limit 5000
 *   (or: npx tsx scripts/bench-foundation.ts --limit 5000)
 */
import { join } from 'node:path';
import { readJsonlArticles } from '../src/ingest/jsonl';
import { annotateArticle, pipelineOptions } from '../src/pipeline';
import { serialiseDocument } from '../src/emit/json';
import { argValue, sharedDir } from './lib/shared';

async function main() {
  const limit = Number(argValue('--limit') ?? 5000);
  const options = pipelineOptions({ layers: { entities: false, timex: false, quotes: false } });
  let articles = 0;
  let chars = 0;
  let bytesOut = 0;
  const t0 = performance.now();
  for await (const r of readJsonlArticles(join(sharedDir(), 'data/news/ant-news.jsonl.gz'))) {
    if (!('article' in r)) continue;
    bytesOut += serialiseDocument(annotateArticle(r.article, options)).length;
    chars += r.article.text.length;
    if (++articles >= limit) break;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ articles, characters: chars, seconds: Number(s.toFixed(2)), charsPerSecond: Math.round(chars / s), articlesPerSecond: Math.round(articles / s), outputChars: bytesOut }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
