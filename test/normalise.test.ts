import fc from 'fast-check';
import { convertArabic } from 'arabic-reshaper';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normaliseText, viewToOriginal, isViewBoundary, NO_NORMALISATION } from '../src/normalise';
import type { Normalised, NormaliseOptions } from '../src/types';
import { describeWithShared } from './helpers/shared';
import { firstNewsArticles } from './helpers/corpus';

const SEED = readFileSync(resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt'), 'utf8');

/** Characters that exercise every operation, plus ordinary ones. */
const POOL = [
  ...'ابتثجحخدذرسشصضطظعغفقكلمنهوي ',
  ...'أإآٱىةؤئء',
  '\u064B', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670', // diacritics
  '\u0640', // tatweel
  '\u200F', '\u200E', '\u202B', '\u202C', '\u2067', '\u2069', '\u061C', '\u200B', // bidi and zero-width
  '\uFEFB', '\uFEF7', '\uFE8D', '\uFEE1', '\uFB8A', '\uFDF2', '\uFDFD', '\uFDFC', '\uFE70', '\uFE71', '\uFC5E', // presentation forms
  ...'٠١٢٣٤٥٦٧٨٩۰۴۵', '\u066B', '\u066C', '\u066A', // digits and separators
  ...'«»“”‘’"،؛؟.', // quotes and punctuation
  '\n', 'a', 'Z', '7', '😀', '𝕏', // Latin, ASCII digit, astral characters
];

const textArb = fc.array(fc.constantFrom(...POOL), { maxLength: 60 }).map((a) => a.join(''));
const optionsArb: fc.Arbitrary<Partial<NormaliseOptions>> = fc.record({
  bidi: fc.boolean(),
  presentationForms: fc.boolean(),
  tatweel: fc.boolean(),
  diacritics: fc.boolean(),
  alef: fc.boolean(),
  alefMaqsura: fc.boolean(),
  tehMarbuta: fc.boolean(),
  hamzaCarriers: fc.boolean(),
  digits: fc.boolean(),
  punctuation: fc.boolean(),
});

/** The alignment partitions the original: groups are contiguous, cover it all, and start at kept characters. */
function checkPartition(text: string, n: Normalised): void {
  const len = n.view.length;
  if (len === 0) return;
  const gaps: number[] = []; // view offsets where a group does not start where the previous one ended
  for (let v = 1; v < len; v++) {
    if (isViewBoundary(n, v) && n.origStart[v] !== n.origEnd[v - 1]) gaps.push(v);
  }
  expect({ first: n.origStart[0], last: n.origEnd[len - 1], gaps }).toEqual({ first: 0, last: text.length, gaps: [] });
}

/** Map a view span back, normalise that original slice, and get the view slice again. */
function roundTrips(text: string, n: Normalised, a: number, b: number, options: Partial<NormaliseOptions>): boolean {
  const o = viewToOriginal(n, a, b);
  return normaliseText(text.slice(o.start, o.end), options).view === n.view.slice(a, b);
}

function checkRoundTrip(text: string, n: Normalised, a: number, b: number, options: Partial<NormaliseOptions>): void {
  const o = viewToOriginal(n, a, b);
  expect(normaliseText(text.slice(o.start, o.end), options).view).toBe(n.view.slice(a, b));
}

function boundaries(n: Normalised): number[] {
  const out: number[] = [];
  for (let v = 0; v <= n.view.length; v++) if (isViewBoundary(n, v)) out.push(v);
  return out;
}

describe('normaliser operations (ARCHITECTURE §2), each switchable', () => {
  const only = (op: keyof NormaliseOptions) => ({ ...NO_NORMALISATION, [op]: true });

  test('bidi controls and zero-width marks are removed', () => {
    expect(normaliseText('\u200Fقال\u202B ماتزي\u202C\u2066x\u2069\u061C\u200B', only('bidi')).view).toBe('قال ماتزيx');
  });
  test('presentation forms fold to base letters, with U+FDFD and U+FDFC handled explicitly', () => {
    expect(normaliseText('\uFEDF\uFEE8\uFEAA\uFEE6', only('presentationForms')).view).toBe('لندن');
    expect(normaliseText('\uFEFB', only('presentationForms')).view).toBe('لا');
    expect(normaliseText('\uFDFD', only('presentationForms')).view).toBe('بسم الله الرحمن الرحيم');
    expect(normaliseText('١٠ \uFDFC', { ...only('presentationForms') }).view).toBe('١٠ ريال');
  });
  test('tatweel is removed', () => {
    expect(normaliseText('كـــتاب', only('tatweel')).view).toBe('كتاب');
  });
  test('diacritics are removed (harakat, tanwin, shadda, sukun, superscript alef)', () => {
    expect(normaliseText('مُؤَقَّتًا هٰذا', only('diacritics')).view).toBe('مؤقتا هذا');
  });
  test('letter variants: alef, alef maqsura, teh marbuta, hamza carriers', () => {
    expect(normaliseText('أإآٱ', only('alef')).view).toBe('اااا');
    expect(normaliseText('على', only('alefMaqsura')).view).toBe('علي');
    expect(normaliseText('مدينة', only('tehMarbuta')).view).toBe('مدينه');
    expect(normaliseText('مؤتمر رئيس', only('hamzaCarriers')).view).toBe('موتمر رييس');
  });
  test('Arabic-Indic and Persian digits become ASCII', () => {
    expect(normaliseText('١٥ رمضان ١٤٣٩ و۲۰۱۸ و٣٫٥', only('digits')).view).toBe('15 رمضان 1439 و2018 و3.5');
  });
  test('quotation marks and Arabic punctuation are unified', () => {
    expect(normaliseText('«قال» “نعم”، لا؛ لماذا؟', only('punctuation')).view).toBe('"قال" "نعم", لا; لماذا?');
  });
  test('with every operation off the view is the original', () => {
    expect(normaliseText(SEED, NO_NORMALISATION).view).toBe(SEED);
  });
  test('astral characters are kept and map to whole code points', () => {
    const t = '😀أمازون😀';
    const n = normaliseText(t);
    expect(n.view).toBe('😀امازون😀');
    expect(viewToOriginal(n, 2, 8)).toEqual({ start: 2, end: 8 });
    expect(viewToOriginal(n, 0, 2)).toEqual({ start: 0, end: 2 });
  });
  test('a deleted character is absorbed into its neighbour, never a boundary of its own', () => {
    const t = 'وَأَمَازُونُ \u200Fبارلر';
    const n = normaliseText(t);
    expect(n.view).toBe('وامازون بارلر');
    // the word maps back to the whole word with its diacritics; the bidi mark goes with the space before it
    expect(t.slice(viewToOriginal(n, 0, 7).start, viewToOriginal(n, 0, 7).end)).toBe('وَأَمَازُونُ');
    expect(t.slice(viewToOriginal(n, 8, 13).start, viewToOriginal(n, 8, 13).end)).toBe('بارلر');
  });
});

describe('round-trip properties on generated text (fast-check)', () => {
  test('the alignment partitions the original, and every view span maps back to a slice that normalises to it', () => {
    fc.assert(
      fc.property(textArb, optionsArb, fc.nat(), fc.nat(), (text, options, x, y) => {
        const n = normaliseText(text, options);
        checkPartition(text, n);
        const bs = boundaries(n);
        const a = bs[x % bs.length];
        const b = bs[y % bs.length];
        checkRoundTrip(text, n, Math.min(a, b), Math.max(a, b), options);
      }),
      { numRuns: 3000, seed: 20210111 },
    );
  });

  test('text shaped into presentation forms by arabic-reshaper normalises to the same view as the unshaped text', () => {
    const arabicWords = fc.array(fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهويأإآىةؤئلا '), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(arabicWords, (text) => {
        const shaped = convertArabic(text);
        expect(normaliseText(shaped).view).toBe(normaliseText(text).view);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  test('the shaped seed article (lam-alef ligatures shorten it) normalises to the view of the seed', () => {
    const shaped = convertArabic(SEED);
    expect(shaped.length).toBeLessThan(SEED.length);
    expect(shaped).toMatch(/[\uFE70-\uFEFF]/);
    expect(normaliseText(shaped).view).toBe(normaliseText(SEED).view);
  });
});

describeWithShared('round-trip properties on real news articles', ['data/news/ant-news.jsonl.gz'], () => {
  test('1,000 articles: partition, token spans and random spans round-trip', async () => {
    const articles = await firstNewsArticles(1000);
    expect(articles).toHaveLength(1000);
    let spans = 0;
    const failures: string[] = [];
    const check = (a: { id: string; text: string }, n: Normalised, s: number, e: number) => {
      spans++;
      if (!roundTrips(a.text, n, s, e, {})) failures.push(`${a.id} [${s},${e})`);
    };
    let rnd = 12345;
    const next = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648);
    for (const a of articles) {
      const n = normaliseText(a.text);
      checkPartition(a.text, n);
      const bs = boundaries(n);
      // spans between whitespace-separated words, and random spans
      const words = [...n.view.matchAll(/\S+/g)];
      for (const w of words.slice(0, 50)) {
        const s = w.index!;
        const e = s + w[0].length;
        if (!isViewBoundary(n, s) || !isViewBoundary(n, e)) continue;
        check(a, n, s, e);
      }
      for (let k = 0; k < 20; k++) {
        const x = bs[next() % bs.length];
        const y = bs[next() % bs.length];
        check(a, n, Math.min(x, y), Math.max(x, y));
      }
    }
    expect(failures).toEqual([]);
    expect(spans).toBeGreaterThan(50000);
  });
});
