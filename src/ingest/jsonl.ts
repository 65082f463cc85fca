import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import type { Article } from '../types';
import { IngestError } from './errors';
import { unifyNewlines } from './decode';
import { metaFromRecord } from './meta';

export type IngestResult = { article: Article } | { error: IngestError };

/** Read a JSONL(.gz) file, or stdin when path is "-", one article per line. */
export function readJsonlArticles(path: string, stream?: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<IngestResult> {
  let input: Readable = stream ?? (path === '-' ? process.stdin : createReadStream(path));
  // pipe() does not pass errors on: forward them, so that an unreadable file becomes an error result, not a crash.
  const then = (next: Transform) => {
    input.once('error', (e) => next.destroy(e));
    return input.pipe(next);
  };
  // A counting pass-through rather than a 'data' listener, which would start the flow before readline listens.
  if (onBytes) input = then(new Transform({ transform: (chunk: Buffer, _enc, done) => (onBytes(chunk.length), done(null, chunk)) }));
  if (path.endsWith('.gz')) input = then(createGunzip());
  return readJsonlStream(input, path);
}

/**
 * One article per non-blank line: `text` required; `id`, `title`, `published`, `url`, `source`, `category` optional.
 * A line that is not JSON, or lacks `text`, yields an error naming the file and line, and reading goes on.
 */
export async function* readJsonlStream(input: Readable, path: string): AsyncGenerator<IngestResult> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  // readline does not pass on errors of its input (a corrupt .gz, a vanished file): catch them and report them
  let streamError: Error | undefined;
  input.on('error', (e) => {
    streamError = e;
    rl.close();
  });
  let line = 0;
  const stem = basename(path).replace(/\.jsonl(\.gz)?$/, '');
  try {
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      yield parseJsonlLine(raw, path, line, stem);
    }
    if (streamError) throw streamError;
  } catch (e) {
    yield { error: new IngestError(path, `cannot read: ${(e as Error).message}`, line + 1) };
  } finally {
    rl.close();
  }
}

export function parseJsonlLine(raw: string, path: string, line: number, stem = 'stdin'): IngestResult {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch (e) {
    return { error: new IngestError(path, `line is not valid JSON (${(e as Error).message})`, line) };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { error: new IngestError(path, 'line is not a JSON object', line) };
  }
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `${stem}-${line}`;
  if (typeof o.text !== 'string') {
    return { error: new IngestError(path, `article has no "text" string field`, line, id) };
  }
  if (!o.text.trim()) return { error: new IngestError(path, 'article text is empty', line, id) };
  const text = unifyNewlines(o.text);
  return {
    article: {
      id,
      text,
      meta: metaFromRecord(o),
      source: { path, line, encoding: 'UTF-8', format: 'jsonl', newlinesUnified: text !== o.text },
    },
  };
}
