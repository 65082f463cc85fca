import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Article, SourceInfo } from '../types';
import { IngestError } from './errors';
import { decodeBytes, DecodeProblem } from './decode';
import { extractHtml } from './html';
import { readJsonlArticles, type IngestResult } from './jsonl';
import { metaFromRecord } from './meta';

export type { IngestResult } from './jsonl';

export interface IngestOptions {
  /** Largest article accepted, in UTF-16 units; larger ones are refused with an error (default 5,000,000). */
  maxChars?: number;
  /** Read the input as JSONL whatever its name (the CLI's `--jsonl`; "-" is then standard input). */
  jsonl?: boolean;
  /** Called with the number of raw (still compressed) bytes read from a JSONL file, for progress reports. */
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_MAX_CHARS = 5_000_000;

const TEXT_EXT = new Set(['.txt', '.text', '']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const XML_EXT = new Set(['.xml']);

/** Is this a file the annotator reads when it walks a directory? */
export function isArticleFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz')) return true;
  const ext = extname(lower);
  return ext !== '' && (TEXT_EXT.has(ext) || HTML_EXT.has(ext) || XML_EXT.has(ext));
}

/** Expand the user's paths: directories are walked (sorted, so runs are deterministic), files kept as named. */
export function expandInputs(paths: string[]): { files: string[]; errors: IngestError[] } {
  const files: string[] = [];
  const errors: IngestError[] = [];
  const walk = (p: string, named: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(new IngestError(p, 'no such file or directory'));
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(join(p, name), false);
      }
    } else if (named || isArticleFile(p)) {
      files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') files.push('-');
    else walk(p, true);
  }
  return { files, errors };
}

/** Read every article of one file (a JSONL file holds many; other formats one). Never throws. */
export async function* readArticles(path: string, options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  const lower = path.toLowerCase();
  const check = (r: IngestResult): IngestResult => {
    if ('article' in r && r.article.text.length > max) {
      return { error: new IngestError(path, `article too large (${r.article.text.length} characters; the limit is ${max}, see --max-chars)`, r.article.source.line, r.article.id) };
    }
    return r;
  };
  if (options.jsonl || lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz')) {
    for await (const r of readJsonlArticles(path, undefined, options.onBytes)) yield check(r);
    return;
  }
  yield check(readSingleArticle(path));
}

/** A plain-text, HTML or XML file holding one article. */
export function readSingleArticle(path: string): IngestResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { error: new IngestError(path, `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) };
  }
  const r = articleFromBytes(bytes, path);
  return 'article' in r ? withSidecarMeta(r.article, path) : r;
}

/**
 * Metadata from a sidecar `NAME.meta.json` beside `NAME.txt` (title, publication date, url, outlet, category), as
 * the news gold ships it. What the file itself says (an HTML <title>, say) wins; a sidecar that cannot be read is an
 * error for the article, not a silent loss of its date.
 */
function withSidecarMeta(article: Article, path: string): IngestResult {
  const sidecar = join(dirname(path), `${article.id}.meta.json`);
  if (!existsSync(sidecar)) return { article };
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(sidecar, 'utf8'));
  } catch (e) {
    return { error: new IngestError(sidecar, `metadata file is not valid JSON (${(e as Error).message})`, undefined, article.id) };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { error: new IngestError(sidecar, 'metadata file is not a JSON object', undefined, article.id) };
  }
  return { article: { ...article, meta: { ...metaFromRecord(record as Record<string, unknown>), ...definedOnly(article.meta) } } };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Decode and, for markup, extract an article from bytes. The format follows the file name's extension. */
export function articleFromBytes(bytes: Uint8Array, path: string): IngestResult {
  const id = basename(path).replace(/\.(txt|text|html?|xhtml|xml)$/i, '');
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    if (e instanceof DecodeProblem || e instanceof TypeError) return { error: new IngestError(path, e.message) };
    throw e;
  }
  const ext = extname(path.toLowerCase());
  const source: SourceInfo = { path, encoding: decoded.encoding, format: 'text', bomRemoved: decoded.bomRemoved || undefined, newlinesUnified: decoded.newlinesUnified || undefined };
  let article: Article;
  if (HTML_EXT.has(ext) || XML_EXT.has(ext) || (ext === '' && /^\s*<(!doctype html|html)/i.test(decoded.text))) {
    const xml = XML_EXT.has(ext);
    const page = extractHtml(decoded.text, { xml });
    if (!page.text.trim()) return { error: new IngestError(path, `no article text found in the ${xml ? 'XML' : 'HTML'}`) };
    article = { id, text: page.text, meta: { title: page.title, published: page.published, url: page.url }, source: { ...source, format: xml ? 'xml' : 'html' } };
  } else {
    if (!decoded.text.trim()) return { error: new IngestError(path, 'file holds only white space') };
    article = { id, text: decoded.text, meta: {}, source };
  }
  return { article };
}
