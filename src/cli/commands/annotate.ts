import { mkdirSync, realpathSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expandInputs, readArticles, DEFAULT_MAX_CHARS, IngestError } from '../../ingest';
import { readJsonlStream } from '../../ingest/jsonl';
import { annotateArticle, pipelineOptions } from '../../pipeline';
import { serialiseDocument } from '../../emit/json';
import type { Article } from '../../types';
import { parseArgs } from 'node:util';
import { parsing, UsageError } from '../args';
import { safeFileStem, writeFileAtomic } from '../io';

export const HELP = `Usage: ana annotate [FILES|DIRS|-]… [options]

Annotate Arabic news articles: plain text (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6), HTML, XML, and
JSONL(.gz) with one article per line ({"id","text","title","published","url"}). Directories are walked.

Options:
  -o, --out DIR        write one NAME.json per article into DIR (default: annotations)
      --jsonl          read JSONL articles (from files or - for stdin) and write one JSON document per line to stdout
      --date YYYY-MM-DD   anchor date for relative time expressions when an article has no publication date
      --no-tokens      leave the token layer out of the output
      --max-chars N    refuse articles longer than N characters (default ${DEFAULT_MAX_CHARS})
  -q, --quiet          no per-file messages on stderr
  -h, --help           this help

Failures are reported one line each on stderr and in DIR/errors.jsonl; the exit status is 1 if any article failed.`;

interface Failure {
  path: string;
  line?: number;
  id?: string;
  error: string;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parsing(() => parseArgs({ args: argv, allowPositionals: true, options: {
    out: { type: 'string', short: 'o' },
    jsonl: { type: 'boolean' },
    date: { type: 'string' },
    'no-tokens': { type: 'boolean' },
    'max-chars': { type: 'string' },
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
  const inputs = positionals.length ? positionals : values.jsonl ? ['-'] : [];
  if (!inputs.length) throw new UsageError('name the files or folders to annotate (or - for standard input)');
  const options = pipelineOptions({ anchorDate: values.date, tokens: !values['no-tokens'] });
  const quiet = values.quiet === true;
  const failures: Failure[] = [];
  const fail = (e: IngestError | Error, article?: Article) => {
    const f: Failure = e instanceof IngestError
      ? { path: e.path, ...(e.line !== undefined ? { line: e.line } : {}), ...(e.articleId ? { id: e.articleId } : {}), error: e.problem }
      : { path: article?.source.path ?? '?', ...(article?.source.line !== undefined ? { line: article.source.line } : {}), ...(article ? { id: article.id } : {}), error: `annotation failed: ${e.message}` };
    failures.push(f);
    process.stderr.write(`ana: ${f.path}${f.line !== undefined ? `:${f.line}` : ''}: ${f.error}\n`);
    return f;
  };

  if (values.jsonl) {
    // Streaming: one output line per input line, in input order; a failed article gives an error record.
    for (const path of inputs) {
      const stream = path === '-' ? process.stdin : undefined;
      const gen = stream ? readJsonlStream(stream, '-') : readArticles(path, { maxChars });
      for await (const r of gen) {
        let line: string;
        if ('error' in r) {
          const f = fail(r.error);
          line = JSON.stringify({ error: f });
        } else {
          try {
            line = JSON.stringify(annotateArticle(r.article, options));
          } catch (e) {
            line = JSON.stringify({ error: fail(e as Error, r.article) });
          }
        }
        if (!process.stdout.write(line + '\n')) await new Promise((res) => process.stdout.once('drain', res));
      }
    }
    return failures.length ? 1 : 0;
  }

  const outDir = resolve(values.out ?? 'annotations');
  mkdirSync(outDir, { recursive: true });
  const { files, errors } = expandInputs(inputs);
  for (const e of errors) fail(e);
  const inputReal = new Set(files.filter((f) => f !== '-' && existsSync(f)).map((f) => realpathSync(f)));
  const written = new Set<string>();
  let done = 0;
  for (const file of files) {
    for await (const r of readArticles(file, { maxChars })) {
      if ('error' in r) {
        fail(r.error);
        continue;
      }
      const article = r.article;
      const target = join(outDir, safeFileStem(article.id) + '.json');
      if (inputReal.has(target) || written.has(target)) {
        fail(new IngestError(article.source.path, written.has(target) ? `duplicate article id "${article.id}": ${target} was already written in this run` : `output ${target} would overwrite an input`, article.source.line, article.id));
        continue;
      }
      try {
        const doc = annotateArticle(article, options);
        writeFileAtomic(target, serialiseDocument(doc));
        written.add(target);
        done++;
        if (!quiet) process.stderr.write(`ana: ${article.source.path}${article.source.line ? `:${article.source.line}` : ''} -> ${target}\n`);
      } catch (e) {
        fail(e as Error, article);
      }
    }
  }
  if (failures.length) {
    writeFileAtomic(join(outDir, 'errors.jsonl'), failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
  }
  if (!quiet || failures.length) {
    process.stderr.write(`ana: ${done} article(s) annotated into ${outDir}, ${failures.length} failed${failures.length ? ` (see ${join(outDir, 'errors.jsonl')})` : ''}\n`);
  }
  return failures.length ? 1 : 0;
}
