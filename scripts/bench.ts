/**
 * Benchmark of corpus runs against the I/O floor (issue 7). Run with `npm run bench` (builds first), options after
 * `--`:
 *   --limit N      only the first N articles of the corpus (re-gzipped, so decompression stays in the measure)
 *   --jobs N       workers for the parallel run (default: the core count)
 *   --only-parallel   skip the 1-worker run (for the whole corpus on a shared machine)
 *   --recycle N    passed on to ana annotate (workers replaced after N articles)
 *   --single-threaded-gc   also time N workers under `node --single-threaded-gc`
 *   --heap-budget MB       also time one job with `node --max-old-space-size=MB` (RSS sampled every second)
 *   --dir          also time the batch mode (one JSON file per article, atomic writes, manifest) with N workers
 *   --no-profile   skip the CPU profile
 *   --profile-only only the floor and the CPU profile
 *   --profile-limit N   articles in the profiled run (default 2000)
 *   --input FILE   another JSONL(.gz) corpus (default ../shared/data/news/ant-news.jsonl.gz)
 *   --out FILE     where the figures go (default bench/results.json)
 * Every measured step is its own process under /usr/bin/time -v (peak RSS covers the worker threads); the
 * outputs of the 1-worker and N-worker runs are compared byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, symlinkSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { argValue, sharedDir } from './lib/shared';

const root = resolve(__dirname, '..');
let cli = join(root, 'dist/cli/main.js');
let floorJs = join(root, 'dist/batch/floor.js');

/**
 * Copy the build (dist, resources, models) into `dir` and run from there: in a shared working tree someone may
 * rebuild dist/ during the benchmark, and the 1- and N-worker runs must run the same code.
 */
function snapshotBuild(dir: string): void {
  for (const d of ['dist', 'resources', 'models', 'package.json']) if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  cli = join(dir, 'dist/cli/main.js');
  floorJs = join(dir, 'dist/batch/floor.js');
}

interface Step {
  name: string;
  command: string;
  seconds: number;
  articles: number;
  chars: number;
  articlesPerSecond: number;
  charsPerSecond: number;
  peakRssMB: number | null;
  /** [seconds, MB] of the node process's RSS during the run. */
  rssSamplesMB: [number, number][];
  ratioToFloor?: number;
  outputBytes?: number;
  outputSha256?: string;
  exitStatus: number | null;
}

/** First `limit` non-blank lines of a JSONL(.gz) file, gzipped into `dest`; returns articles and characters. */
async function takeFirst(src: string, dest: string, limit: number): Promise<void> {
  const rl = createInterface({ input: createReadStream(src).pipe(createGunzip()), crlfDelay: Infinity });
  const gz = createGzip();
  const done = pipeline(gz, createWriteStream(dest));
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (!gz.write(line + '\n')) await new Promise((r) => gz.once('drain', r));
    if (++n >= limit) break;
  }
  rl.close();
  gz.end();
  await done;
}

/** Articles and characters of the input, counted the way ingest reads them (JSON.parse of each line). */
async function countInput(path: string): Promise<{ articles: number; chars: number }> {
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let articles = 0;
  let chars = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { text?: string };
    articles++;
    chars += typeof o.text === 'string' ? o.text.replace(/\r\n?/g, '\n').length : 0;
  }
  return { articles, chars };
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Run `node ARGS > stdoutFile` under /usr/bin/time -v: wall time measured here, peak RSS from time's report, and the
 * node process's RSS sampled every second from /proc (to see that memory stays flat rather than growing).
 */
async function measure(name: string, nodeArgs: string[], stdoutFile: string, input: { articles: number; chars: number }): Promise<Step> {
  const haveTime = existsSync('/usr/bin/time');
  const out = openSync(stdoutFile, 'w');
  const argv = haveTime ? ['-v', process.execPath, ...nodeArgs] : nodeArgs;
  const t0 = process.hrtime.bigint();
  const child = spawn(haveTime ? '/usr/bin/time' : process.execPath, argv, { stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const samples: [number, number][] = [];
  const timer = setInterval(() => {
    const pid = haveTime ? childPid(child.pid!) : child.pid!;
    const rss = pid ? rssOf(pid) : undefined;
    if (rss !== undefined) samples.push([round(Number(process.hrtime.bigint() - t0) / 1e9, 1), rss]);
  }, 1000);
  const status = await new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  clearInterval(timer);
  closeSync(out);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (status !== 0) process.stderr.write(`bench: ${name} exited with ${status}:\n${stderr.split('\n').slice(-15).join('\n')}\n`);
  const step: Step = {
    name,
    command: `node ${nodeArgs.map((a) => a.replace(/^.*\/(dist\/)/, '$1')).join(' ')}`,
    seconds: round(seconds, 2),
    articles: input.articles,
    chars: input.chars,
    articlesPerSecond: round(input.articles / seconds, 1),
    charsPerSecond: Math.round(input.chars / seconds),
    peakRssMB: rss ? round(Number(rss[1]) / 1024, 1) : samples.length ? Math.max(...samples.map((x) => x[1])) : null,
    rssSamplesMB: thin(samples, 24),
    exitStatus: status,
  };
  process.stderr.write(`bench: ${name}: ${step.seconds} s, ${step.articlesPerSecond} articles/s, ${(step.charsPerSecond / 1e6).toFixed(2)}M chars/s, peak RSS ${step.peakRssMB} MB\n`);
  return step;
}

/** The pid of /usr/bin/time's child (node). */
function childPid(pid: number): number | undefined {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return kids ? Number(kids.split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Resident set size in MB, from /proc. */
function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : undefined;
  } catch {
    return undefined;
  }
}

/** At most n evenly spaced samples, the last one kept. */
function thin<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const step = xs.length / n;
  const out = Array.from({ length: n - 1 }, (_, i) => xs[Math.floor(i * step)]);
  out.push(xs[xs.length - 1]);
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * Self time per function in a .cpuprofile, largest first (V8's pseudo-frames like "(garbage collector)" left out),
 * and self time per pipeline stage (the dist/ folder a function's file is in).
 */
function hottest(profilePath: string, top = 3): { hottest: { function: string; where: string; selfMs: number; share: number }[]; byStage: Record<string, number> } {
  const p = JSON.parse(readFileSync(profilePath, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}\t${f.url.replace(/^.*\/(dist\/)/, '$1')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const stages = new Map<string, number>();
  for (const [k, us] of self) {
    const m = /\tdist\/((?:recognise\/)?[^/:]+)/.exec(k);
    const stage = m ? m[1].replace(/\.js$/, '') : /^\(garbage collector\)/.test(k) ? 'gc' : /^\((idle|program|root)\)/.test(k) ? 'v8' : 'node/other';
    stages.set(stage, (stages.get(stage) ?? 0) + us);
  }
  const byStage = Object.fromEntries([...stages.entries()].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, round(us / total, 3)]));
  const hot = [...self.entries()]
    .filter(([k]) => !/^\((idle|program|garbage collector|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => {
      const [fn, where] = k.split('\t');
      return { function: fn, where, selfMs: Math.round(us / 1000), share: round(us / total, 3) };
    });
  return { hottest: hot, byStage };
}

async function main(): Promise<void> {
  if (!existsSync(cli) || !existsSync(floorJs)) throw new Error('dist/ is missing: run "npm run build" first (npm run bench does)');
  const limit = argValue('--limit') ? Number(argValue('--limit')) : undefined;
  const jobs = Number(argValue('--jobs') ?? availableParallelism());
  const recycle = argValue('--recycle') !== undefined ? ['--recycle', argValue('--recycle')!] : [];
  const profileLimit = Number(argValue('--profile-limit') ?? 2000);
  const corpus = resolve(argValue('--input') ?? join(sharedDir(), 'data/news/ant-news.jsonl.gz'));
  const outFile = resolve(argValue('--out') ?? join(root, 'bench/results.json'));
  // The machine is shared: the load average says how much of it the benchmark had.
  const loadAtStart = loadavg().map((x) => round(x, 2));
  const work = mkdtempSync(join(tmpdir(), 'ana-bench-'));
  try {
    // What is measured: HEAD when the build was copied, whether others' uncommitted work was in it, and the build's
    // fingerprint (the same one resumable runs use).
    const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root }).stdout?.toString().trim();
    const dirty = (spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).stdout?.toString() ?? '').trim() !== '';
    const snapshot = mkdtempSync(join(work, 'build-'));
    snapshotBuild(snapshot);
    const { buildFingerprint } = require(join(snapshot, 'dist/batch/resume.js')) as typeof import('../src/batch/resume');
    const build = buildFingerprint(snapshot);
    let input = corpus;
    if (limit !== undefined) {
      input = join(work, `first-${limit}.jsonl.gz`);
      await takeFirst(corpus, input, limit);
    }
    const counts = await countInput(input);
    process.stderr.write(`bench: ${counts.articles} articles, ${counts.chars} characters from ${corpus}${limit ? ` (first ${limit})` : ''}\n`);

    const steps: Step[] = [];
    const profileOnly = process.argv.includes('--profile-only');
    const floor = await measure('io-floor', [floorJs, input], join(work, 'floor.out'), counts);
    steps.push(floor);
    const runs: Step[] = [];
    // Pipeline runs: 1 and N jobs as `ana` runs by default, then the variants asked for, each with V8 flags before
    // the script (they cannot be set from inside a running process).
    const variants: { name: string; jobs: number; v8: string[] }[] = [];
    if (!profileOnly) {
      for (const j of process.argv.includes('--only-parallel') ? [jobs] : [...new Set([1, jobs])]) variants.push({ name: `pipeline-jobs-${j}`, jobs: j, v8: [] });
      // --single-threaded-gc: when every core runs a worker, V8's parallel GC helper threads only compete with them
      if (process.argv.includes('--single-threaded-gc')) variants.push({ name: `pipeline-jobs-${jobs}-single-threaded-gc`, jobs, v8: ['--single-threaded-gc'] });
      // --heap-budget MB: one job in the main thread with V8's old generation capped (the streaming recipe for a
      // memory-bounded Spark or Hadoop task)
      const budget = argValue('--heap-budget');
      if (budget) variants.push({ name: `pipeline-jobs-1-heap-${budget}`, jobs: 1, v8: [`--max-old-space-size=${budget}`] });
    }
    for (const v of variants) {
      const outPath = join(work, `${v.name}.out`);
      const s = await measure(v.name, [...v.v8, cli, 'annotate', '--jsonl', input, '--jobs', String(v.jobs), ...recycle, '--quiet'], outPath, counts);
      s.outputSha256 = await sha256File(outPath);
      s.outputBytes = statSync(outPath).size;
      rmSync(outPath);
      runs.push(s);
    }
    if (process.argv.includes('--dir')) {
      const dir = join(work, 'out-dir');
      const s = await measure(`batch-files-jobs-${jobs}`, [cli, 'annotate', input, '-o', dir, '--jobs', String(jobs), ...recycle, '--quiet'], join(work, 'dir.log'), counts);
      s.outputBytes = readdirSync(dir).length;
      rmSync(dir, { recursive: true, force: true });
      runs.push(s);
    }
    for (const s of runs) s.ratioToFloor = round(s.seconds / floor.seconds, 1);
    steps.push(...runs);
    const streamRuns = runs.filter((s) => s.outputSha256);
    const identical = streamRuns.every((s) => s.outputSha256 === streamRuns[0].outputSha256);

    let profile: ({ articles: number } & ReturnType<typeof hottest>) | undefined;
    if (!process.argv.includes('--no-profile')) {
      const profIn = join(work, 'profile.jsonl.gz');
      await takeFirst(input, profIn, profileLimit);
      const profDir = join(work, 'prof');
      mkdirSync(profDir);
      // In the main thread (--recycle 0), where --cpu-prof sees it.
      spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, cli, 'annotate', '--jsonl', profIn, '--jobs', '1', '--recycle', '0', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        profile = { articles: Math.min(profileLimit, counts.articles), ...hottest(join(profDir, file)) };
        for (const h of profile.hottest) process.stderr.write(`bench: hot: ${h.function} (${h.where}) ${h.selfMs} ms self, ${(h.share * 100).toFixed(1)}%\n`);
        process.stderr.write(`bench: self time by stage: ${Object.entries(profile.byStage).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ')}\n`);
      }
    }

    const result = {
      date: new Date().toISOString(),
      commit,
      workingTreeDirty: dirty,
      buildFingerprint: build,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
      input: { corpus, limit: limit ?? null, ...counts },
      jobs,
      steps,
      identicalOutputAcrossJobs: identical,
      profile,
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
    if (streamRuns.length > 1) process.stderr.write(`bench: output identical for jobs ${streamRuns.map((s) => s.name.replace('pipeline-jobs-', '')).join(' and ')}: ${identical}\n`);
    if (runs.length) process.stderr.write(`bench: ratio to the I/O floor: ${runs.map((s) => `${s.name} ${s.ratioToFloor}x`).join(', ')}\n`);
    process.stderr.write(`bench: figures written to ${outFile}\n`);
    if (!identical) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
