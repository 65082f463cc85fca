/**
 * The HTML views in a real browser (Debian's headless Chromium through playwright-core): spans on the page are
 * the JSON's spans, hovering a quote lights up its speaker and cue, entity clicks, right-to-left layout, no
 * network, no injected markup, and the corpus page's filters. Screenshots go to test-output/view/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { AnnotationDocument } from '../src/emit/format';
import { annotate } from '../src/pipeline';
import { run } from '../src/cli/commands/view';
import { safeFileStem } from '../src/cli/io';
import { summarise } from '../src/view';
import { foldForSearch } from '../src/view/search-fold';
import { haveChromium, launchBrowser, CHROMIUM, type Browser } from './fixtures/view/browser';
import { astralDoc, hostileDoc, haveSeedGold, seedGoldDoc, SEED_ID } from './fixtures/view/docs';

// The functions passed to page.$eval/evaluate run in the page; these globals exist there, not in Node's typings
// (declared here rather than adding the DOM library to the whole project's type check).
declare const document: any, window: any, NodeFilter: any, getComputedStyle: any;

const SHOTS = path.resolve(__dirname, '../test-output/view');
const SEED_PATH = path.resolve(__dirname, '../corpus', `${SEED_ID}.txt`);

const suite = haveChromium() ? describe : describe.skip;
if (!haveChromium()) console.log(`view browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const withGold = haveSeedGold() ? test : test.skip;
if (!haveSeedGold()) console.log('view browser tests on the seed gold skipped: ../shared (or $ANA_SHARED) not found');

/** Text of every element carrying `attr`, concatenated per value in document order (split pieces join up). */
async function textsBy(page: Page, selector: string, attr: string): Promise<Record<string, string>> {
  return page.$$eval(
    selector,
    (els, a) => {
      const out: Record<string, string> = {};
      for (const el of els) {
        for (const v of a === 'data-q' || a === 'data-m' || a === 'data-t' ? [el.getAttribute(a)!] : el.getAttribute(a)!.split(' ')) out[v] = (out[v] ?? '') + el.textContent;
      }
      return out;
    },
    attr,
  );
}

/** Centre of the first line box of the first element matching `selector` (an inline element can wrap). */
async function firstBox(page: Page, selector: string): Promise<{ x: number; y: number; left: number; right: number }> {
  return page.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, right: r.right };
  });
}

/** Screen box of one character of #text, by UTF-16 offset into the article text. */
async function charBox(page: Page, offset: number): Promise<{ left: number; right: number; top: number }> {
  return page.$eval(
    '#text',
    (root, off) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.nodeValue!.length;
        if (off < seen + len) {
          const range = document.createRange();
          range.setStart(n, off - seen);
          range.setEnd(n, off - seen + 1);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top };
        }
        seen += len;
      }
      throw new Error(`offset ${off} beyond the text`);
    },
    offset,
  );
}

suite('ana view pages in Chromium', () => {
  let browser: Browser;
  let out: string;
  let dir: string;
  const docs: AnnotationDocument[] = [];
  const pageOf = (doc: AnnotationDocument) => pathToFileURL(path.join(out, `${safeFileStem(doc.id)}.html`)).href;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(path.join(os.tmpdir(), 'ana-view-browser-'));
    out = path.join(dir, 'out');
    // The pipeline's own output for the seed (the recognisers may still find little), plus the fixtures.
    docs.push(annotate({ text: readFileSync(SEED_PATH, 'utf8'), id: SEED_ID, source: { path: SEED_PATH } }, { tokens: false }));
    docs.push(astralDoc(), hostileDoc());
    if (haveSeedGold()) docs.push(seedGoldDoc());
    docs.forEach((d, i) => writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(d)));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await run([dir, '-o', out, '-q']);
    err.mockRestore();
    expect(code).toBe(0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open a page, failing on any request beyond the file itself, any script error and any console error. */
  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('request', (r) => {
      // Only page navigations between the local files (the page itself, a link followed): no subresource at all.
      if (!r.isNavigationRequest() || !r.url().startsWith('file:')) problems.push(`request ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.text()}`);
    });
    await page.goto(url);
    return { page, problems };
  }

  test('every page: RTL Arabic, the whole text, every span exactly as in the JSON, no network, no errors', async () => {
    for (const doc of docs) {
      const { page, problems } = await open(pageOf(doc));
      expect(await page.$eval('html', (h) => [h.lang, h.dir])).toEqual(['ar', 'rtl']);
      expect(await page.$eval('#text', (t) => [t.getAttribute('lang'), t.getAttribute('dir'), getComputedStyle(t).direction])).toEqual(['ar', 'rtl', 'rtl']);
      expect(await page.$eval('#text', (t) => t.textContent)).toBe(doc.text);
      expect(await textsBy(page, '#text [data-m]', 'data-m')).toEqual(Object.fromEntries(doc.entities.map((m) => [m.id, m.text])));
      expect(await textsBy(page, '#text [data-t]', 'data-t')).toEqual(Object.fromEntries(doc.timex.map((t) => [t.id, t.text])));
      expect(await textsBy(page, '#text .q[data-q]', 'data-q')).toEqual(Object.fromEntries(doc.quotes.map((q) => [q.id, q.text])));
      expect(await textsBy(page, '#text .qm[data-q]', 'data-q')).toEqual(Object.fromEntries(doc.quotes.map((q) => [q.id, q.open.text + (q.close?.text ?? '')])));
      expect(await textsBy(page, '#text [data-spk]', 'data-spk')).toEqual(Object.fromEntries(doc.quotes.filter((q) => q.speaker).map((q) => [q.id, q.speaker!.text])));
      expect(await textsBy(page, '#text [data-cue]', 'data-cue')).toEqual(Object.fromEntries(doc.quotes.filter((q) => q.cue).map((q) => [q.id, q.cue!.text])));
      // The value of a temporal expression is shown on hover (title).
      for (const t of doc.timex) {
        if (t.value) expect(await page.$eval(`[data-t="${t.id}"]`, (e) => e.getAttribute('title'))).toContain(t.value);
      }
      expect(await page.$$eval('#ents button[data-e]', (bs) => bs.length)).toBe(doc.entityTable.length);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test('the seed page reads right to left, with Latin names left to right inside it', async () => {
    const doc = docs[0];
    const { page } = await open(pageOf(doc));
    // "شبكة بارلر Parler الاجتماعية" on the second line: Arabic words run right to left, the Latin name between
    // them left to right.
    const at = doc.text.indexOf('بارلر Parler الاجتماعية');
    const ba = await charBox(page, at); // first letter of بارلر
    const p = await charBox(page, at + 6); // P
    const r = await charBox(page, at + 11); // final r of Parler
    const al = await charBox(page, at + 13); // first letter of الاجتماعية
    expect(new Set([ba.top, p.top, r.top, al.top]).size).toBe(1);
    expect(ba.left).toBeGreaterThan(r.right - 1); // بارلر is to the right of Parler…
    expect(p.left).toBeLessThan(r.left); // …which reads left to right…
    expect(p.left).toBeGreaterThan(al.right - 1); // …and الاجتماعية follows on its left
    // The text starts at the right edge of its column.
    const first = await charBox(page, 0);
    const column = await page.$eval('#text', (t) => {
      const r = t.getBoundingClientRect();
      return r.right - parseFloat(getComputedStyle(t).paddingRight);
    });
    expect(Math.abs(first.right - column)).toBeLessThan(2);
    await page.screenshot({ path: path.join(SHOTS, 'seed-pipeline.png'), fullPage: true });
    await page.close();
  });

  test('hovering each quote lights up its speaker, the speaker\'s mention and its cue, and nothing else', async () => {
    const gold = docs.find((d) => d.id.endsWith('-gold'));
    if (gold) expect(gold.quotes.filter((q) => q.speaker)).toHaveLength(11);
    for (const doc of docs) {
      const { page, problems } = await open(pageOf(doc));
      for (const q of doc.quotes) {
        const box = await firstBox(page, `.q[data-q="${q.id.replace(/"/g, '\\"')}"]`);
        await page.mouse.move(box.x, box.y);
        const lit = await page.$$eval('#text .hl', (els) =>
          els.map((e) => ({ cls: e.className, q: e.getAttribute('data-q'), m: e.getAttribute('data-m'), spk: e.getAttribute('data-spk'), cue: e.getAttribute('data-cue'), text: e.textContent })),
        );
        const speakers = lit.filter((e) => e.spk !== null);
        const cues = lit.filter((e) => e.cue !== null);
        // A speaker or cue crossing another span comes in pieces: their texts join up.
        expect([doc.id, q.id, speakers.map((s) => s.text).join('')]).toEqual([doc.id, q.id, q.speaker?.text ?? '']);
        if (q.speaker) expect(speakers[0].spk!.split(' ')).toContain(q.id);
        if (q.speaker?.mention) {
          const mention = doc.entities.find((m) => m.id === q.speaker!.mention)!;
          expect(lit.filter((e) => e.m === mention.id).map((e) => e.text).join('')).toBe(mention.text);
        }
        expect(cues.map((c) => c.text).join('')).toBe(q.cue?.text ?? '');
        expect(lit.filter((e) => e.q !== null).every((e) => e.q === q.id)).toBe(true);
        expect(lit.filter((e) => e.cls.split(' ').includes('q')).map((e) => e.text).join('')).toBe(q.text);
        if (doc === gold && q.id === 'q6') await page.screenshot({ path: path.join(SHOTS, 'seed-gold-hover-q6.png') });
      }
      // Hovering a speaker lights up every quote attributed to that span (the gold: ماتزي before q10 says q10 and q11).
      if (doc === gold) {
        const box = await firstBox(page, '[data-spk="q10 q11"]');
        await page.mouse.move(box.x, box.y);
        expect(await page.$$eval('#text .q.hl', (els) => els.map((e) => e.getAttribute('data-q')))).toEqual(['q10', 'q11']);
      }
      // Leaving the text clears the highlight.
      await page.mouse.move(5, 5);
      expect(await page.$$eval('#text .hl', (els) => els.length)).toBe(0);
      if (doc === gold) await page.screenshot({ path: path.join(SHOTS, 'seed-gold.png'), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  withGold('seed gold: clicking an entity in the side panel highlights all its mentions', async () => {
    const doc = docs.find((d) => d.id.endsWith('-gold'))!;
    const { page } = await open(pageOf(doc));
    const parler = doc.entityTable.find((e) => e.name.latin === 'Parler')!;
    const pid = parler.id;
    const names = await page.$$eval('#ents tr', (rows) => rows.map((r) => [r.getAttribute('data-e'), r.querySelector('td.n .count')!.textContent]));
    expect(parler.mentions).toHaveLength(11); // counted by hand in the gold: بارلر ×8, Parler ×3
    expect(names[0]).toEqual([pid, '11']); // most mentioned first
    await page.click(`#ents button[data-e="${pid}"]`);
    const sel = await page.$$eval('#text .sel', (els) => els.map((e) => [e.getAttribute('data-m'), e.textContent]));
    const expected = doc.entities.filter((m) => m.entity === pid).map((m) => [m.id, m.text]);
    expect(sel).toEqual(expected);
    expect(new Set(sel.map((s) => s[1]))).toEqual(new Set(['بارلر', 'Parler']));
    expect(await page.$eval(`#ents tr[data-e="${pid}"]`, (r) => r.classList.contains('on'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'seed-gold-entity.png') });
    await page.click(`#ents button[data-e="${pid}"]`);
    expect(await page.$$eval('#text .sel', (els) => els.length)).toBe(0);
    // Its row links to the corpus page filtered by its name.
    await page.click(`#ents tr[data-e="${pid}"] a.others`);
    await page.waitForLoadState();
    expect(await page.inputValue('#f-entity')).toBe(parler.name.ar);
    expect(await page.$$eval('#rows .row[data-i]:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-id')))).toContain(doc.id);
    await page.close();
  });

  test('hostile text stays text: no injected element or script, ids with quotes still work', async () => {
    const doc = docs.find((d) => d.id.startsWith('hostile'))!;
    const { page, problems } = await open(pageOf(doc));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('img, b, i, textarea', (els) => els.length)).toBe(0);
    expect(await page.$$eval('script', (els) => els.length)).toBe(1);
    expect(await page.title()).toBe(doc.metadata.title);
    expect(await page.$eval('#ents', (t) => t.textContent)).toContain("O'Brien & Co</td></tr><script>window.__pwned=6</script>");
    const box = await firstBox(page, '.q[data-q="q\\"2"]');
    await page.mouse.move(box.x, box.y);
    expect(await page.$$eval('#text .spk.hl', (els) => els.map((e) => e.textContent))).toEqual(['أحمد']);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'hostile.png') });
    await page.close();
  });

  test('the corpus page lists every article and filters by entity and by speaker', async () => {
    const url = pathToFileURL(path.join(out, 'index.html')).href;
    const { page, problems } = await open(url);
    // The filter runs on the next animation frame after typing: wait for it before reading the rows.
    const settle = () => page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r))));
    const visible = async () => (await settle(), page.$$eval('#rows .row[data-i]', (rows) => rows.filter((r) => !(r as unknown as { hidden: boolean }).hidden).map((r) => r.getAttribute('data-id'))));
    expect(await visible()).toEqual(docs.map((d) => d.id));
    // Links lead to the article pages.
    const hrefs = await page.$$eval('#rows .row[data-i] a', (as) => as.map((a) => decodeURIComponent((a as unknown as { href: string }).href)));
    expect(hrefs).toEqual(docs.map((d) => decodeURIComponent(pageOf(d))));
    // Latin, any case; Arabic without the hamza the canonical name has.
    await page.fill('#f-entity', 'apple');
    expect(await visible()).toEqual(docs.filter((d) => d.entityTable.some((e) => /apple/i.test(e.name.latin ?? ''))).map((d) => d.id));
    expect(await visible()).toContain('astral');
    await page.fill('#f-speaker', 'تيم');
    expect(await visible()).toEqual(['astral']);
    await settle();
    expect(await page.textContent('#count')).toBe(`1 / ${docs.length}`);
    await page.fill('#f-speaker', 'no such speaker');
    expect(await visible()).toEqual([]);
    await page.fill('#f-entity', '');
    await page.fill('#f-speaker', '');
    expect(await visible()).toHaveLength(docs.length);
    if (haveSeedGold()) {
      // The pipeline's own page for the seed may match too, depending on what the recognisers find today: the
      // expected set follows from each document's names (folded by the analysis normaliser, not the page script).
      const matching = (names: (d: AnnotationDocument) => string[], q: string) =>
        docs.filter((d) => names(d).some((n) => foldForSearch(n).includes(foldForSearch(q)))).map((d) => d.id);
      await page.fill('#f-entity', 'امازون');
      const amazon = matching((d) => summarise(d, '').entityNames, 'امازون');
      expect(amazon).toContain(`${SEED_ID}-gold`);
      expect(await visible()).toEqual(amazon);
      await page.fill('#f-entity', '');
      await page.fill('#f-speaker', 'ماتزي');
      const matze = matching((d) => summarise(d, '').speakers, 'ماتزي');
      expect(matze).toContain(`${SEED_ID}-gold`);
      expect(await visible()).toEqual(matze);
      await page.screenshot({ path: path.join(SHOTS, 'index-filtered.png') });
      await page.fill('#f-speaker', '');
    }
    // A filter in the address survives reloading (and can be linked to).
    // (let the last keystroke's filter run first: it rewrites the address; then reload, so the page reads the
    // filter from the address as it loads, with no same-document hashchange racing the check)
    await visible();
    await page.goto(`${url}#speaker=${encodeURIComponent('أحمد')}`);
    await page.reload();
    expect(await visible()).toEqual([docs.find((d) => d.id.startsWith('hostile'))!.id]);
    await page.click('#rows .row[data-i]:not([hidden]) a');
    await page.waitForLoadState();
    expect(await page.$eval('#text', (t) => t.textContent)).toBe(docs.find((d) => d.id.startsWith('hostile'))!.text);
    expect(problems).toEqual([]);
    await page.close();
  });
});
