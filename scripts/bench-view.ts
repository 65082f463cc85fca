/**
 * How long the HTML views take to load and respond in headless Chromium, at the sizes issue 8 asks for: a
 * 20,000-character article and a 5,000-article corpus page.
 *
 *   npx tsx scripts/bench-view.ts [--runs 3] [--chars 20000] [--articles 5000] [--out DIR]
 *
 * The article is the seed article repeated to the length asked and annotated by the pipeline (so the number of
 * highlighted spans is what the recognisers give today). The corpus page lists synthetic summaries: the seed's
 * names plus numbered variants, so filtering scans a realistically large, varied name list.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotate } from '../src/pipeline';
import { renderArticlePage, renderIndexPage, summarise, type ArticleSummary } from '../src/view';
import { argValue } from './lib/shared';
import { launchBrowser, haveChromium, CHROMIUM } from '../test/fixtures/view/browser';

declare const document: any, window: any, performance: any;

const RUNS = Number(argValue('--runs') ?? 3);
const CHARS = Number(argValue('--chars') ?? 20000);
const ARTICLES = Number(argValue('--articles') ?? 5000);
const OUT = path.resolve(argValue('--out') ?? path.join(os.tmpdir(), 'ana-bench-view'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  if (!haveChromium()) throw new Error(`no Chromium at ${CHROMIUM}`);
  mkdirSync(OUT, { recursive: true });
  const seedText = readFileSync(path.resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');

  // --- the long article
  let text = '';
  while (text.length < CHARS) text += (text ? '\n' : '') + seedText.trim();
  text = text.slice(0, CHARS);
  let t0 = performance.now();
  const doc = annotate({ text, id: 'long', meta: { title: 'مقالة طويلة للقياس', published: '2021-01-11' } }, { tokens: false });
  const tAnnotate = performance.now() - t0;
  t0 = performance.now();
  const articleHtml = renderArticlePage(doc, { indexHref: 'index.html' });
  const tRenderArticle = performance.now() - t0;
  writeFileSync(path.join(OUT, 'long.html'), articleHtml);

  // --- the corpus page
  const base = summarise(annotate({ text: seedText, id: 'seed' }, { tokens: false }), 'long.html');
  const summaries: ArticleSummary[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    summaries.push({
      ...base,
      id: `article-${i}`,
      href: 'long.html',
      title: `${base.title.slice(0, 60)} ${i}`,
      published: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      entityNames: [...base.entityNames.filter((_, k) => (i + k) % 3 !== 0), `شركة رقم ${i % 997}`, `Person ${i % 1499}`, `مدينة ${i % 211}`],
      speakers: [...base.speakers.filter((_, k) => (i + k) % 2 === 0), `متحدث ${i % 331}`],
    });
  }
  t0 = performance.now();
  const indexHtml = renderIndexPage(summaries);
  const tRenderIndex = performance.now() - t0;
  writeFileSync(path.join(OUT, 'index.html'), indexHtml);

  console.log(`article: ${text.length} characters, ${doc.entities.length} entity mentions, ${doc.timex.length} temporal expressions, ${doc.quotes.length} quotes; page ${(statSync(path.join(OUT, 'long.html')).size / 1024).toFixed(0)} KB`);
  console.log(`  node: annotate ${ms(tAnnotate)}, render page ${ms(tRenderArticle)}`);
  console.log(`index: ${ARTICLES} articles; page ${(statSync(path.join(OUT, 'index.html')).size / 1024).toFixed(0)} KB; node: render ${ms(tRenderIndex)}`);

  const browser = await launchBrowser();
  try {
    const article = { load: [] as number[], dcl: [] as number[], hover: [] as number[], click: [] as number[] };
    const index = { load: [] as number[], dcl: [] as number[], filter: [] as number[], clear: [] as number[], shown: 0 };
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.context.newPage();
      // Load: from navigation start to the load event, plus one forced layout (the page is usable then).
      t0 = performance.now();
      await page.goto(pathToFileURL(path.join(OUT, 'long.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => document.body.getBoundingClientRect());
      article.load.push(performance.now() - t0);
      article.dcl.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
      // Hovering the last quote, and clicking the most mentioned entity: event to classes set, in the page.
      if (doc.quotes.length) {
        article.hover.push(
          await page.evaluate(() => {
            const qs = document.querySelectorAll('#text .q[data-q]');
            const q = qs[qs.length - 1];
            const t = performance.now();
            q.dispatchEvent(new window.MouseEvent('mouseover', { bubbles: true }));
            document.body.getBoundingClientRect();
            return performance.now() - t;
          }),
        );
      }
      if (doc.entityTable.length) {
        article.click.push(
          await page.evaluate(() => {
            const b = document.querySelector('#ents button[data-e]');
            const t = performance.now();
            b.click();
            document.body.getBoundingClientRect();
            return performance.now() - t;
          }),
        );
      }
      await page.close();

      const ipage = await browser.context.newPage();
      t0 = performance.now();
      await ipage.goto(pathToFileURL(path.join(OUT, 'index.html')).href, { waitUntil: 'load' });
      await ipage.evaluate(() => document.body.getBoundingClientRect());
      index.load.push(performance.now() - t0);
      index.dcl.push(await ipage.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
      // Typing a speaker's name: input event to rows hidden and laid out (the filter runs on the next frame).
      const typed = async (value: string) =>
        ipage.evaluate(
          (v: string) =>
            new Promise<number>((resolve) => {
              const input = document.getElementById('f-speaker');
              const t = performance.now();
              input.value = v;
              input.dispatchEvent(new window.Event('input'));
              window.requestAnimationFrame(() => {
                window.setTimeout(() => {
                  document.body.getBoundingClientRect();
                  resolve(performance.now() - t);
                }, 0);
              });
            }),
          value,
        );
      index.filter.push(await typed('متحدث 33'));
      index.shown = await ipage.evaluate(() => document.querySelectorAll('#rows .row[data-i]:not([hidden])').length);
      index.clear.push(await typed(''));
      await ipage.close();
    }
    console.log(`chromium, median of ${RUNS} run(s):`);
    console.log(`  article page: load+layout ${ms(median(article.load))} (DOMContentLoaded at ${ms(median(article.dcl))}); hover a quote ${article.hover.length ? ms(median(article.hover)) : 'n/a'}; click an entity ${article.click.length ? ms(median(article.click)) : 'n/a'}`);
    console.log(`  index page: load+layout ${ms(median(index.load))} (DOMContentLoaded at ${ms(median(index.dcl))}); filter by speaker "متحدث 33" ${ms(median(index.filter))} (${index.shown} rows shown); clear the filter ${ms(median(index.clear))}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
