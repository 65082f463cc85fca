import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { annotate, serialiseDocument } from '../src';
import { schemaErrors, badSpans } from './helpers/spans';
import { describeWithShared } from './helpers/shared';
import { firstNewsArticles } from './helpers/corpus';

const SEED = readFileSync(resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');

describe('the standoff JSON (ARCHITECTURE §4)', () => {
  const doc = annotate({ text: SEED, id: 'seed', meta: { published: '2021-01-10' } });

  test('is valid against schema/annotation.schema.json', () => {
    expect(schemaErrors(doc)).toEqual([]);
  });

  test('records the SHA-256 of the original UTF-8 bytes and the length in code points, as the gold does', () => {
    // the values written in ../shared/gold/000_d696bc9f1b5d4abe.gold.json by its annotators
    expect(doc.source.sha256).toBe('03e6e5dad37a13a54a95863dba94442f9e56e123db6eecc753f5097a5dbfbbf0');
    expect(doc.source.length).toBe(2241);
  });

  test('every span covers exactly its text, in code points', () => {
    expect(badSpans(doc)).toEqual([]);
    expect(doc.tokens!.length).toBeGreaterThan(400);
    expect(doc.sentences.length).toBe(15);
  });

  test('is deterministic: the same input and options give byte-identical output', () => {
    const again = annotate({ text: SEED, id: 'seed', meta: { published: '2021-01-10' } });
    expect(serialiseDocument(again)).toBe(serialiseDocument(doc));
  });

  test('offsets are code points: astral characters before and inside spans', () => {
    const text = '😀😀 قالت أمازون 𝕏 في رسالة: "نحن 👍 هنا".\n🇪🇬 القاهرة';
    const d = annotate({ text });
    expect(schemaErrors(d)).toEqual([]);
    expect(badSpans(d)).toEqual([]);
    const amazon = d.tokens!.find((t) => t.text === 'أمازون')!;
    expect(amazon.start).toBe(8); // 2 emoji (4 UTF-16 units, 2 code points) + space + «قالت» + space
    expect(d.source.length).toBe([...text].length);
    expect(d.source.lengthUtf16).toBe(text.length);
    expect(d.sentences[0].text).toBe('😀😀 قالت أمازون 𝕏 في رسالة: "نحن 👍 هنا".');
  });

  test('a BOM is dropped and CR LF unified, and the header says so', () => {
    const d = annotate({ text: '\uFEFFسطر أول.\r\nسطر ثان.' });
    expect(d.text).toBe('سطر أول.\nسطر ثان.');
    expect(d.source).toMatchObject({ bomRemoved: true, newlinesUnified: true });
    expect(d.paragraphs.map((p) => p.text)).toEqual(['سطر أول.', 'سطر ثان.']);
  });

  test('the dateline and byline are metadata spans', () => {
    expect(doc.metadata.dateline).toEqual({ start: 0, end: 7, text: 'القاهرة' });
    expect(doc.metadata.byline).toEqual({ start: 10, end: 25, text: 'الأمير كمال فرج' });
  });
});

describeWithShared('outputs on real news articles', ['data/news/ant-news.jsonl.gz'], () => {
  test('100 articles: every output is valid and every span exact', async () => {
    const problems: string[] = [];
    for (const a of await firstNewsArticles(100)) {
      const d = annotate({ text: a.text, id: a.id, meta: { title: a.title, published: a.published } });
      for (const e of [...schemaErrors(d), ...badSpans(d)]) problems.push(`${a.id}: ${e}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describeWithShared('output does not depend on what was annotated before', ['data/news/ant-news.jsonl.gz'], () => {
  /** Annotate in a fresh copy of the library (its own caches), after the given other texts. */
  const inFreshProcess = (texts: string[]) => {
    let out = '';
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lib = require('../src') as typeof import('../src');
      for (const t of texts) out = lib.serialiseDocument(lib.annotate({ text: t, id: 'x' }));
    });
    return out;
  };

  test('an article gives the same bytes alone and after others (per-word caches are keyed completely)', async () => {
    // AL-culture-547 names «اليك بالدوين» (Alec); «إليك» (to you) folds to the same letters but segments as إلي + ك.
    // A cache keyed by the folded form alone once made the first reading of «اليك» decide the second.
    const articles = await firstNewsArticles(600);
    const target = articles.find((a) => a.id === 'AL-culture-547-20180709')!;
    expect(target.text).toContain('اليك بالدوين');
    const alone = inFreshProcess([target.text]);
    const after = inFreshProcess(['قال لها: إليك الخبر.', ...articles.slice(0, 40).map((a) => a.text), target.text]);
    expect(after).toBe(alone);
  });
});
