/**
 * Does wink-nlp earn a place for gazetteer matching? Runs the project's hand-written gazetteer (the precise lists:
 * companies, media, ministries, countries …) over news articles two ways and compares speed and what is found:
 *   1. the project's clitic-aware matcher (src/recognise/entities/gazetteer.ts) over our tokens;
 *   2. wink-nlp's learnCustomEntities with the same entries as literal patterns, over the same normalised view
 *      (Arabic punctuation mapped 1:1 to ASCII first, as PACKAGES.md found necessary).
 *
 *   npx tsx scripts/compare-wink.ts [--limit 1000]
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalise } from '../src/normalise';
import { segment } from '../src/segment';
import { toArticle } from '../src/pipeline';
import { defaultGazetteer, viewTokens } from '../src/recognise/entities';
import { matchAt } from '../src/recognise/entities/gazetteer';
import { readJsonlArticles } from '../src/ingest/jsonl';
import { sharedDir, argValue } from './lib/shared';
import { join } from 'node:path';

async function main() {
  const limit = Number(argValue('--limit') ?? 1000);
  const texts: string[] = [];
  for await (const r of readJsonlArticles(join(sharedDir(), 'data/news/ant-news.jsonl.gz'))) {
    if ('article' in r) texts.push(r.article.text);
    if (texts.length >= limit) break;
  }
  const g = defaultGazetteer();
  const handKeys = [...g.byKey].filter(([, es]) => es.some((e) => e.hand)).map(([k]) => k);

  // 1. ours (segmentation is needed by the pipeline anyway; time the matching itself, and report both)
  const t0 = performance.now();
  const docs = texts.map((text) => segment(normalise(toArticle({ text }))));
  const t1 = performance.now();
  let ours = 0;
  let withClitic = 0;
  for (const d of docs) {
    const views = viewTokens(d.tokens);
    for (let i = 0; i < d.tokens.length; i++) {
      const m = matchAt(g, d.tokens, views, i, d.tokens.length, true);
      if (m) {
        ours++;
        if (m.spanStart > d.tokens[i].start) withClitic++;
        i = m.to - 1;
      }
    }
  }
  const t2 = performance.now();

  // 2. wink-nlp over the same view, Arabic punctuation mapped one-to-one so offsets would not move
  const nlp = winkNLP(model);
  const its = nlp.its;
  const tl0 = performance.now();
  nlp.learnCustomEntities([{ name: 'GAZ', patterns: handKeys }], { matchValue: false });
  const tl1 = performance.now();
  let wink = 0;
  let tokensSeen = 0;
  for (const d of docs) {
    const view = d.norm.view.replace(/[،؛؟]/g, (c) => ({ '،': ',', '؛': ';', '؟': '?' })[c]!);
    const doc = nlp.readDoc(view);
    tokensSeen += doc.tokens().length();
    wink += doc.customEntities().out(its.value).length;
  }
  const tl2 = performance.now();
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  console.log(JSON.stringify({
    articles: texts.length,
    tokens,
    gazetteerEntries: handKeys.length,
    ours: { matches: ours, matchesBehindProclitics: withClitic, matchMs: Math.round(t2 - t1), segmentMs: Math.round(t1 - t0), tokensPerSecond: Math.round(tokens / ((t2 - t1) / 1000)) },
    winkNlp: { matches: wink, learnMs: Math.round(tl1 - tl0), readAndMatchMs: Math.round(tl2 - tl1), tokensPerSecond: Math.round(tokensSeen / ((tl2 - tl1) / 1000)) },
  }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
