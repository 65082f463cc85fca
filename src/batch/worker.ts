/** Entry point of an annotation worker thread (loaded from dist/batch/worker.js by the pool). */
import { parentPort, workerData } from 'node:worker_threads';
import { annotateTask } from './annotate-one';
import type { Task, WorkerInit } from './messages';

const init = workerData as WorkerInit;
parentPort!.on('message', (task: Task) => {
  const result = annotateTask(task, init);
  // line mode: move the encoded line to the main thread instead of copying it
  parentPort!.postMessage(result, result.ok && result.line ? [result.line.buffer as ArrayBuffer] : []);
});
