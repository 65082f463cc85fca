/**
 * Bad input through the real command (dist/cli/main.js): every bad file or line gives one clear line on stderr
 * naming the file (and line) and one record in errors.jsonl, the good articles are still annotated, the exit
 * status is 1, and no half-written or temporary file is left.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ana, describeIf, NEWS_GOLD, tempDir, tempFiles } from './batch-helpers';

const GOLD_TXT = join(NEWS_GOLD, 'AL-economy-725-20180531.txt');

describeIf('ana annotate on bad input', [GOLD_TXT], () => {
  let root: string;
  let inDir: string;
  let good: string;
  beforeAll(() => {
    root = tempDir('cli-bad');
    inDir = join(root, 'in');
    mkdirSync(inDir);
    good = readFileSync(GOLD_TXT, 'utf8');
    writeFileSync(join(inDir, 'good.txt'), good);
    // Binary: a PNG header and NUL bytes.
    writeFileSync(join(inDir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    // Undecodable: Latin-1 French, neither UTF-8 nor an Arabic code page.
    writeFileSync(join(inDir, 'latin1.txt'), Buffer.from('Le caf\xe9 cr\xe8me est tr\xe8s bon, d\xe9j\xe0 vu \xe0 Paris, voil\xe0 une phrase fran\xe7aise.\n', 'latin1'));
    writeFileSync(join(inDir, 'empty.txt'), '');
    // Named .jsonl.gz but not gzip.
    writeFileSync(join(inDir, 'corrupt.jsonl.gz'), '{"id": "x", "text": "ليس مضغوطا"}\n');
    // 20 MB in one article: four times the default --max-chars.
    const para = good.split('\n')[0] + '\n';
    writeFileSync(join(inDir, 'huge.txt'), para.repeat(Math.ceil(20_000_000 / para.length)));
    // Malformed HTML (unclosed and misnested tags) still has text: it is read leniently, as browsers do.
    writeFileSync(join(inDir, 'broken.html'), '<html><head><title>عنوان</title></head><body><div><p>قال الرئيس <b>إن الاقتصاد</p> ينمو <i>بسرعة</div></span></body>');
    // HTML with no text at all is an error.
    writeFileSync(join(inDir, 'notext.html'), '<html><body><script>var x = 1;</script><div>  </div></body></html>');
    writeFileSync(
      join(inDir, 'lines.jsonl'),
      [
        JSON.stringify({ id: 'first', text: 'قال وزير المالية إن النمو بلغ 3% في عام 2017.' }),
        '{"id": "broken", "text": "نص',
        JSON.stringify({ id: 'notext', title: 'بلا نص' }),
        JSON.stringify({ id: 'last', text: 'أعلنت الحكومة المصرية اليوم خطة جديدة.' }),
        JSON.stringify({ id: 'first', text: 'معرف مكرر في السطر الخامس.' }),
      ].join('\n') + '\n',
    );
  });

  function check(out: string, r: ReturnType<typeof ana>) {
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('ana: ') || !/ article\(s\) /.test(l));
    const expected: [string, RegExp][] = [
      [join(inDir, 'binary.txt'), /binary data, not text/],
      [`${join(inDir, 'corrupt.jsonl.gz')}:1`, /cannot read: incorrect header check/],
      [join(inDir, 'empty.txt'), /empty file/],
      [join(inDir, 'huge.txt'), /article too large \(\d{8} characters; the limit is 5000000, see --max-chars\)/],
      [join(inDir, 'latin1.txt'), /not valid UTF-8 and not a legacy Arabic encoding/],
      [`${join(inDir, 'lines.jsonl')}:2`, /line is not valid JSON/],
      [`${join(inDir, 'lines.jsonl')}:3`, /article has no "text" string field/],
      [`${join(inDir, 'lines.jsonl')}:5`, /duplicate article id "first"/],
      [join(inDir, 'notext.html'), /no article text found in the HTML/],
    ];
    // One line per failure, in input order (directories are walked sorted), each naming the file and line.
    expect(lines).toHaveLength(expected.length);
    expected.forEach(([where, why], i) => {
      expect(lines[i].startsWith(`ana: ${where}: `)).toBe(true);
      expect(lines[i]).toMatch(why);
    });
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => `${e.path}${e.line ? `:${e.line}` : ''}`)).toEqual(expected.map(([w]) => w));
    expect(errors.find((e) => e.line === 3).id).toBe('notext');
    // The good ones are there and whole.
    const outputs = readdirSync(out).filter((f) => f.endsWith('.json')).sort();
    expect(outputs).toEqual(['broken.json', 'first.json', 'good.json', 'last.json']);
    for (const f of outputs) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
    expect(JSON.parse(readFileSync(join(out, 'good.json'), 'utf8')).text).toBe(good);
    expect(JSON.parse(readFileSync(join(out, 'broken.json'), 'utf8')).text).toBe('قال الرئيس إن الاقتصاد\nينمو بسرعة');
    // "first" is the article of line 1, not its duplicate of line 5.
    expect(JSON.parse(readFileSync(join(out, 'first.json'), 'utf8')).source.line).toBe(1);
    expect(tempFiles(out)).toEqual([]);
    expect(existsSync(join(out, 'huge.json'))).toBe(false);
    expect(existsSync(join(out, 'binary.json'))).toBe(false);
  }

  test('with worker threads', () => {
    const out = join(root, 'out2');
    const r = ana(['annotate', inDir, '-o', out, '--jobs', '2']);
    check(out, r);
    expect(r.stderr).toMatch(/ana: 4 article\(s\) \(\d+(\.\d)?k characters\) annotated into .* in [\d.]+ s, 9 failed \(see .*errors\.jsonl\)/);
  });

  test('in one thread, with the same outputs', () => {
    const out = join(root, 'out1');
    check(out, ana(['annotate', inDir, '-o', out, '--jobs', '1', '--recycle', '0', '--quiet']));
    for (const f of ['good.json', 'first.json', 'broken.json', 'last.json']) {
      expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(root, 'out2', f), 'utf8'));
    }
  });

  test('--max-chars sets the limit; with --quiet only the failure and the summary are printed', () => {
    const out = join(root, 'out3');
    const r = ana(['annotate', join(inDir, 'good.txt'), '-o', out, '--max-chars', '100', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `ana: ${join(inDir, 'good.txt')}: article too large (${good.length} characters; the limit is 100, see --max-chars)`,
      expect.stringMatching(new RegExp(`^ana: 0 article\\(s\\) \\(0 characters\\) annotated into ${out} in [\\d.]+ s, 1 failed \\(see ${out}/errors.jsonl\\)$`)),
    ]);
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual(['errors.jsonl']);
  });

  test('"-" reads JSONL articles from standard input into the folder too', () => {
    const out = join(root, 'stdin');
    const input = [JSON.stringify({ id: 'a1', text: 'قال الوزير إن الاقتصاد ينمو.' }), JSON.stringify({ id: 'a2', text: 'وصل الرئيس إلى القاهرة أمس.' })].join('\n') + '\n';
    const r = ana(['annotate', '-', '-o', out, '--quiet'], { input });
    expect(r.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.json')).sort()).toEqual(['a1.json', 'a2.json']);
    const a2 = JSON.parse(readFileSync(join(out, 'a2.json'), 'utf8'));
    expect(a2.text).toBe('وصل الرئيس إلى القاهرة أمس.');
    expect(a2.source).toMatchObject({ path: '-', line: 2, format: 'jsonl' });
  });

  test('an output that would overwrite an input is refused', () => {
    const dir = join(root, 'same');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'قال الوزير إن الاقتصاد ينمو.');
    const precious = '{"not": "an annotation"}\n';
    writeFileSync(join(dir, 'a.json'), precious);
    const r = ana(['annotate', join(dir, 'a.txt'), join(dir, 'a.json'), '-o', dir, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`ana: ${join(dir, 'a.txt')}: output ${join(dir, 'a.json')} would overwrite an input`);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(precious);
  });

  test('no progress bar when stderr is not a terminal', () => {
    const r = ana(['annotate', join(inDir, 'good.txt'), '-o', join(root, 'notty')]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\r|art\/s|ETA/);
    expect(r.stderr).toMatch(/^ana: 1 article\(s\) \([\d.]+k characters\) annotated into .* in [\d.]+ s, 0 failed\n$/);
  });

  test('usage errors exit with status 2 and the help', () => {
    const r = ana(['annotate', inDir, '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs takes a positive whole number/);
    expect(r.stderr).toMatch(/Usage: ana annotate/);
  });
});

describe('ana annotate --guidelines', () => {
  test('an unknown value is a usage error naming the two choices', () => {
    const r = ana(['annotate', '-', '--jsonl', '--guidelines', 'conll']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--guidelines takes news or anercorp, not "conll"/);
  });

  test('the setting is recorded in the output options and changes the entities', () => {
    const input = JSON.stringify({ id: 'a', text: 'وقال الجيش الإسرائيلي إن قواته قصفت مواقع في قطاع غزة.' }) + '\n';
    const run = (g: string) => JSON.parse(ana(['annotate', '--jsonl', '-', '--no-tokens', '--quiet', '--guidelines', g], { input }).stdout);
    const news = run('news');
    const aner = run('anercorp');
    expect(news.options.entityGuidelines).toBe('news');
    expect(aner.options.entityGuidelines).toBe('anercorp');
    expect(news.entities.map((e: { text: string }) => e.text)).toEqual(['الجيش الإسرائيلي', 'قطاع غزة']);
    expect(aner.entities.map((e: { text: string }) => e.text)).toEqual(['غزة']);
  });
});

describe('ana score follows the gold\'s guidelines', () => {
  // An ANERcorp-style sentence, tagged by hand as ANERcorp does: the army untagged, «غزة» without «قطاع».
  const lines = ['وقال O', 'الجيش O', 'الإسرائيلي O', 'إن O', 'قواته O', 'قصفت O', 'مواقع O', 'في O', 'قطاع O', 'غزة B-LOC', '. O'];
  const dir = tempDir('guidelines');
  const gold = join(dir, 'aner.txt');
  writeFileSync(gold, lines.join('\n') + '\n');
  const score = (...extra: string[]) => ana(['score', '--gold-format', 'anercorp', '--gold', gold, '--json', ...extra]);

  test('anercorp gold is scored under the anercorp guidelines by default', () => {
    const r = score();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/entity guidelines: anercorp/);
    expect(JSON.parse(r.stdout).entities.micro).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  test('--guidelines news scores the project\'s conventions instead: the army and «قطاع غزة» count against it', () => {
    const r = score('--guidelines', 'news');
    expect(r.stderr).toMatch(/entity guidelines: news/);
    expect(JSON.parse(r.stdout).entities.micro).toMatchObject({ tp: 0, fp: 2, fn: 1 });
  });
});
