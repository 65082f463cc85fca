import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { annotateArticle } from '../pipeline';
import { exportDocument } from '../export';
import { serialiseDocument } from '../emit/json';
import { writeFileAtomic } from '../cli/io';
import type { Task, TaskResult, WorkerInit } from './messages';

const LINE_ENCODER = new TextEncoder();

/**
 * The work done for one article, the same whether it runs in a worker thread or in the main thread (--jobs 1), so
 * that output cannot depend on the number of jobs. Never throws: a failure becomes an error result.
 */
export function annotateTask(task: Task, init: WorkerInit): TaskResult {
  try {
    const doc = annotateArticle(task.article, init.options);
    if (init.mode === 'line') {
      // TextEncoder gives the bytes a buffer of their own (Buffer.from may share a pooled one), so it can be moved
      const line = LINE_ENCODER.encode(serialiseDocument(doc, false) + '\n');
      return { seq: task.seq, ok: true, bytes: line.byteLength, line };
    }
    if (!task.target) throw new Error('no output file named for the article');
    const json = serialiseDocument(doc);
    // exports first: the JSON is what marks the article done (and what a resumed run checks)
    for (const format of init.exports ?? []) {
      const dir = join(dirname(task.target), format);
      mkdirSync(dir, { recursive: true });
      for (const f of exportDocument(doc, format).files) writeFileAtomic(join(dir, f.name), f.content);
    }
    writeFileAtomic(task.target, json);
    return { seq: task.seq, ok: true, bytes: Buffer.byteLength(json) };
  } catch (e) {
    return { seq: task.seq, ok: false, error: `annotation failed: ${(e as Error).message}` };
  }
}
