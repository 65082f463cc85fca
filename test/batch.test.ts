/**
 * Batch runs into a folder: the same files with 1 and 2 worker threads, resumption (only what changed is redone),
 * and runs killed with SIGKILL, SIGTERM or SIGINT leave no partial file and resume to the same result.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ana, anaChild, CORPUS, corpusLines, describeIf, tempDir, tempFiles } from './batch-helpers';

const N = 120;

function outputs(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function summary(stderr: string): { annotated: number; current: number; failed: number } {
  const m = /ana: (\d+) article\(s\) .* annotated into .* in [\d.]+ s, (?:(\d+) already current, )?(\d+) failed/.exec(stderr);
  if (!m) throw new Error(`no summary in: ${stderr}`);
  return { annotated: Number(m[1]), current: Number(m[2] ?? 0), failed: Number(m[3]) };
}

async function waitFor(cond: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describeIf('ana annotate DIR: parallel and resumable', [CORPUS], () => {
  let root: string;
  let input: string;
  let lines: string[];
  let reference: Map<string, string>;
  beforeAll(async () => {
    root = tempDir('batch');
    lines = await corpusLines(N);
    input = join(root, 'news.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    const r = ana(['annotate', input, '-o', join(root, 'ref'), '--jobs', '1', '--recycle', '0', '--quiet']); // in the main thread
    expect(r.status).toBe(0);
    reference = outputs(join(root, 'ref'));
  });

  test('two worker threads write the same bytes as one thread', () => {
    const out = join(root, 'two');
    const r = ana(['annotate', input, '-o', out, '--jobs', '2']);
    expect(r.status).toBe(0);
    expect(summary(r.stderr)).toEqual({ annotated: N, current: 0, failed: 0 });
    expect(reference.size).toBe(N);
    expect(outputs(out)).toEqual(reference);
    // Workers replaced every 7 articles (memory back): the same bytes again.
    const recycled = join(root, 'recycled');
    expect(ana(['annotate', input, '-o', recycled, '--jobs', '2', '--recycle', '7', '--quiet']).status).toBe(0);
    expect(outputs(recycled)).toEqual(reference);
    // Each file is the article of its id.
    const first = JSON.parse(lines[0]) as { id: string; text: string };
    expect(JSON.parse(reference.get(`${first.id}.json`)!).text).toBe(first.text.replace(/\r\n?/g, '\n'));
  });

  test('a rerun skips current outputs and redoes exactly what changed', () => {
    const dir = join(root, 'resume');
    const inp = join(root, 'resume.jsonl');
    writeFileSync(inp, lines.join('\n') + '\n');
    expect(ana(['annotate', inp, '-o', dir, '--quiet']).status).toBe(0);
    const a = JSON.parse(lines[3]) as { id: string; text: string };
    const b = JSON.parse(lines[7]) as { id: string; title: string };
    const c = JSON.parse(lines[11]) as { id: string };
    const mtime = (id: string) => statSync(join(dir, `${id}.json`)).mtimeMs;
    const before = mtime(c.id);

    let r = ana(['annotate', inp, '-o', dir]);
    expect(r.status).toBe(0);
    expect(summary(r.stderr)).toEqual({ annotated: 0, current: N, failed: 0 });
    expect(mtime(c.id)).toBe(before);

    // Change one text and one title, delete one output: those three are redone, nothing else.
    const changed = [...lines];
    changed[3] = JSON.stringify({ ...a, text: a.text + '\nقال المتحدث إن الاجتماع سيعقد غدا.' });
    changed[7] = JSON.stringify({ ...b, title: 'عنوان جديد' });
    writeFileSync(inp, changed.join('\n') + '\n');
    const cBefore = readFileSync(join(dir, `${c.id}.json`), 'utf8');
    unlinkSync(join(dir, `${c.id}.json`));
    r = ana(['annotate', inp, '-o', dir, '--jobs', '2']);
    expect(summary(r.stderr)).toEqual({ annotated: 3, current: N - 3, failed: 0 });
    expect(JSON.parse(readFileSync(join(dir, `${a.id}.json`), 'utf8')).text).toMatch(/سيعقد غدا\.$/);
    expect(JSON.parse(readFileSync(join(dir, `${b.id}.json`), 'utf8')).metadata.title).toBe('عنوان جديد');
    expect(readFileSync(join(dir, `${c.id}.json`), 'utf8')).toBe(cBefore);

    // Other options: everything is redone (and --force redoes regardless).
    r = ana(['annotate', inp, '-o', dir, '--no-tokens']);
    expect(summary(r.stderr)).toEqual({ annotated: N, current: 0, failed: 0 });
    expect(JSON.parse(readFileSync(join(dir, `${c.id}.json`), 'utf8')).tokens).toBeUndefined();
    r = ana(['annotate', inp, '-o', dir, '--no-tokens', '--force']);
    expect(summary(r.stderr)).toEqual({ annotated: N, current: 0, failed: 0 });
  });

  test('stale temporary files and the lock of a dead run are cleaned up; a live run\'s lock is respected', () => {
    const dir = join(root, 'stale');
    expect(ana(['annotate', input, '-o', dir, '--quiet']).status).toBe(0);
    const temp = join(dir, '.someid.json.tmp-999999-abc123');
    writeFileSync(temp, '{"half": ');
    // The lock of a run that is gone: a pid no process has (probed with signal 0 by the run, as here).
    let deadPid = 4194000;
    while ((() => { try { process.kill(deadPid, 0); return true; } catch { return false; } })()) deadPid++;
    writeFileSync(join(dir, '.ana-run.lock'), String(deadPid));
    let r = ana(['annotate', input, '-o', dir]);
    expect(r.status).toBe(0);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(join(dir, '.ana-run.lock'))).toBe(false);
    // A lock held by a live process (this test's own pid).
    writeFileSync(join(dir, '.ana-run.lock'), String(process.pid));
    r = ana(['annotate', input, '-o', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`another "ana annotate" \\(pid ${process.pid}\\) is writing into`));
    unlinkSync(join(dir, '.ana-run.lock'));
  });

  test.each([
    ['SIGKILL', null],
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('killed with %s mid-run: no partial output, and a rerun completes to the same files', async (signal, status) => {
    const dir = join(root, `kill-${signal}`);
    const child = anaChild(['annotate', input, '-o', dir, '--jobs', '2', '--quiet']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('exit', (code, sig) => res([code, sig])));
    await waitFor(() => existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.json')).length >= 10);
    child.kill(signal);
    const [code, sig] = await exited;
    const written = outputs(dir);
    expect(written.size).toBeLessThan(N); // it really was cut short
    // Whatever is visible is complete and correct.
    for (const [f, text] of written) expect(text).toBe(reference.get(f));
    if (status === null) {
      expect(sig).toBe('SIGKILL');
    } else {
      expect(code).toBe(status);
      expect(stderr).toMatch(new RegExp(`interrupted by ${signal}, rerun to resume`));
      expect(tempFiles(dir)).toEqual([]);
      expect(existsSync(join(dir, '.ana-run.lock'))).toBe(false);
    }
    const r = ana(['annotate', input, '-o', dir, '--jobs', '2']);
    expect(r.status).toBe(0);
    const s = summary(r.stderr);
    expect(s.annotated + s.current).toBe(N);
    // An output renamed just before its manifest line was written is redone: at most one per task in flight (2 × 2).
    expect(s.current).toBeGreaterThanOrEqual(written.size - 4);
    expect(outputs(dir)).toEqual(reference);
    expect(tempFiles(dir)).toEqual([]);
  });
});
