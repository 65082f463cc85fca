import { createReadStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { AnnotationDocument } from '../../emit/format';
import { FORMAT_NAME } from '../../emit/format';
import { renderArticlePage, renderIndexPage, summarise, type ArticleSummary } from '../../view';
import { parsing, UsageError } from '../args';
import { safeFileStem, writeFileAtomic } from '../io';

export const HELP = `Usage: ana view FILES|DIRS… -o DIR [options]

Write self-contained HTML pages (no network access, right to left) for annotated articles: one NAME.html per
article with its entities, temporal expressions and quotes highlighted, and DIR/index.html listing every article
with filters by entity and by speaker. Input: the standoff JSON that "ana annotate" writes (NAME.json, or JSONL
with one document per line from "ana annotate --jsonl", .jsonl or .jsonl.gz). Directories are walked.

Options:
  -o, --out DIR     where to write the pages (default: view)
      --title T     title of the corpus page
      --no-index    write the article pages only
  -q, --quiet       no per-file messages on stderr
  -h, --help        this help`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parsing(() => parseArgs({ args: argv, allowPositionals: true, options: {
    out: { type: 'string', short: 'o' },
    title: { type: 'string' },
    'no-index': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  } }));
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (!positionals.length) throw new UsageError('name the annotation JSON files or folders to view');
  const outDir = resolve(values.out ?? 'view');
  mkdirSync(outDir, { recursive: true });
  const quiet = values.quiet === true;
  let failed = 0;
  const fail = (where: string, why: string) => {
    failed++;
    process.stderr.write(`ana view: ${where}: ${why}\n`);
  };
  const used = new Set<string>(['index.html']);
  const summaries: ArticleSummary[] = [];
  for (const file of expand(positionals, fail)) {
    for await (const { doc, where, error } of readDocuments(file)) {
      if (error || !doc) {
        fail(where, error ?? 'unreadable');
        continue;
      }
      try {
        const name = uniqueName(safeFileStem(doc.id), used);
        writeFileAtomic(join(outDir, name), renderArticlePage(doc, values['no-index'] ? {} : { indexHref: 'index.html' }));
        summaries.push(summarise(doc, name));
        if (!quiet) process.stderr.write(`ana view: ${where} -> ${join(outDir, name)}\n`);
      } catch (e) {
        fail(where, `could not render: ${(e as Error).message}`);
      }
    }
  }
  if (!values['no-index']) writeFileAtomic(join(outDir, 'index.html'), renderIndexPage(summaries, values.title));
  if (!quiet || failed) process.stderr.write(`ana view: ${summaries.length} page(s) written into ${outDir}, ${failed} failed\n`);
  return failed ? 1 : 0;
}

const INPUT = /\.(json|jsonl|jsonl\.gz)$/i;

/** Files named, and the .json/.jsonl(.gz) files under folders named, in a stable (sorted) order. */
function expand(inputs: string[], fail: (where: string, why: string) => void): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (INPUT.test(name) && name !== 'errors.jsonl') out.push(p);
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      fail(input, 'no such file or folder');
      continue;
    }
    if (st.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

interface ReadResult {
  doc?: AnnotationDocument;
  where: string;
  error?: string;
}

/** The documents in one input file; JSONL is read line by line, so a large batch never sits in memory whole. */
async function* readDocuments(path: string): AsyncGenerator<ReadResult> {
  if (/\.jsonl(\.gz)?$/i.test(path)) {
    let n = 0;
    try {
      const file = createReadStream(path);
      const lines = createInterface({ input: /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file, crlfDelay: Infinity });
      for await (const line of lines) {
        n++;
        if (!line.trim()) continue;
        const where = `${path}:${n}`;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (e) {
          yield { where, error: `not JSON: ${(e as Error).message}` };
          continue;
        }
        // "ana annotate --jsonl" writes an {error} record for an article it could not annotate: nothing to show.
        if (value && typeof value === 'object' && 'error' in value) continue;
        yield check(value, where);
      }
    } catch (e) {
      yield { where: `${path}${n ? `:${n}` : ''}`, error: `cannot read: ${(e as Error).message}` };
    }
    return;
  }
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (e) {
    yield { where: path, error: `cannot read: ${(e as Error).message}` };
    return;
  }
  try {
    yield check(JSON.parse(content), path);
  } catch (e) {
    yield { where: path, error: `not JSON: ${(e as Error).message}` };
  }
}

/** Enough of the format to render safely; the full check is the JSON Schema's job. */
function check(value: unknown, where: string): ReadResult {
  const d = value as Partial<AnnotationDocument> | null;
  if (!d || typeof d !== 'object' || d.format !== FORMAT_NAME) return { where, error: `not an ${FORMAT_NAME} document` };
  if (typeof d.text !== 'string' || typeof d.id !== 'string') return { where, error: 'document without text or id' };
  for (const k of ['entities', 'timex', 'quotes', 'entityTable'] as const) {
    if (!Array.isArray(d[k])) return { where, error: `document without a "${k}" array` };
  }
  return { where, doc: { ...d, metadata: d.metadata ?? {}, source: d.source ?? ({ path: where } as AnnotationDocument['source']) } as AnnotationDocument };
}

function uniqueName(stem: string, used: Set<string>): string {
  let name = `${stem}.html`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.html`;
  used.add(name.toLowerCase());
  return name;
}
