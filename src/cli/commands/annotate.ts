import { existsSync, mkdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expandInputs, readArticles, DEFAULT_MAX_CHARS, IngestError, type IngestResult } from '../../ingest';
import { pipelineOptions } from '../../pipeline';
import type { Article } from '../../types';
import { parseArgs } from 'node:util';
import { guidelinesArg, parsing, UsageError } from '../args';
import { safeFileStem, writeFileAtomic } from '../io';
import { createRunner, DEFAULT_RECYCLE, type Runner } from '../../batch/pool';
import type { OutputMode, TaskResult } from '../../batch/messages';
import { inOrderWindow } from '../../batch/window';
import { Manifest, acquireRunLock, articleKey, buildFingerprint, removeStaleTemps } from '../../batch/resume';
import { Progress, formatCount } from '../../batch/progress';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../export';

export const HELP = `Usage: ana annotate [FILES|DIRS|-]… [options]

Annotate Arabic news articles: plain text (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6), HTML, XML, and
JSONL(.gz) with one article per line ({"id","text","title","published","url"}). Directories are walked.

Options:
  -o, --out DIR        write one NAME.json per article into DIR (default: annotations); a rerun skips the articles
                       whose output is current (same text, metadata, options and pipeline version) and redoes the rest
      --jsonl          read JSONL articles (from files or - for stdin) and write one JSON document per line to stdout,
                       in input order; a failed article gives {"error":{…}} on its line
  -j, --jobs N         annotate with N worker threads (default: the number of cores, here ${availableParallelism()});
                       --jobs 1 annotates in the main thread (with --recycle N, in one worker thread)
      --exit-zero      exit with status 0 even when articles failed (they are still reported): for Hadoop Streaming
                       and Spark's RDD.pipe, which fail the whole task on a non-zero status
      --recycle N      replace each worker thread by a fresh one after N articles, giving back whatever memory
                       it accumulated (default ${DEFAULT_RECYCLE}; 0: never)
      --force          redo every article, even those whose output is current
      --date YYYY-MM-DD   anchor date for relative time expressions when an article has no publication date
      --no-tokens      leave the token layer out of the output
      --guidelines G   entity conventions: news (default; the project's own, see README) or anercorp (ANERcorp's:
                       generic institutions such as «وزارة الخارجية» untagged, «غزة» rather than «قطاع غزة»)
      --max-chars N    refuse articles longer than N characters (default ${DEFAULT_MAX_CHARS})
      --export FORMAT  also write each article in FORMAT (tei, tei-inline, brat, conll, webanno; repeat or
                       separate with commas) into DIR/FORMAT/, as "ana export" would
  -q, --quiet          no progress bar and no summary on stderr (failures are still reported)
  -h, --help           this help

Failures are reported one line each on stderr and in DIR/errors.jsonl; the exit status is 1 if any article failed.
Outputs are written atomically: a run killed at any moment leaves no partial file, and rerunning it resumes.`;

interface Failure {
  path: string;
  line?: number;
  id?: string;
  error: string;
}

/** One thing read from the inputs, in input order: an article or an ingest error. */
interface Item {
  read: IngestResult;
}

const STOPPED = 'run stopped';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parsing(() => parseArgs({ args: argv, allowPositionals: true, options: {
    out: { type: 'string', short: 'o' },
    jsonl: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    force: { type: 'boolean' },
    'exit-zero': { type: 'boolean' },
    recycle: { type: 'string' },
    date: { type: 'string' },
    'no-tokens': { type: 'boolean' },
    guidelines: { type: 'string' },
    'max-chars': { type: 'string' },
    export: { type: 'string', multiple: true },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  } }));
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date takes YYYY-MM-DD, not "${values.date}"`);
  const maxChars = values['max-chars'] ? Number(values['max-chars']) : DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars <= 0) throw new UsageError('--max-chars takes a positive whole number');
  const jobs = values.jobs !== undefined ? Number(values.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs <= 0) throw new UsageError('--jobs takes a positive whole number');
  const recycle = values.recycle !== undefined ? Number(values.recycle) : undefined;
  if (recycle !== undefined && (!Number.isInteger(recycle) || recycle < 0)) throw new UsageError('--recycle takes a whole number (0: never)');
  if (values.jsonl && values.out) throw new UsageError('--jsonl writes to standard output; leave out --out');
  const inputs = positionals.length ? positionals : values.jsonl ? ['-'] : [];
  if (!inputs.length) throw new UsageError('name the files or folders to annotate (or - for standard input)');
  const exports = (values.export ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const f of exports) if (!isExportFormat(f)) throw new UsageError(`--export takes ${EXPORT_FORMATS.join(', ')}, not "${f}"`);
  if (exports.length && values.jsonl) throw new UsageError('--export writes files beside the JSON outputs; it does not go with --jsonl');
  const options = pipelineOptions({ anchorDate: values.date, tokens: !values['no-tokens'], entityGuidelines: guidelinesArg(values.guidelines) });
  const quiet = values.quiet === true;
  const started = Date.now();

  const failures: Failure[] = [];
  const fail = (f: Failure) => {
    failures.push(f);
    process.stderr.write(`ana: ${f.path}${f.line !== undefined ? `:${f.line}` : ''}: ${f.error}\n`);
    return f;
  };
  const ingestFailure = (e: IngestError): Failure => ({ path: e.path, ...(e.line !== undefined ? { line: e.line } : {}), ...(e.articleId ? { id: e.articleId } : {}), error: e.problem });
  const articleFailure = (a: Article, error: string): Failure => ({ path: a.source.path, ...(a.source.line !== undefined ? { line: a.source.line } : {}), id: a.id, error });

  // Inputs, expanded and sized (for the progress bar's ETA).
  const { files, errors } = values.jsonl ? { files: inputs, errors: [] as IngestError[] } : expandInputs(inputs);
  for (const e of errors) fail(ingestFailure(e));
  const progress = !quiet && process.stderr.isTTY ? new Progress(process.stderr, files.reduce((n, f) => n + (f === '-' ? 0 : sizeOf(f)), 0)) : undefined;
  async function* items(): AsyncGenerator<Item> {
    for (const file of files) {
      // Standard input ("-") holds JSONL articles, in both modes.
      const jsonl = values.jsonl === true || file === '-' || /\.jsonl(\.gz)?$/i.test(file);
      for await (const read of readArticles(file, { maxChars, jsonl, onBytes: (n) => progress?.read(n) })) yield { read };
      if (!jsonl) progress?.read(sizeOf(file));
    }
  }

  // SIGINT / SIGTERM: stop reading, stop the workers, finish the bookkeeping (errors.jsonl, summary) and exit.
  // Outputs are renamed into place whole, so nothing half-written remains; a second signal exits at once.
  let interrupted: NodeJS.Signals | undefined;
  let runner: Runner | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) process.exit(sig === 'SIGINT' ? 130 : 143);
    interrupted = sig;
    void runner?.close();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const mode: OutputMode = values.jsonl ? 'line' : 'file';
  let annotated = 0;
  let chars = 0;
  let skipped = 0;
  let summaryWhere = '';
  let release: (() => void) | undefined;
  let manifest: Manifest | undefined;
  try {
    if (mode === 'line') {
      runner = createRunner(jobs, { options, mode, exports: exports as ExportFormat[] }, recycle);
      const r = runner;
      // The reader went away (`| head`, a killed consumer): nothing more can be delivered, stop quietly.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(failures.length ? 1 : 0);
        throw e;
      });
      const write = async (line: string | Uint8Array) => {
        if (!process.stdout.write(typeof line === 'string' ? line + '\n' : line)) await new Promise((res) => process.stdout.once('drain', res));
      };
      // Lines read from standard input carry no line number into the output: under Hadoop Streaming, Spark's
      // RDD.pipe or GNU parallel --pipe each process sees one shard, whose line numbers are not the corpus's, and
      // the merged output must not depend on how the input was cut (the stderr message keeps the shard's line).
      const positionFree = (f: Failure): Failure => {
        if (f.path !== '-') return f;
        const { line: _line, ...rest } = f;
        return rest;
      };
      await inOrderWindow<Item, TaskResult | Failure>(
        items(),
        Math.max(8, jobs * 4),
        async (item, seq) => {
          if ('error' in item.read) return ingestFailure(item.read.error);
          const a = item.read.article;
          const article = a.source.path === '-' ? { ...a, source: { ...a.source, line: undefined } } : a;
          return r.run({ seq, article });
        },
        async (item, result) => {
          if ('seq' in result) {
            if (result.ok) {
              chars += 'article' in item.read ? item.read.article.text.length : 0;
              annotated++;
              progress?.done('article' in item.read ? item.read.article.text.length : 0);
              return write(result.line!);
            }
            if (interrupted && result.error === STOPPED) return;
            const a = (item.read as { article: Article }).article;
            return write(JSON.stringify({ error: positionFree(fail(articleFailure(a, result.error))) }));
          }
          return write(JSON.stringify({ error: positionFree(fail(result)) }));
        },
        () => interrupted !== undefined,
      );
      summaryWhere = 'to standard output';
    } else {
      const outDir = resolve(values.out ?? 'annotations');
      mkdirSync(outDir, { recursive: true });
      release = acquireRunLock(outDir);
      // the export subfolders (OUT/tei/ …) hold temporary files of a killed run too
      const tempDirs = [outDir, ...EXPORT_FORMATS.map((f) => join(outDir, f)).filter((d) => existsSync(d))];
      for (const d of tempDirs) removeStaleTemps(d);
      manifest = new Manifest(outDir);
      const build = buildFingerprint();
      const m = manifest;
      runner = createRunner(jobs, { options, mode, exports: exports as ExportFormat[] }, recycle);
      const r = runner;
      const inputReal = new Set(files.filter((f) => f !== '-' && existsSync(f)).map((f) => realpathSync(f)));
      const claimed = new Set<string>();
      type Outcome = TaskResult | Failure | { skipped: true };
      await inOrderWindow<Item, Outcome>(
        items(),
        Math.max(8, jobs * 4),
        async (item, seq) => {
          if ('error' in item.read) return ingestFailure(item.read.error);
          const article = item.read.article;
          const file = safeFileStem(article.id) + '.json';
          const target = join(outDir, file);
          // Decided here, in input order, so which of two clashing articles wins does not depend on timing.
          if (inputReal.has(target) || claimed.has(target)) {
            const why = claimed.has(target) ? `duplicate article id "${article.id}": ${target} was already written in this run` : `output ${target} would overwrite an input`;
            return articleFailure(article, why);
          }
          claimed.add(target);
          // the export formats belong to what makes an output current: adding one redoes the articles
          const { key, sha256 } = articleKey(article, options, exports.length ? `${build}|${exports.join(',')}` : build);
          if (!values.force && m.isCurrent(file, key)) return { skipped: true };
          const res = await r.run({ seq, article, target });
          if (res.ok) m.record({ file, key, sha256, bytes: res.bytes });
          return res;
        },
        (item, result) => {
          if ('skipped' in result) {
            skipped++;
            return;
          }
          if ('seq' in result) {
            const article = (item.read as { article: Article }).article;
            if (result.ok) {
              annotated++;
              chars += article.text.length;
              progress?.done(article.text.length);
            } else if (!(interrupted && result.error === STOPPED)) {
              fail(articleFailure(article, result.error));
            }
            return;
          }
          fail(result);
        },
        () => interrupted !== undefined,
      );
      if (interrupted) {
        // A worker stopped in the middle of a write leaves its temporary file: remove it now (we hold the lock).
        await r.close();
        for (const d of [outDir, ...EXPORT_FORMATS.map((f) => join(outDir, f)).filter((x) => existsSync(x))]) removeStaleTemps(d);
      }
      const errorsFile = join(outDir, 'errors.jsonl');
      if (failures.length) writeFileAtomic(errorsFile, failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
      else if (existsSync(errorsFile)) unlinkSync(errorsFile); // from an earlier run: those articles are done now
      summaryWhere = `into ${shown(outDir)}`;
    }
  } finally {
    await runner?.close();
    manifest?.close();
    release?.();
    progress?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  if (!quiet || failures.length || interrupted) {
    const secs = (Date.now() - started) / 1000;
    const parts = [
      `${annotated} article(s) (${formatCount(chars)} characters) annotated ${summaryWhere} in ${secs.toFixed(1)} s`,
      ...(skipped ? [`${skipped} already current`] : []),
      `${failures.length} failed${failures.length && mode === 'file' ? ` (see ${join(shown(resolve(values.out ?? 'annotations')), 'errors.jsonl')})` : ''}`,
    ];
    process.stderr.write(`ana: ${parts.join(', ')}${interrupted ? `; interrupted by ${interrupted}${mode === 'file' ? ', rerun to resume' : ''}` : ''}\n`);
  }
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143;
  return failures.length && !values['exit-zero'] ? 1 : 0;
}

/** A folder as the user would name it: relative to the working directory when inside it. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
