/**
 * Generated documents: texts mixing Arabic, astral characters (emoji, mathematical letters), XML specials
 * (& < > " ' ]]>), quotation marks, spaces and newlines; entity and temporal spans anywhere that does not start
 * or end on white space (brat cannot), across paragraphs too; quotes with marks. TEI standoff, brat and Web
 * Annotation must give every span back exactly; TEI inline must give back all but the ones it says it left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { AnnotationDocument } from '../src/emit/format';
import { exportDocument } from '../src/export';
import { importBrat, importTei, importWebAnno, skeletonDocument } from '../src/import';
import { validateTei, validator } from './helpers/validate-tei';

const out = mkdtempSync(path.join(tmpdir(), 'ana-property-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
/** TEI files of every generated document, validated in one call at the end. */
const teiFiles: string[] = [];
function keep(name: string, xml: string) {
  
  const p = path.join(out, `${teiFiles.length}-${name}`);
  writeFileSync(p, xml);
  teiFiles.push(p);
}

const PIECES = ['م', 'ص', 'ر', 'ا', 'ل', 'ة', 'ً', 'ـ', '😀', '𝕏', '👍🏽', 'a', '&', '<', '>', '"', "'", ']]>', '«', '»', ' ', ' ', '\n', '\t', '\u00a0', '٣'];

const docArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 5, maxLength: 80 })
  .chain((pieces) => {
    const text = pieces.join('');
    const cps = Array.from(text);
    const n = cps.length;
    const span = fc
      .tuple(fc.nat({ max: n - 1 }), fc.nat({ max: 12 }))
      .map(([s, len]) => [s, Math.min(n, s + 1 + len)] as [number, number])
      .filter(([s, e]) => !/\s/.test(cps[s]) && !/\s/.test(cps[e - 1]));
    return fc.tuple(fc.constant(text), fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 3 }), fc.array(span, { maxLength: 2 }));
  })
  .map(([text, ents, times, quotes]) => {
    const doc = skeletonDocument({ text, id: 'gen' });
    const cps = Array.from(doc.text);
    const s = (a: number, b: number) => ({ start: a, end: b, text: cps.slice(a, b).join('') });
    doc.entities = ents.map(([a, b], i) => ({ id: `m${i + 1}`, type: (['PER', 'ORG', 'LOC'] as const)[i % 3], ...s(a, b), entity: `E${(i % 2) + 1}`, confidence: 0.5, component: 'model' as const }));
    doc.entityTable = [1, 2]
      .map((k) => ({ id: `E${k}`, type: (k === 1 ? 'PER' : 'ORG') as 'PER', name: { ar: 'اسم & <' + k + '>', latin: `N; "${k}"` }, mentions: doc.entities.filter((m) => m.entity === `E${k}`).map((m) => m.id) }))
      .filter((e) => e.mentions.length);
    doc.timex = times.map(([a, b], i) => ({ id: `t${i + 1}`, type: 'DATE' as const, ...s(a, b), value: i % 2 ? 'PRESENT_REF' : '2018-03-28', confidence: 1, component: 'rule' as const }));
    // a quote is exported as marks + words: only spans opening and closing with a mark qualify
    doc.quotes = quotes
      .filter(([a, b]) => b - a >= 3 && cps[a] === '«' && cps[b - 1] === '»' && !/\s/.test(cps[a + 1]) && !/\s/.test(cps[b - 2]))
      .map(([a, b], i) => ({ id: `q${i + 1}`, kind: 'speech' as const, ...s(a + 1, b - 1), open: s(a, a + 1), close: s(b - 1, b), confidence: 1 }));
    return doc;
  });

function spans(d: AnnotationDocument): string[] {
  return [
    ...d.entities.map((m) => `E ${m.start}-${m.end} ${m.type}`),
    ...d.timex.map((t) => `T ${t.start}-${t.end} ${t.value}`),
    ...d.quotes.map((q) => `Q ${q.open.start}-${q.close?.end} ${q.start}-${q.end}`),
  ].sort();
}

describe('generated documents round-trip through the standoff formats', () => {
  test('tei, brat, webanno: every span back exactly; tei-inline: all but the counted ones', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const want = spans(doc);
        const teiXml = exportDocument(doc, 'tei').files[0].content;
        keep('gen.tei.xml', teiXml);
        const tei = importTei(teiXml);
        expect(tei.text).toBe(doc.text);
        expect(spans(tei)).toEqual(want);
        const brat = exportDocument(doc, 'brat').files;
        expect(spans(importBrat(brat[0].content, brat[1].content))).toEqual(want);
        expect(spans(importWebAnno(exportDocument(doc, 'webanno').files[0].content, doc.text))).toEqual(want);
        const inline = exportDocument(doc, 'tei-inline');
        keep('gen.tei-inline.xml', inline.files[0].content);
        const back = importTei(inline.files[0].content);
        expect(back.text).toBe(doc.text);
        const got = spans(back);
        const leftOut = Number(/left out (\d+)/.exec(inline.notes.join(' '))?.[1] ?? 0);
        expect(got.every((x) => want.includes(x))).toBe(true);
        expect(want.length - got.length).toBe(leftOut);
      }),
      { numRuns: Number(process.env.RUNS ?? 150), seed: Number(process.env.SEED ?? 6) },
    );
  });
});

describe('generated TEI is valid', () => {
  const v = validator();
  if (!v.name) console.log(`TEI validation skipped: ${v.reason}`);
  (v.name ? test : test.skip)('every generated TEI file (standoff and inline) validates against tei_all.rng', () => {
    expect(teiFiles.length).toBeGreaterThanOrEqual(300);
    const r = validateTei(teiFiles);
    expect([...r.errors.entries()]).toEqual([]);
  });
});
