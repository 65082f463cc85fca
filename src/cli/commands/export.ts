import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportDocument, EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../export';
import { importJson } from '../../import';
import type { AnnotationDocument } from '../../emit/format';
import { parsing, UsageError } from '../args';
import { writeFileAtomic } from '../io';

export const HELP = `Usage: ana export --to FORMAT FILES|DIRS… [-o DIR]

Convert the JSON documents written by "ana annotate" (NAME.json, or JSONL from "ana annotate --jsonl") into:
  tei         TEI P5, text plus <standOff> (listPerson/listOrg/listPlace, listAnnotation with string-range())
  tei-inline  TEI P5 with persName/orgName/placeName, date/time, said/q in the text (non-nesting overlaps left out)
  brat        NAME.txt + NAME.ann, and annotation.conf for the folder
  conll       NAME.conll: TOKEN START END NER QUOTE in BIO, code-point offsets
  webanno     NAME.jsonld: W3C Web Annotation (TextPositionSelector + TextQuoteSelector)
Directories are read for *.json files.

Options:
  -t, --to FORMAT   one of ${EXPORT_FORMATS.join(', ')}
  -o, --out DIR     output folder (default: export-FORMAT)
  -q, --quiet       no per-file messages on stderr
  -h, --help        this help

Each failure is one line on stderr naming the file; the exit status is 1 if any document failed.`;

/** The documents of one input file: a JSON document, or JSONL with one per line (error records skipped). */
interface ReadResult {
  doc?: AnnotationDocument;
  where: string;
  error?: string;
}

function readDocuments(path: string): ReadResult[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) {
    return text.split('\n').flatMap((line, i): ReadResult[] => {
      if (!line.trim()) return [];
      const where = `${path}:${i + 1}`;
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch (e) {
        return [{ where, error: `not JSON: ${(e as Error).message}` }];
      }
      if (o && typeof o === 'object' && 'error' in o && !('format' in o)) return [];
      try {
        return [{ doc: importJson(line), where }];
      } catch (e) {
        return [{ where, error: (e as Error).message }];
      }
    });
  }
  try {
    return [{ doc: importJson(text), where: path }];
  } catch (e) {
    return [{ where: path, error: (e as Error).message }];
  }
}

function expand(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of inputs) {
    if (!existsSync(p)) missing.push(p);
    else if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.jsonl?$/.test(f) && !f.startsWith('.') && f !== 'errors.jsonl') files.push(join(p, f));
    } else files.push(p);
  }
  return { files, missing };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parsing(() => parseArgs({ args: argv, allowPositionals: true, options: {
    to: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  } }));
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (!values.to) throw new UsageError(`--to FORMAT is required (${EXPORT_FORMATS.join(', ')})`);
  if (!isExportFormat(values.to)) throw new UsageError(`unknown format "${values.to}" (${EXPORT_FORMATS.join(', ')})`);
  const format: ExportFormat = values.to;
  if (!positionals.length) throw new UsageError('name the JSON files (or folders) to export');
  const outDir = resolve(values.out ?? `export-${format}`);
  mkdirSync(outDir, { recursive: true });
  const quiet = values.quiet === true;

  let failed = 0;
  let done = 0;
  const fail = (where: string, message: string) => {
    failed++;
    process.stderr.write(`ana export: ${where}: ${message.split('\n')[0]}\n`);
  };
  const { files, missing } = expand(positionals);
  for (const m of missing) fail(m, 'no such file or folder');
  const written = new Map<string, string>(); // output path -> the input it came from
  for (const file of files) {
    for (const r of readDocuments(file)) {
      if (!r.doc) {
        fail(r.where, r.error ?? 'unreadable');
        continue;
      }
      try {
        const { files: outFiles, notes } = exportDocument(r.doc, format);
        const clash = outFiles.find((f) => f.name !== 'annotation.conf' && written.has(join(outDir, f.name)));
        if (clash) {
          fail(r.where, `document id "${r.doc.id}" gives ${clash.name}, already written from ${written.get(join(outDir, clash.name))}`);
          continue;
        }
        for (const f of outFiles) {
          const target = join(outDir, f.name);
          if (f.name === 'annotation.conf' && written.has(target)) continue;
          writeFileAtomic(target, f.content);
          written.set(target, r.where);
        }
        done++;
        if (!quiet) process.stderr.write(`ana export: ${r.where} -> ${outFiles.filter((f) => f.name !== 'annotation.conf').map((f) => f.name).join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}\n`);
      } catch (e) {
        fail(r.where, (e as Error).message);
      }
    }
  }
  if (!quiet || failed) process.stderr.write(`ana export: ${done} document(s) exported to ${format} in ${outDir}, ${failed} failed\n`);
  return failed ? 1 : 0;
}
