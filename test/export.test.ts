/**
 * Exports checked against the hand-made reference files in ../shared/formats/ (article.txt with its brat, CoNLL,
 * TEI and Web Annotation versions), plus the cases the references do not cover: overlaps that cannot nest inline,
 * characters XML cannot hold, paragraph gaps that are not plain white space. Every TEI file written here is
 * validated against tei_all.rng in one validator call; tei-invalid.xml must be rejected.
 */
import { existsSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnnotationDocument } from '../src/emit/format';
import { exportDocument } from '../src/export';
import { isW3cTemporal, timexAttributes } from '../src/export/tei-common';
import { skeletonDocument } from '../src/import';
import { shared, validateTei, validator } from './helpers/validate-tei';

const formats = path.join(shared, 'formats');
const haveFormats = existsSync(path.join(formats, 'annotations.json'));
if (!haveFormats) console.log(`export tests against the reference files skipped: ${formats} not found (set ANA_SHARED)`);
const out = mkdtempSync(path.join(tmpdir(), 'ana-export-'));
const teiFiles: string[] = [];
afterAll(() => rmSync(out, { recursive: true, force: true }));
function keepTei(name: string, content: string): string {
  const p = path.join(out, `${teiFiles.length}-${name}`);
  writeFileSync(p, content);
  teiFiles.push(p);
  return content;
}

/** The reference example (annotations.json) as our document, mapped by hand: T7 is the quote, T3 its speaker. */
function referenceDocument(): AnnotationDocument {
  const ref = JSON.parse(readFileSync(path.join(formats, 'annotations.json'), 'utf8'));
  const doc = skeletonDocument({ text: readFileSync(path.join(formats, 'article.txt'), 'utf8'), id: 'article', metadata: { title: 'السيسي: مصر لن تتخلى عن دعم الشعب الفلسطيني', published: '2024-05-12' } });
  expect(doc.source.sha256).toBe(ref.text.sha256);
  const kbIds: string[] = Object.keys(ref.kb);
  const eid = (k: string) => `E${kbIds.indexOf(k) + 1}`;
  type RefSpan = { id: string; type: string; start: number; end: number; text: string; ref?: string; value?: string; valueCustom?: string };
  const ents = (ref.entities as RefSpan[]).filter((e) => ['PER', 'ORG', 'LOC'].includes(e.type));
  doc.entities = ents.map((e, i) => ({ id: `m${i + 1}`, type: e.type as 'PER', start: e.start, end: e.end, text: e.text, entity: eid(e.ref!), confidence: 1, component: 'rule' }));
  doc.timex = (ref.entities as RefSpan[]).filter((e) => e.type === 'DATE' || e.type === 'TIME').map((e, i) => ({
    id: `t${i + 1}`, type: e.type as 'DATE', start: e.start, end: e.end, text: e.text, value: e.value, ...(e.valueCustom ? { hijri: e.valueCustom } : {}), confidence: 1, component: 'rule',
  }));
  doc.entityTable = kbIds.map((k) => ({
    id: eid(k), type: ({ person: 'PER', place: 'LOC', org: 'ORG' } as const)[ref.kb[k].kind as 'person'],
    name: { ar: ref.kb[k].name, latin: ref.kb[k].en }, mentions: doc.entities.filter((m) => m.entity === eid(k)).map((m) => m.id),
  }));
  const sisi = doc.entities.find((m) => m.start === 63)!;
  doc.quotes = [{
    id: 'q1', kind: 'speech', start: 147, end: 182, text: 'مصر لن تتخلى عن دعم الشعب الفلسطيني',
    open: { start: 146, end: 147, text: '«' }, close: { start: 182, end: 183, text: '»' }, cue: { start: 45, end: 48, text: 'قال' },
    speaker: { start: 63, end: 80, text: 'عبد الفتاح السيسي', mention: sisi.id, entity: sisi.entity, via: 'explicit' }, confidence: 1,
  }];
  doc.paragraphs = [
    { id: 'p1', start: 0, end: 43, text: doc.text.slice(0, 43) },
    { id: 'p2', start: 45, end: 258, text: doc.text.slice(45, 258) },
  ];
  return doc;
}

const describeRef = haveFormats ? describe : describe.skip;

describeRef('exports of the reference article agree with the hand-made reference files', () => {
  const doc = haveFormats ? referenceDocument() : (undefined as unknown as AnnotationDocument);
  const file = (format: Parameters<typeof exportDocument>[1], suffix: string) => exportDocument(doc, format).files.find((f) => f.name.endsWith(suffix))!.content;

  test('brat: the same text-bound spans as article.ann, speaker relation, hijri note, normalisations', () => {
    const ann = file('brat', '.ann');
    const tLines = (s: string) => s.split('\n').filter((l) => l.startsWith('T')).map((l) => l.replace(/^T\d+\t/, '')).filter((l) => !l.startsWith('Cue')).sort();
    expect(tLines(ann)).toEqual(tLines(readFileSync(path.join(formats, 'article.ann'), 'utf8')));
    const tid = (span: string) => /^(T\d+)\t/m.exec(ann.split('\n').find((l) => l.includes(`\t${span}\t`) || l.includes(` ${span}\t`))!)![1];
    expect(ann).toContain(`Speaker Arg1:${tid('QUOTE 146 183')} Arg2:${tid('PER 63 80')}`);
    expect(ann).toContain(`Kind ${tid('QUOTE 146 183')} speech`);
    expect(ann).toMatch(new RegExp(`AnnotatorNotes ${tid('DATE 123 142')}\twhen=2024-05-12; hijri=1445-11-04`));
    const kbOf = (t: string) => new RegExp(`Reference ${t} LocalKB:(E\\d+)`).exec(ann)![1];
    expect(kbOf(tid('PER 0 6'))).toBe(kbOf(tid('PER 63 80')));
    expect(kbOf(tid('LOC 8 11'))).toBe(kbOf(tid('LOC 147 150')));
    expect(exportDocument(doc, 'brat').files.find((f) => f.name === 'article.txt')!.content).toBe(doc.text);
  });

  test('CoNLL: the NER and QUOTE tags of article.conll on every row both tokenisations share', () => {
    const rows = (s: string) => new Map(s.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).map((c) => [`${c[1]}-${c[2]}`, c]));
    const ours = rows(file('conll', '.conll'));
    const ref = rows(readFileSync(path.join(formats, 'article.conll'), 'utf8'));
    let shared = 0;
    for (const [k, r] of ref) {
      const o = ours.get(k);
      if (!o) continue;
      shared++;
      expect([o[0], o[3], o[4]]).toEqual([r[0], r[3], r[4]]);
    }
    expect(shared).toBeGreaterThanOrEqual(ref.size - 3);
  });

  test('Web Annotation: the selectors of webanno.jsonld (positions, exact, prefix, suffix)', () => {
    const ours = JSON.parse(file('webanno', '.jsonld'));
    const ref = JSON.parse(readFileSync(path.join(formats, 'webanno.jsonld'), 'utf8'));
    const sel = (items: { target: { selector: unknown[] } }[]) => items.map((i) => JSON.stringify(i.target.selector)).sort();
    expect(sel(ours.first.items)).toEqual(sel(ref.first.items));
    const tagOf = (items: { body: { purpose: string; value?: string }[]; target: { selector: { start?: number }[] } }[]) => items.map((i) => `${i.target.selector[0].start} ${i.body.find((b) => b.purpose === 'tagging')!.value}`).sort();
    expect(tagOf(ours.first.items)).toEqual(tagOf(ref.first.items));
    expect(ours.first.items.find((i: { id: string }) => i.id.endsWith('t2')).body[1].value).toBe('2024-05-12');
  });

  test('TEI standoff: the string-ranges of tei-standoff.xml (our p1/p2 are its h1/p1), values, speaker', () => {
    const xml = keepTei('article.tei.xml', file('tei', '.tei.xml'));
    for (const r of ['(p1,0,6)', '(p1,8,3)', '(p2,18,17)', '(p2,39,7)', '(p2,51,18)', '(p2,78,19)', '(p2,101,37)', '(p2,102,3)', '(p2,147,14)', '(p2,191,21)']) expect(xml).toContain(`target="#string-range${r}"`);
    expect(xml).toContain('<date when="2024-05-12" when-custom="1445-11-04" datingMethod="#hijri"/>');
    expect(xml).toContain('<time when="10:00:00"/>');
    expect(xml).toMatch(/<said who="#E1" direct="true"\/>/);
    expect(xml).toContain('<ptr type="speakerMention" target="#ann-m3"/>');
    expect(xml).toContain('<person xml:id="E1">');
    expect(xml).toContain('xml:lang="ar"');
    expect(xml).toContain(`<idno type="sha256">${doc.source.sha256}</idno>`);
    expect(xml).toContain('<date type="published" when="2024-05-12">2024-05-12</date>');
  });

  test('TEI inline: names, dates and the quote with its marks and speaker, as in tei-inline.xml', () => {
    const xml = keepTei('article.tei-inline.xml', file('tei-inline', '.xml'));
    expect(xml).toContain('<persName xml:id="m3" ref="#E1">عبد الفتاح السيسي</persName>');
    expect(xml).toContain('<date xml:id="t2" when="2024-05-12" when-custom="1445-11-04" datingMethod="#hijri">٤ ذو القعدة ١٤٤٥ هـ</date>');
    expect(xml).toContain('<time xml:id="t3" when="10:00:00">الساعة العاشرة صباحاً</time>');
    expect(xml).toContain('<said xml:id="q1" direct="true" who="#E1" corresp="#m3 #cue-q1">«<placeName xml:id="m5" ref="#E2">مصر</placeName> لن تتخلى عن دعم الشعب الفلسطيني»</said>');
    expect(xml).toContain('<seg xml:id="cue-q1" type="cue">قال</seg>');
    // the text content of the paragraphs is the article: strip the tags
    const body = /<div [^>]*>([\s\S]*)<\/div>/.exec(xml)![1];
    expect(body.replace(/<[^>]+>/g, '')).toBe(doc.text);
  });
});

describe('TEI edge cases', () => {
  function doc(text: string): AnnotationDocument {
    return skeletonDocument({ text, id: 'edge' });
  }

  test('an entity that crosses a quote mark is left out of the inline form (and counted), kept in standoff', () => {
    const d = doc('قال أحمد "سعيد علي" غدا');
    // m1 «أحمد "سعيد» crosses the opening mark, so the quote cannot nest with it; m2 overlaps m1
    d.entities = [
      { id: 'm1', type: 'PER', start: 4, end: 14, text: 'أحمد "سعيد', confidence: 1, component: 'rule' },
      { id: 'm2', type: 'PER', start: 10, end: 18, text: 'سعيد علي', confidence: 1, component: 'rule' },
    ];
    d.quotes = [{ id: 'q1', kind: 'speech', start: 10, end: 18, text: 'سعيد علي', open: { start: 9, end: 10, text: '"' }, close: { start: 18, end: 19, text: '"' }, confidence: 1 }];
    d.timex = [{ id: 't1', type: 'DATE', start: 20, end: 23, text: 'غدا', value: 'FUTURE_REF', confidence: 1, component: 'rule' }];
    const inline = exportDocument(d, 'tei-inline');
    expect(inline.notes.join(' ')).toMatch(/left out 2 annotation\(s\).*\(1 entity, 1 quote\)/);
    const xml = keepTei('overlap.tei-inline.xml', inline.files[0].content);
    expect(xml).toContain('<persName xml:id="m1">أحمد "سعيد</persName> علي"');
    expect(xml).toContain('<date xml:id="t1" when-custom="FUTURE_REF" datingMethod="#timex3">غدا</date>');
    const standoff = keepTei('overlap.tei.xml', exportDocument(d, 'tei').files[0].content);
    expect(standoff).toContain('target="#string-range(p1,4,10)"');
    expect(standoff).toContain('target="#string-range(p1,10,8)"');
    expect(standoff).toContain('target="#string-range(p1,9,10)"');
    expect(exportDocument(d, 'tei').notes).toEqual([]);
  });

  test('characters XML cannot hold become U+FFFD without moving offsets; odd paragraph gaps go in <ab>', () => {
    const d = doc('مصر\u0001 اليوم\n\u00a0\nتونس');
    d.entities = [{ id: 'm1', type: 'LOC', start: 13, end: 17, text: 'تونس', confidence: 1, component: 'rule' }];
    const r = exportDocument(d, 'tei');
    expect(r.notes[0]).toMatch(/1 character\(s\) not allowed in XML/);
    const xml = keepTei('control.tei.xml', r.files[0].content);
    expect(xml).toContain('مصر\uFFFD اليوم');
    expect(xml).toContain('<ab type="interParagraph">\n\u00a0\n</ab>');
    expect(xml).toContain('target="#string-range(p2,0,4)"');
    keepTei('control.tei-inline.xml', exportDocument(d, 'tei-inline').files[0].content);
  });

  test('a document without annotations or paragraphs is still valid TEI', () => {
    keepTei('empty.tei.xml', exportDocument(doc(''), 'tei').files[0].content);
    keepTei('plain.tei-inline.xml', exportDocument(doc('نص بلا فقرات معلمة'), 'tei-inline').files[0].content);
  });

  test('TIMEX3 values go to the TEI attribute whose datatype accepts them, unchanged', () => {
    expect(isW3cTemporal('2018-03-28')).toBe(true);
    expect(isW3cTemporal('2018-02-30')).toBe(false);
    expect(isW3cTemporal('2018-03-28T08:00')).toBe(false); // xs:dateTime needs seconds
    expect(isW3cTemporal('2018-03-28T08:00:00')).toBe(true);
    expect(timexAttributes({ type: 'DATE', value: '2018-W13' }).attrs).toEqual({ 'when-iso': '2018-W13' });
    expect(timexAttributes({ type: 'DURATION', value: 'P1W' }).attrs).toEqual({ type: 'DURATION', 'dur-iso': 'P1W' });
    expect(timexAttributes({ type: 'DATE', value: 'PRESENT_REF' }).attrs).toEqual({ 'when-custom': 'PRESENT_REF', datingMethod: '#timex3' });
    expect(timexAttributes({ type: 'DATE', value: 'PAST_REF', hijri: '1439-07-11' }).hijriDropped).toBe(true);
    const d = doc('منذ أسبوع في الأسبوع 13 الساعة 8');
    d.timex = [
      { id: 't1', type: 'DURATION', start: 4, end: 9, text: 'أسبوع', value: 'P1W', confidence: 1, component: 'rule' },
      { id: 't2', type: 'DATE', start: 13, end: 24, text: 'الأسبوع 13', value: '2018-W13', confidence: 1, component: 'rule' },
      { id: 't3', type: 'TIME', start: 25, end: 32, text: 'الساعة 8', value: '2018-03-28T08:00', confidence: 1, component: 'rule' },
    ];
    keepTei('timex.tei.xml', exportDocument(d, 'tei').files[0].content);
    keepTei('timex.tei-inline.xml', exportDocument(d, 'tei-inline').files[0].content);
  });
});

describe('CoNLL edge cases', () => {
  test('without a token layer the segmenter tokenises; a proclitic is split off at the span; overlaps are counted', () => {
    const d = skeletonDocument({ text: 'قالت وأمازون أمس', id: 'c' });
    d.entities = [{ id: 'm1', type: 'ORG', start: 6, end: 12, text: 'أمازون', confidence: 1, component: 'rule' }];
    d.timex = [
      { id: 't1', type: 'DATE', start: 13, end: 16, text: 'أمس', value: '2018-03-27', confidence: 1, component: 'rule' },
      { id: 't2', type: 'DATE', start: 5, end: 16, text: 'وأمازون أمس', confidence: 1, component: 'rule' },
    ];
    const r = exportDocument(d, 'conll');
    const rows = r.files[0].content.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows).toEqual(['قالت\t0\t4\tO\tO', 'و\t5\t6\tO\tO', 'أمازون\t6\t12\tB-ORG\tO', 'أمس\t13\t16\tB-DATE\tO']);
    expect(r.notes).toEqual([
      'CoNLL left out 1 entity/temporal span(s) overlapping another (BIO cannot nest)',
      'tokens from the segmenter (the document had no token layer)',
      '1 token(s) split at annotation boundaries',
    ]);
  });
});

describe('TEI validity (tei_all.rng)', () => {
  const v = validator();
  if (!v.name) console.log(`TEI validation skipped: ${v.reason}`);
  const run = v.name ? test : test.skip;

  run('every TEI file these tests wrote is valid', () => {
    expect(teiFiles.length).toBeGreaterThanOrEqual(7);
    const r = validateTei(teiFiles);
    expect([...r.errors.entries()]).toEqual([]);
    expect(r.ok).toBe(true);
  });

  (haveFormats ? run : test.skip)('the validator rejects tei-invalid.xml (stray persName, when="12 مايو 2024")', () => {
    const bad = path.join(formats, 'tei-invalid.xml');
    const r = validateTei([bad, path.join(formats, 'tei-inline.xml')]);
    expect(r.ok).toBe(false);
    const errors = r.errors.get(bad) ?? [];
    expect(errors.some((e) => /:42:\d+:.*persName/.test(e) || /:42:.*persName/.test(e))).toBe(true);
    expect(errors.some((e) => /:70:.*when/.test(e))).toBe(true);
    expect(r.errors.has(path.join(formats, 'tei-inline.xml'))).toBe(false);
  });
});
