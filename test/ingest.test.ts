import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { articleFromBytes, readArticles, extractHtml, type IngestResult } from '../src/ingest';
import { describeWithShared, sharedPath } from './helpers/shared';

const SEED_PATH = resolve(__dirname, '../corpus/000_d696bc9f1b5d4abe.txt');
const SEED = readFileSync(SEED_PATH, 'utf8');

function ok(r: IngestResult) {
  if ('error' in r) throw new Error(`expected an article, got: ${r.error.message}`);
  return r.article;
}
function err(r: IngestResult) {
  if (!('error' in r)) throw new Error('expected an error');
  return r.error;
}
async function all(path: string, opts = {}) {
  const out: IngestResult[] = [];
  for await (const r of readArticles(path, opts)) out.push(r);
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'ana-ingest-'));

describe('decoding plain text', () => {
  test('UTF-8 without and with BOM; the BOM is dropped and recorded', () => {
    expect(ok(articleFromBytes(Buffer.from(SEED, 'utf8'), 'a.txt'))).toMatchObject({ text: SEED, source: { encoding: 'UTF-8' } });
    const withBom = ok(articleFromBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED)]), 'a.txt'));
    expect(withBom.text).toBe(SEED);
    expect(withBom.source.bomRemoved).toBe(true);
  });

  test('UTF-16 little and big endian with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]);
    expect(ok(articleFromBytes(le, 'a.txt'))).toMatchObject({ text: SEED, source: { encoding: 'UTF-16LE', bomRemoved: true } });
    const be = Buffer.from(le);
    be.swap16();
    expect(ok(articleFromBytes(be, 'a.txt'))).toMatchObject({ text: SEED, source: { encoding: 'UTF-16BE' } });
  });

  test('Windows-1256 and ISO-8859-6 are detected and decoded exactly', () => {
    // the seed is representable in Windows-1256 (letters, harakat, Latin); ISO-8859-6 lacks Latin-1 extras, use a plain sentence
    const cp1256 = iconv.encode(SEED, 'windows-1256');
    expect(iconv.decode(cp1256, 'windows-1256')).toBe(SEED); // the fixture itself is exact
    expect(ok(articleFromBytes(cp1256, 'a.txt'))).toMatchObject({ text: SEED, source: { encoding: 'windows-1256' } });
    const sentence = 'قالت أمازون في رسالة إلى بارلر إنها ستوقف استضافة الشبكة اعتبارا من يوم الاثنين، وأكدت ذلك مرة أخرى.\n';
    const iso = iconv.encode(sentence.repeat(3), 'ISO-8859-6');
    const a = ok(articleFromBytes(iso, 'b.txt'));
    expect(a.text).toBe(sentence.repeat(3));
    expect(['ISO-8859-6', 'windows-1256']).toContain(a.source.encoding);
  });

  test('CR LF and lone CR become LF, and the header says so', () => {
    const a = ok(articleFromBytes(Buffer.from('سطر أول\r\nسطر ثان\rسطر ثالث'), 'a.txt'));
    expect(a.text).toBe('سطر أول\nسطر ثان\nسطر ثالث');
    expect(a.source.newlinesUnified).toBe(true);
  });
});

describe('HTML and XML pages', () => {
  const page = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>أمازون توقف بارلر | موقع</title>
    <meta property="og:title" content="أمازون توقف استضافة بارلر">
    <meta property="article:published_time" content="2021-01-10T21:00:00Z">
    <script>var x = "<p>لا</p>";</script><style>p{color:red}</style></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/tech">تقنية</a></nav>
    <article><h1>أمازون توقف استضافة بارلر</h1>
      <p>قالت أمازون   في رسالة إلى <b>بارلر</b>: &quot;لقد شهدنا زيادة&quot;.</p>
      <p>وأضافت الشركة أن القرار نهائي &amp; فوري.</p>
      <aside>اقرأ أيضا: خبر آخر</aside></article>
    <footer>جميع الحقوق محفوظة</footer></body></html>`;

  test('main text, title and date are extracted; navigation, scripts, asides and footers are not', () => {
    const x = extractHtml(page);
    expect(x.title).toBe('أمازون توقف استضافة بارلر');
    expect(x.published).toBe('2021-01-10T21:00:00Z');
    expect(x.text).toBe('قالت أمازون في رسالة إلى بارلر: "لقد شهدنا زيادة".\nوأضافت الشركة أن القرار نهائي & فوري.');
  });

  test('an HTML file is read with the extracted text as the article text', () => {
    const p = join(tmp, 'page.html');
    writeFileSync(p, page);
    const a = ok(articleFromBytes(readFileSync(p), p));
    expect(a.source.format).toBe('html');
    expect(a.text.startsWith('قالت أمازون')).toBe(true);
    expect(a.meta.title).toBe('أمازون توقف استضافة بارلر');
  });

  test('malformed HTML with text is read leniently; markup with no text is a clear error', () => {
    expect(ok(articleFromBytes(Buffer.from('<html><body><p>نص بلا إغلاق <div>وفقرة</p></span>'), 'bad.html')).text).toBe('نص بلا إغلاق\nوفقرة');
    expect(err(articleFromBytes(Buffer.from('<html><head><title></title></head><body><script>x</script><div>  </div></body></html>'), 'empty.html')).message).toBe('empty.html: no article text found in the HTML');
  });

  test('XML articles (TEI-like) are read in XML mode', () => {
    const xml = '<?xml version="1.0"?><TEI><teiHeader><title>عنوان</title></teiHeader><text><body><p>الفقرة الأولى.</p><p>الفقرة الثانية.</p></body></text></TEI>';
    const a = ok(articleFromBytes(Buffer.from(xml), 'a.xml'));
    expect(a.text).toBe('الفقرة الأولى.\nالفقرة الثانية.');
    expect(a.meta.title).toBe('عنوان');
  });
});

describe('bad input gets a clear one-line error naming the file (and line)', () => {
  test('binary data', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(err(articleFromBytes(png, 'img.txt')).message).toBe('img.txt: binary data, not text (NUL or control bytes)');
  });
  test('empty and white-space-only files', () => {
    expect(err(articleFromBytes(Buffer.alloc(0), 'e.txt')).message).toBe('e.txt: empty file');
    expect(err(articleFromBytes(Buffer.from(' \n\t\n'), 'w.txt')).message).toBe('w.txt: file holds only white space');
  });
  test('bytes that are neither UTF-8 nor a legacy Arabic encoding', () => {
    const latin1 = iconv.encode('Ça coûte très cher à Zürich, señor. Déjà vu, naïve café.', 'latin1');
    expect(err(articleFromBytes(latin1, 'fr.txt')).message).toMatch(/^fr\.txt: not valid UTF-8 and not a legacy Arabic encoding/);
  });
  test('an article over the size limit', async () => {
    const p = join(tmp, 'huge.txt');
    writeFileSync(p, 'كلمة '.repeat(4_200_000)); // 21 M characters
    const [r] = await all(p);
    expect(err(r).message).toBe(`${p}: article too large (21000000 characters; the limit is 5000000, see --max-chars)`);
  });
  test('a missing file', async () => {
    const [r] = await all(join(tmp, 'nope.txt'));
    expect(err(r).message).toMatch(/nope\.txt: cannot read file \(ENOENT\)$/);
  });
});

describe('JSONL articles', () => {
  const lines = [
    JSON.stringify({ id: 'a1', text: 'قال ماتزي إن بارلر سيعود.', title: 'بارلر', published: '2021-01-11T08:00:00Z', url: 'https://example.org/a1' }),
    '{"id": "a2", "text": "نص مقطوع',
    JSON.stringify({ id: 'a3', title: 'بلا نص' }),
    '',
    JSON.stringify({ text: 'سطر\r\nثان' }),
    '[1, 2]',
  ].join('\n');

  test('one article per line; bad lines are errors with file and line, the others are read', async () => {
    const p = join(tmp, 'batch.jsonl');
    writeFileSync(p, lines);
    const rs = await all(p);
    expect(rs).toHaveLength(5);
    expect(ok(rs[0])).toMatchObject({ id: 'a1', text: 'قال ماتزي إن بارلر سيعود.', meta: { title: 'بارلر', published: '2021-01-11T08:00:00Z', url: 'https://example.org/a1' }, source: { path: p, line: 1, format: 'jsonl' } });
    expect(err(rs[1]).message).toMatch(new RegExp(`^${p}:2: line is not valid JSON`));
    expect(err(rs[2]).message).toBe(`${p}:3: article has no "text" string field`);
    expect(ok(rs[3])).toMatchObject({ id: 'batch-5', text: 'سطر\nثان', source: { line: 5, newlinesUnified: true } });
    expect(err(rs[4]).message).toBe(`${p}:6: line is not a JSON object`);
  });

  test('gzipped JSONL is read directly', async () => {
    const p = join(tmp, 'batch.jsonl.gz');
    writeFileSync(p, gzipSync(lines));
    const rs = await all(p);
    expect(rs.filter((r) => 'article' in r).map((r) => ok(r).id)).toEqual(['a1', 'batch-5']);
  });
});

describeWithShared('the news corpus', ['data/news/ant-news.jsonl.gz'], () => {
  test('ant-news.jsonl.gz is readable as it is: ids, titles, dates', async () => {
    let n = 0;
    for await (const r of readArticles(sharedPath('data/news/ant-news.jsonl.gz'))) {
      const a = ok(r);
      expect(a.id).toMatch(/^[A-Z]{2}-/);
      expect(a.meta.published).toMatch(/^20\d\d-\d\d-\d\dT/);
      expect(a.text.length).toBeGreaterThan(0);
      if (++n === 200) break;
    }
    expect(n).toBe(200);
  });
});

describe('a damaged JSONL.gz', () => {
  test('articles before the damage are read, then one error names the file: nothing is lost silently', async () => {
    const good = [1, 2, 3].map((i) => JSON.stringify({ id: `a${i}`, text: 'نص الخبر '.repeat(2000) })).join('\n') + '\n';
    const gz = gzipSync(good);
    const p = join(tmp, 'damaged.jsonl.gz');
    writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const rs = await all(p);
    const last = rs[rs.length - 1];
    expect(err(last).message).toMatch(new RegExp(`^${p}:\\d+: cannot read: `));
  });
});

describe('sidecar metadata', () => {
  test('NAME.meta.json beside NAME.txt gives title, publication date, url, outlet and category', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ana-meta-'));
    writeFileSync(join(dir, 'BB-1.txt'), 'في الصين، طفل يولد بعد وفاة والديه.');
    writeFileSync(join(dir, 'BB-1.meta.json'), JSON.stringify({ docno: 'BB-1', src: 'BBC', cat: 'technology', title: 'في الصين', time: 'Thu, 12 Apr 2018 13:20:07 GMT', time_iso: '2018-04-12T13:20:07+00:00', url: 'http://www.bbc.co.uk/arabic/x' }));
    const [r] = await all(join(dir, 'BB-1.txt'));
    expect(ok(r).meta).toEqual({ title: 'في الصين', published: '2018-04-12T13:20:07+00:00', url: 'http://www.bbc.co.uk/arabic/x', outlet: 'BBC', category: 'technology' });
    writeFileSync(join(dir, 'BB-2.txt'), 'نص.');
    writeFileSync(join(dir, 'BB-2.meta.json'), '{"title": ');
    const [bad] = await all(join(dir, 'BB-2.txt'));
    expect(err(bad).message).toMatch(new RegExp(`^${join(dir, 'BB-2.meta.json')}: metadata file is not valid JSON`));
  });
});
