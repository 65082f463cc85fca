/**
 * Streaming (`ana annotate --jsonl -`): the contract of Hadoop Streaming and Spark's RDD.pipe. One output line per
 * input article, in input order, an error record on the line of an article that fails, output independent of the
 * number of jobs and of how the input is cut into shards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inOrderWindow } from '../src/batch/window';
import { ana, CLI, CORPUS, corpusLines, describeIf, tempDir } from './batch-helpers';

describe('inOrderWindow', () => {
  test('emits in source order with completions out of order, never more than the window in flight or read ahead', async () => {
    const size = 4;
    let read = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    let maxReadAhead = 0;
    const emitted: number[] = [];
    async function* source() {
      for (let i = 0; i < 50; i++) {
        read++;
        maxReadAhead = Math.max(maxReadAhead, read - emitted.length);
        yield i;
      }
    }
    const n = await inOrderWindow(
      source(),
      size,
      async (item) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Later items finish first: (item * 7) % 5 scrambles the delays.
        await new Promise((r) => setTimeout(r, ((item * 7) % 5) * 2));
        inFlight--;
        return item * 10;
      },
      (item, result, seq) => {
        expect(result).toBe(item * 10);
        expect(seq).toBe(item);
        emitted.push(item);
      },
    );
    expect(n).toBe(50);
    expect(emitted).toEqual([...Array(50).keys()]);
    expect(maxInFlight).toBeLessThanOrEqual(size);
    expect(maxReadAhead).toBeLessThanOrEqual(size);
  });

  test('stops reading when asked', async () => {
    let stop = false;
    const emitted: number[] = [];
    async function* source() {
      for (let i = 0; ; i++) yield i;
    }
    await inOrderWindow(source(), 3, async (i) => {
      if (i === 10) stop = true;
      return i;
    }, (i) => void emitted.push(i), () => stop);
    expect(emitted).toEqual([...Array(11).keys()]);
  });
});

describeIf('ana annotate --jsonl - (streaming)', [CORPUS], () => {
  let input: string;
  let expectedIds: (string | null)[];
  let single: string;
  beforeAll(async () => {
    const lines = await corpusLines(40);
    // Bad lines among good ones: not JSON, no text, and a blank line (skipped: it is no article).
    lines.splice(5, 0, '{"id": "cut-short", "text": "نص');
    lines.splice(12, 0, JSON.stringify({ id: 'no-text', title: 'عنوان بلا نص' }));
    lines.splice(20, 0, '');
    input = lines.join('\n') + '\n';
    expectedIds = lines.filter((l) => l.trim()).map((l) => {
      try {
        return (JSON.parse(l) as { id: string }).id;
      } catch {
        return null;
      }
    });
    const r = ana(['annotate', '--jsonl', '-', '--jobs', '1', '--recycle', '0', '--quiet'], { input }); // in the main thread
    expect(r.status).toBe(1);
    single = r.stdout;
  });

  test('one line per article, in input order, error records on the failed articles\' lines', () => {
    const out = single.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(expectedIds.length);
    out.forEach((doc, i) => {
      if (i === 5) expect(doc).toEqual({ error: { path: '-', error: expect.stringMatching(/^line is not valid JSON/) } });
      else if (i === 12) expect(doc).toEqual({ error: { path: '-', id: 'no-text', error: 'article has no "text" string field' } });
      else {
        expect(doc.id).toBe(expectedIds[i]);
        expect(doc.source.line).toBeUndefined(); // a shard's line numbers are not the corpus's
        expect(doc.sentences.length).toBeGreaterThan(0);
      }
    });
  });

  test('the same bytes with two worker threads, replaced every 5 articles', () => {
    const r = ana(['annotate', '--jsonl', '-', '--jobs', '2', '--recycle', '5'], { input });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(single);
    // stderr: the two failures, with the line in this stream, then the summary.
    const err = r.stderr.trim().split('\n');
    expect(err[0]).toMatch(/^ana: -:6: line is not valid JSON/);
    expect(err[1]).toBe('ana: -:13: article has no "text" string field');
    expect(err[2]).toMatch(/^ana: 40 article\(s\) \(.* characters\) annotated to standard output in [\d.]+ s, 2 failed$/);
  });

  test('--exit-zero: failures reported, status 0 (what RDD.pipe and Hadoop Streaming need)', () => {
    const r = ana(['annotate', '--jsonl', '-', '--jobs', '1', '--quiet', '--exit-zero'], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(single);
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
  });

  const haveParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!haveParallel) console.log('skipping the GNU parallel --pipe test: "parallel" is not installed (apt-get install parallel)');
  (haveParallel ? test : test.skip)('sharded with GNU parallel --pipe over several processes, merged output is byte-identical', () => {
    const dir = tempDir('stream-shards');
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, input);
    // 7 records per shard, 3 processes at a time, outputs concatenated in input order (--keep-order), as
    // Hadoop Streaming and RDD.pipe concatenate their partitions.
    const merged = execFileSync(
      'bash',
      ['-c', `parallel --pipe -N 7 --keep-order -j 3 "${process.execPath}" "${CLI}" annotate --jsonl - --jobs 1 --quiet --exit-zero < "${file}"`],
      { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(merged.split('\n').length).toBe(single.split('\n').length);
    expect(merged).toBe(single);
  });
});
