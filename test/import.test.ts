/**
 * Imports of files we did not write: the hand-made references in ../shared/formats/ (brat article.ann, TEI
 * standoff with listAnnotation and with spanGrp, TEI inline), checked against what those files say; and the
 * errors an importer must raise instead of returning shifted spans.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnotationDocument } from '../src/emit/format';
import { exportDocument } from '../src/export';
import { ImportError, importBrat, importConll, importJson, importTei, importWebAnno, skeletonDocument } from '../src/import';
import { shared } from './helpers/validate-tei';

const formats = path.join(shared, 'formats');
const haveFormats = existsSync(path.join(formats, 'article.ann'));
if (!haveFormats) console.log(`import tests on the reference files skipped: ${formats} not found (set ANA_SHARED)`);
const describeRef = haveFormats ? describe : describe.skip;
const read = (f: string) => readFileSync(path.join(formats, f), 'utf8');

/** Mention texts with types, timex with values, quotes with speakers: what the reference files state. */
function summary(d: AnnotationDocument) {
  return {
    entities: d.entities.map((m) => `${m.type} ${m.text}`),
    timex: d.timex.map((t) => `${t.type} ${t.text} ${t.value ?? '-'}${t.hijri ? ' ' + t.hijri : ''}`),
    quotes: d.quotes.map((q) => `${q.kind} ${q.open.text}${q.text}${q.close?.text ?? ''} speaker=${q.speaker?.text ?? '-'}`),
  };
}

const REFERENCE = {
  entities: ['PER السيسي', 'LOC مصر', 'PER عبد الفتاح السيسي', 'LOC القاهرة', 'LOC مصر', 'ORG وزارة الخارجية'],
  timex: ['DATE الأحد ١٢ مايو ٢٠٢٤ 2024-05-12', 'DATE ٤ ذو القعدة ١٤٤٥ هـ 2024-05-12 1445-11-04', 'TIME الساعة العاشرة صباحاً 10:00:00'],
  quotes: ['speech «مصر لن تتخلى عن دعم الشعب الفلسطيني» speaker=عبد الفتاح السيسي'],
};

describeRef('importBrat on article.ann', () => {
  const doc = haveFormats ? importBrat(read('article.txt'), read('article.ann'), 'article') : (undefined as unknown as AnnotationDocument);

  test('entities, values (AnnotatorNotes when= / when-custom= calendar=hijri), the quote and its speaker', () => {
    expect(summary(doc)).toEqual(REFERENCE);
    const q = doc.quotes[0];
    expect([q.open.start, q.start, q.end, q.close?.start]).toEqual([146, 147, 182, 182]);
    expect([q.speaker?.start, q.speaker?.end]).toEqual([63, 80]);
    expect(doc.entities.find((m) => m.id === q.speaker?.mention)?.start).toBe(63);
  });

  test('N lines group mentions into entities (LocalKB:pers-sisi for T1 and T3)', () => {
    const sisi = doc.entityTable.find((e) => e.name.ar === 'عبد الفتاح السيسي')!;
    expect(sisi.type).toBe('PER');
    expect(sisi.mentions.map((id) => doc.entities.find((m) => m.id === id)!.start)).toEqual([0, 63]);
    expect(doc.quotes[0].speaker?.entity).toBe(sisi.id);
    expect(doc.entityTable.find((e) => e.name.ar === 'مصر')!.mentions).toHaveLength(2);
    expect(doc.source.sha256).toBe('b3546e3aeba4288996494ac89ac8edbbd62ad0e5ebc84fda45283ab7bc592aa2');
  });

  test('a .ann that does not belong to the .txt is an error naming the line, not shifted spans', () => {
    const shifted = read('article.ann').replace('T2\tLOC 8 11\tمصر', 'T2\tLOC 9 12\tمصر');
    expect(() => importBrat(read('article.txt'), shifted)).toThrow(/line 2: T2 says «مصر» but the text at 9 12 is/);
    expect(() => importBrat('قصير', read('article.ann'))).toThrow(ImportError);
  });

  test('CR LF and a BOM in the .txt are read as brat reads them (BOM dropped, LF)', () => {
    const crlf = '\uFEFF' + read('article.txt').replace(/\n/g, '\r\n');
    expect(summary(importBrat(crlf, read('article.ann')))).toEqual(REFERENCE);
  });
});

describeRef('importTei on the reference TEI files', () => {
  test('standoff with listAnnotation (tei-standoff.xml): spans via string-range(h1|p1, …), values, speaker', () => {
    const doc = importTei(read('tei-standoff.xml'));
    expect(summary(doc)).toEqual(REFERENCE);
    expect(doc.metadata.title).toBe('السيسي: مصر لن تتخلى عن دعم الشعب الفلسطيني');
    expect(doc.entityTable.find((e) => e.name.latin === 'Abdel Fattah el-Sisi')!.mentions).toHaveLength(2);
  });

  test('standoff with spanGrp (tei-standoff-spangrp.xml): values from the span content', () => {
    const doc = importTei(read('tei-standoff-spangrp.xml'));
    const s = summary(doc);
    expect(s.entities).toEqual(REFERENCE.entities);
    expect(s.timex).toEqual(['DATE الأحد ١٢ مايو ٢٠٢٤ 2024-05-12', 'DATE ٤ ذو القعدة ١٤٤٥ هـ 2024-05-12', 'TIME الساعة العاشرة صباحاً 10:00:00']);
  });

  test('inline (tei-inline.xml): elements become spans; said/@who finds the nearest mention of its speaker', () => {
    const doc = importTei(read('tei-inline.xml'));
    expect(summary(doc)).toEqual(REFERENCE);
    expect(doc.paragraphs.map((p) => p.text.slice(0, 3))).toEqual(['قال']);
  });

  test('not TEI, or a pointer to an unknown id, is an error', () => {
    expect(() => importTei('<TEI><text><body><p>x</p></body></TEI>')).toThrow(/not well-formed XML: line 1/);
    expect(importTei('<TEI><text><body><p>نص</p></body></text></TEI>').text).toBe('نص');
    expect(() => importTei('<html/>')).toThrow(/no <TEI>/);
    const broken = read('tei-standoff.xml').replace('string-range(p1,18,17)', 'string-range(p9,18,17)');
    expect(() => importTei(broken)).toThrow(/unknown xml:id "p9"/);
    const tooLong = read('tei-standoff.xml').replace('string-range(h1,8,3)', 'string-range(h1,8,300)');
    expect(() => importTei(tooLong)).toThrow(/runs past the end of "h1"/);
  });
});

describeRef('importConll and importWebAnno on article.conll and webanno.jsonld', () => {
  test('CoNLL: B-/I- runs become the reference spans (no values, speakers or entities in BIO)', () => {
    const doc = importConll(read('article.conll'), read('article.txt'));
    expect(summary(doc)).toEqual({
      entities: REFERENCE.entities,
      timex: ['DATE الأحد ١٢ مايو ٢٠٢٤ -', 'DATE ٤ ذو القعدة ١٤٤٥ هـ -', 'TIME الساعة العاشرة صباحاً -'],
      quotes: ['speech «مصر لن تتخلى عن دعم الشعب الفلسطيني» speaker=-'],
    });
    expect(() => importConll(read('article.conll'), read('article.txt').slice(1))).toThrow(/line 3: «السيسي» is not the text at 0-6/);
  });

  test('Web Annotation: TextPositionSelector spans, tagging types, describing values, identifying IRIs', () => {
    const doc = importWebAnno(read('webanno.jsonld'), read('article.txt'));
    const s = summary(doc);
    expect(s.entities).toEqual(REFERENCE.entities);
    expect(s.timex).toEqual(['DATE الأحد ١٢ مايو ٢٠٢٤ 2024-05-12', 'DATE ٤ ذو القعدة ١٤٤٥ هـ 2024-05-12', 'TIME الساعة العاشرة صباحاً 10:00:00']);
    expect(s.quotes).toEqual(['speech «مصر لن تتخلى عن دعم الشعب الفلسطيني» speaker=-']);
    expect(doc.entityTable.map((e) => e.mentions.length).sort()).toEqual([1, 1, 2, 2]);
    const shifted = read('webanno.jsonld').replace('"start": 8,', '"start": 9,').replace('"end": 11', '"end": 12');
    expect(() => importWebAnno(shifted, read('article.txt'))).toThrow(/T2: text at 9-12 is not «مصر»/);
  });
});

describe('importJson', () => {
  const doc = skeletonDocument({ text: 'زار ماكرون 😀 باريس', id: 'j' });
  doc.entities = [{ id: 'm1', type: 'LOC', start: 13, end: 18, text: 'باريس', confidence: 1, component: 'rule' }];

  test('the project JSON comes back as is; a span whose text disagrees is an error', () => {
    expect(importJson(JSON.stringify(doc))).toEqual(doc);
    const shifted = { ...doc, entities: [{ ...doc.entities[0], start: 12, end: 17 }] };
    expect(() => importJson(JSON.stringify(shifted))).toThrow(/m1: span 12-17 does not cover «باريس»/);
  });

  test('a news-gold file needs its text; anything else is refused', () => {
    const gold = JSON.stringify({ offsets: 'unicode code points', entities: [{ type: 'LOC', start: 13, end: 18, text: 'باريس', ref: 'Paris' }], quotes: [] });
    expect(() => importJson(gold)).toThrow(/needs its text/);
    const d = importJson(gold, 'زار ماكرون 😀 باريس');
    expect(d.entities.map((m) => [m.start, m.end, m.text])).toEqual([[13, 18, 'باريس']]);
    expect(d.entityTable).toEqual([{ id: 'E1', type: 'LOC', name: { latin: 'Paris', ar: 'باريس' }, mentions: ['m1'] }]);
    expect(() => importJson('{"a":1}')).toThrow(ImportError);
    expect(() => importJson('nope')).toThrow(/not JSON/);
  });

  test('what the exporters write from an imported document imports again to the same document', () => {
    const back = importTei(exportDocument(doc, 'tei').files[0].content);
    expect(back.entities).toEqual(doc.entities);
    expect(back.text).toBe(doc.text);
  });
});
