/**
 * Round trips JSON -> format -> import for every export format: the same spans, types, values and speakers come
 * back. Documents: a fixture with astral characters before and inside spans, CR LF and a BOM (text layers from
 * `annotate`, entities/quotes added by hand with offsets counted by hand), the seed gold and the news dev gold.
 * Every TEI file written here is validated against tei_all.rng in one batch at the end.
 */
import { existsSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AnnotationDocument } from '../src/emit/format';
import { exportDocument, EXPORT_FORMATS, type ExportFormat } from '../src/export';
import { importBrat, importConll, importJson, importTei, importWebAnno } from '../src/import';
import { annotate } from '../src/pipeline';
import { shared, validateTei, validator } from './helpers/validate-tei';

const out = mkdtempSync(path.join(tmpdir(), 'ana-roundtrip-'));
const teiFiles: string[] = [];
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What must survive a format; `full` formats also keep values, entity grouping, speakers and cues. */
function project(d: AnnotationDocument, level: 'full' | 'inline' | 'bio') {
  const name = (id?: string) => {
    const e = d.entityTable.find((x) => x.id === id);
    return e ? `${e.type}:${e.name.latin ?? e.name.ar ?? ''}` : '-';
  };
  const mentionSpan = (id?: string) => {
    const m = d.entities.find((x) => x.id === id);
    return m ? `${m.start}-${m.end}` : '-';
  };
  const full = level !== 'bio';
  return {
    entities: d.entities.map((m) => `${m.start}-${m.end} ${m.type} «${m.text}»${full ? ' ' + name(m.entity) : ''}`),
    timex: d.timex.map((t) => `${t.start}-${t.end} ${t.type} «${t.text}»${full ? ` value=${t.value ?? '-'} hijri=${t.hijri ?? '-'}` : ''}`),
    quotes: d.quotes.map((q) => {
      const base = `${q.start}-${q.end} «${q.text}» open=${q.open.start}-${q.open.end} close=${q.close ? `${q.close.start}-${q.close.end}` : '-'}`;
      if (!full) return base;
      const s = q.speaker;
      const speaker = s ? `${s.start}-${s.end} «${s.text}» entity=${name(s.entity)} mention=${mentionSpan(s.mention)}${level === 'full' ? ` description=${s.description ?? '-'} via=${s.via}` : ''}` : '-';
      return `${base} ${q.kind} cue=${q.cue ? `${q.cue.start}-${q.cue.end}` : '-'} speaker=${speaker}`;
    }),
  };
}

const LEVEL: Record<ExportFormat, 'full' | 'inline' | 'bio'> = { tei: 'full', 'tei-inline': 'inline', brat: 'full', conll: 'bio', webanno: 'full' };

function roundTrip(doc: AnnotationDocument, format: ExportFormat): { back: AnnotationDocument; notes: string[] } {
  const r = exportDocument(doc, format);
  const file = (suffix: string) => {
    const f = r.files.find((x) => x.name.endsWith(suffix));
    if (!f) throw new Error(`${format}: no ${suffix} file`);
    return f.content;
  };
  for (const f of r.files) if (f.name.endsWith('.xml')) {
    const p = path.join(out, `${teiFiles.length}-${f.name}`);
    writeFileSync(p, f.content);
    teiFiles.push(p);
  }
  const back =
    format === 'tei' || format === 'tei-inline' ? importTei(file('.xml'))
    : format === 'brat' ? importBrat(file('.txt'), file('.ann'), doc.id)
    : format === 'conll' ? importConll(file('.conll'), doc.text, doc.id)
    : importWebAnno(file('.jsonld'), doc.text, doc.id);
  return { back, notes: r.notes };
}

function expectRoundTrip(doc: AnnotationDocument, format: ExportFormat) {
  const { back, notes } = roundTrip(doc, format);
  expect(back.text).toBe(doc.text);
  expect(back.source.sha256).toBe(doc.source.sha256);
  expect(project(back, LEVEL[format])).toEqual(project(doc, LEVEL[format]));
  if (format === 'tei' || format === 'tei-inline') expect(back.paragraphs.map((p) => [p.start, p.end])).toEqual(doc.paragraphs.map((p) => [p.start, p.end]));
  return { back, notes };
}

// ---- the astral / CR LF / BOM fixture ----------------------------------------------------------------------------

/** Offsets counted by hand in code points on the fixture (after the BOM is dropped and CR LF unified). */
export function astralDocument(): AnnotationDocument {
  const raw = readFileSync(path.join(__dirname, 'fixtures/export/astral-crlf-bom.txt'), 'utf8');
  const doc = annotate({ text: raw, id: 'astral', meta: { title: 'اختبار 😀', published: '2024-05-12' } });
  const cps = Array.from(doc.text);
  const s = (start: number, end: number) => ({ start, end, text: cps.slice(start, end).join('') });
  doc.entities = [
    { id: 'm1', type: 'LOC', ...s(2, 9), entity: 'E1', confidence: 0.9, component: 'gazetteer' },
    { id: 'm2', type: 'PER', ...s(25, 42), entity: 'E2', confidence: 0.8, component: 'model' },
    { id: 'm3', type: 'LOC', ...s(70, 73), entity: 'E3', confidence: 1, component: 'gazetteer' },
    { id: 'm4', type: 'ORG', ...s(114, 119), entity: 'E4', confidence: 0.7, component: 'rule' },
    { id: 'm5', type: 'PER', ...s(130, 135), entity: 'E5', confidence: 0.6, component: 'model' },
    { id: 'm6', type: 'LOC', ...s(145, 152), entity: 'E1', confidence: 0.9, component: 'gazetteer' },
  ];
  doc.entityTable = [
    { id: 'E1', type: 'LOC', name: { ar: 'القاهرة', latin: 'Cairo' }, mentions: ['m1', 'm6'] },
    { id: 'E2', type: 'PER', name: { ar: 'عبد الفتاح السيسي', latin: 'Abdel Fattah el-Sisi' }, mentions: ['m2'] },
    { id: 'E3', type: 'LOC', name: { ar: 'مصر' }, mentions: ['m3'] },
    { id: 'E4', type: 'ORG', name: { latin: '𝕏Corp' }, mentions: ['m4'] },
    { id: 'E5', type: 'PER', name: { latin: 'Matze; "the CEO"' }, mentions: ['m5'] },
  ];
  doc.timex = [
    { id: 't1', type: 'DATE', ...s(43, 65), value: '2024-05-12', hijri: '1445-11-04', confidence: 1, component: 'rule' },
    { id: 't2', type: 'TIME', ...s(156, 177), value: '2024-05-12T10:00', confidence: 1, component: 'rule' },
  ];
  doc.quotes = [
    {
      id: 'q1', kind: 'speech', ...s(70, 97), open: s(69, 70), close: s(97, 98), cue: s(11, 14),
      speaker: { ...s(25, 42), mention: 'm2', entity: 'E2', via: 'explicit' }, confidence: 0.9,
    },
  ];
  return doc;
}

describe('round trip of the astral / CR LF / BOM fixture', () => {
  const doc = astralDocument();

  test('the fixture really has a BOM, CR LF and astral characters before and inside spans', () => {
    const raw = readFileSync(path.join(__dirname, 'fixtures/export/astral-crlf-bom.txt'), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw).toContain('\r\n');
    expect(doc.source.bomRemoved).toBe(true);
    expect(doc.source.newlinesUnified).toBe(true);
    expect(doc.source.lengthUtf16).toBeGreaterThan(doc.source.length); // surrogate pairs
    expect(doc.entities[3].text).toBe('𝕏Corp');
    expect(doc.entities[4].text).toBe('𝓜𝓪𝓽𝔃𝓮');
    expect(doc.quotes[0].text).toBe('مصر 😀 لن تتخلى عن دعم الشعب');
    expect(doc.timex[0].text).toBe('يوم الأحد 12 مايو 2024');
    expect(doc.tokens?.length).toBeGreaterThan(20);
  });

  test.each(EXPORT_FORMATS.map((f) => [f]))('%s', (format) => {
    const { notes } = expectRoundTrip(doc, format as ExportFormat);
    if (format === 'tei-inline') expect(notes.join(' ')).not.toMatch(/left out/);
  });

  test('brat and Web Annotation offsets are code points (hand-counted), TEI string-range too', () => {
    const ann = exportDocument(doc, 'brat').files.find((f) => f.name === 'astral.ann')!.content;
    expect(ann).toMatch(/^T\d+\tORG 114 119\t𝕏Corp$/m);
    expect(ann).toMatch(/^T\d+\tQUOTE 69 98\t«مصر 😀 لن تتخلى عن دعم الشعب»$/m);
    const wa = JSON.parse(exportDocument(doc, 'webanno').files[0].content);
    const per = wa.first.items.find((i: { id: string }) => i.id.endsWith('/m5'));
    expect(per.target.selector[0]).toEqual({ type: 'TextPositionSelector', start: 130, end: 135 });
    expect(per.target.selector[1].exact).toBe('𝓜𝓪𝓽𝔃𝓮');
    const tei = exportDocument(doc, 'tei').files[0].content;
    // paragraph 2 starts at code point 102 (line 1 is 100 code points, then LF, LF): 𝕏Corp is at 114 - 102 = 12
    expect(doc.paragraphs[1].start).toBe(102);
    expect(tei).toContain('target="#string-range(p2,12,5)"');
  });
});

// ---- the seed gold and the news dev gold ---------------------------------------------------------------------------

const seedText = path.join(shared, 'seed', '000_d696bc9f1b5d4abe.txt');
const seedGold = path.join(shared, 'gold', '000_d696bc9f1b5d4abe.gold.json');
const newsDir = path.join(shared, 'data', 'news-gold');
const haveShared = existsSync(seedGold) && existsSync(newsDir);
if (!haveShared) console.log(`round trips on gold skipped: ${seedGold} or ${newsDir} not found (set ANA_SHARED)`);
const describeShared = haveShared ? describe : describe.skip;

function goldDocument(txtPath: string, goldPath: string, id: string): AnnotationDocument {
  const text = readFileSync(txtPath, 'utf8');
  return importJson(readFileSync(goldPath, 'utf8'), text, annotate({ text, id }));
}

describeShared('round trip of the seed gold', () => {
  const doc = haveShared ? goldDocument(seedText, seedGold, '000_d696bc9f1b5d4abe') : (undefined as unknown as AnnotationDocument);

  test('the gold document holds what the gold file says (checked by hand against the file)', () => {
    const gold = JSON.parse(readFileSync(seedGold, 'utf8'));
    expect(doc.entities.length + doc.timex.length).toBe(gold.entities.length);
    expect(doc.quotes).toHaveLength(gold.quotes.length);
    const q = doc.quotes[0]; // Forbes: ذكر تقرير نشرته مجلة Forbes أن "Parler …"
    expect([q.start, q.end, q.cue?.text, q.speaker?.text]).toEqual([266, 518, 'ذكر', 'Forbes']);
    expect(q.open.text).toBe('"');
    expect(doc.entityTable.find((e) => e.id === q.speaker?.entity)?.name.latin).toBe('forbes');
  });

  test.each(EXPORT_FORMATS.map((f) => [f]))('%s', (format) => {
    expectRoundTrip(doc, format as ExportFormat);
  });
});

const newsFiles = haveShared ? readdirSync(newsDir).filter((f) => f.endsWith('.gold.json')).sort() : [];

describeShared('round trip of the news dev gold', () => {
  test.each(newsFiles.map((f) => [f.replace('.gold.json', '')]))('%s: every format', (docno) => {
    const doc = goldDocument(path.join(newsDir, `${docno}.txt`), path.join(newsDir, `${docno}.gold.json`), docno);
    expect(doc.entities.length + doc.timex.length).toBeGreaterThan(5);
    for (const format of EXPORT_FORMATS) {
      try {
        expectRoundTrip(doc, format);
      } catch (e) {
        throw new Error(`${docno} ${format}: ${(e as Error).message}`);
      }
    }
  });
});

describeShared("round trip of the pipeline's own output (all layers the recognisers give today)", () => {
  const texts = haveShared ? [seedText, ...newsFiles.slice(0, 4).map((f) => path.join(newsDir, f.replace('.gold.json', '.txt')))] : [];
  test.each(texts.map((t) => [path.basename(t)]))('%s', (name) => {
    const file = texts.find((t) => path.basename(t) === name)!;
    const doc = annotate({ text: readFileSync(file, 'utf8'), id: name.replace(/\.txt$/, '') });
    for (const format of EXPORT_FORMATS) {
      const { back, notes } = roundTrip(doc, format);
      const want = project(doc, LEVEL[format]);
      const got = project(back, LEVEL[format]);
      const leftOut = Number(/left out (\d+)/.exec(notes.join(' '))?.[1] ?? 0);
      if (!leftOut) expect({ format, ...got }).toEqual({ format, ...want });
      else {
        // overlaps that cannot nest: what comes back is a subset, short by exactly the count the notes give
        const all = (p: typeof want) => [...p.entities, ...p.timex, ...p.quotes];
        expect(all(got).every((x) => all(want).includes(x))).toBe(true);
        expect(all(want).length - all(got).length).toBeLessThanOrEqual(leftOut);
      }
      if (format === 'tei') {
        expect(back.entities.map((m) => [m.confidence, m.component])).toEqual(doc.entities.map((m) => [m.confidence, m.component]));
      }
    }
  });
});

describe('every TEI file written by these round trips is valid TEI P5 (tei_all.rng)', () => {
  const v = validator();
  if (!v.name) console.log(`TEI validation skipped: ${v.reason}`);
  (v.name ? test : test.skip)('valid', () => {
    expect(teiFiles.length).toBeGreaterThanOrEqual(4);
    const r = validateTei(teiFiles);
    expect([...r.errors.entries()]).toEqual([]);
    expect(r.ok).toBe(true);
  });
});
