/** Shared by the batch, stream and CLI annotate tests: the built CLI, temporary folders, the news corpus. */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';

/**
 * The compiled command (`npm test` builds first): the tests run what users run, worker threads included.
 * ANA_CLI points at another build (a snapshot, when others rebuild dist/ in a shared working tree mid-test).
 */
export const CLI = process.env.ANA_CLI ?? resolve(__dirname, '..', 'dist', 'cli', 'main.js');
export const SHARED = process.env.ANA_SHARED ?? resolve(__dirname, '..', '..', 'shared');
export const CORPUS = resolve(SHARED, 'data/news/ant-news.jsonl.gz');
export const NEWS_GOLD = resolve(SHARED, 'data/news-gold');

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `ana-${tag}-`));
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function ana(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Start the CLI without waiting (for the kill tests). */
export function anaChild(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `describe` when the named paths exist (and the CLI is built), else `describe.skip` with the reason printed. */
export function describeIf(name: string, paths: string[], fn: () => void): void {
  const missing = [CLI, ...paths].filter((p) => !existsSync(p));
  if (missing.length) {
    // eslint-disable-next-line no-console
    console.log(`skipping "${name}": ${missing.join(', ')} not found${missing.includes(CLI) ? ' (run npm run build)' : ''}`);
    describe.skip(name, fn);
  } else {
    describe(name, fn);
  }
}

/** The first n lines (articles) of the news corpus, as they are in the file. */
export async function corpusLines(n: number): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    out.push(line);
    if (out.length >= n) break;
  }
  rl.close();
  return out;
}

/** Hidden temporary files left by writeFileAtomic. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.tmp-\d+-/.test(f));
}
