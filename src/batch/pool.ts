import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { annotateTask } from './annotate-one';
import type { Task, TaskResult, WorkerInit } from './messages';

/** Runs annotation tasks; `run` resolves with the task's result, never rejects. */
export interface Runner {
  run(task: Task): Promise<TaskResult>;
  /** Stop: in-flight tasks resolve as failed, workers are terminated. */
  close(): Promise<void>;
}

/**
 * The compiled worker. Workers always load dist/ (plain JavaScript): from dist/batch/ it sits beside this file;
 * from src/batch/ (tests run the TypeScript through SWC) we use the build, which `npm test` makes first.
 */
export function workerScript(): string {
  const beside = join(__dirname, 'worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '../../dist/batch/worker.js');
  if (existsSync(built)) return built;
  throw new Error(`the compiled worker ${built} is missing: run "npm run build" first`);
}

/** --jobs 1: the same task function in the main thread, yielding to the event loop between articles. */
export class InProcessRunner implements Runner {
  private closed = false;
  constructor(private readonly init: WorkerInit) {}
  async run(task: Task): Promise<TaskResult> {
    // Let signal handlers, progress timers and stdout drains run between articles.
    await new Promise((r) => setImmediate(r));
    if (this.closed) return { seq: task.seq, ok: false, error: 'run stopped' };
    return annotateTask(task, this.init);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

interface Slot {
  worker: Worker;
  outstanding: Map<number, (r: TaskResult) => void>;
  /** Articles this worker has finished. */
  done: number;
  /** Takes no new task: it is finished once its outstanding ones are. */
  retiring: boolean;
}

/**
 * A fixed set of worker threads. Each worker gets at most PER_WORKER tasks at a time (two: the next one is already
 * there when it finishes one, so no round trip is idle); the rest wait in a FIFO queue. A worker that dies (an
 * out-of-memory article, a bug) fails only the tasks it held and is replaced.
 *
 * After `recycleAfter` articles a worker is retired and replaced by a fresh one, which gives back everything the
 * thread accumulated. The pipeline's per-word memos are bounded (src/memo.ts), so this is a safety net for very long
 * runs, not what keeps memory flat: a fresh thread must compile the pipeline again and refill its memos, which cost
 * about 15% more CPU over 8,000 articles when workers were replaced every 2,000. Caches are pure memos, so output
 * does not change either way.
 */
export class WorkerPool implements Runner {
  private static readonly PER_WORKER = 2;
  private readonly slots: Slot[] = [];
  private readonly queue: { task: Task; done: (r: TaskResult) => void }[] = [];
  private closing = false;

  constructor(
    private readonly jobs: number,
    private readonly init: WorkerInit,
    private readonly recycleAfter = DEFAULT_RECYCLE,
    private readonly script = workerScript(),
  ) {
    for (let i = 0; i < jobs; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { workerData: this.init }), outstanding: new Map(), done: 0, retiring: false };
    slot.worker.on('message', (r: TaskResult) => {
      const done = slot.outstanding.get(r.seq);
      slot.outstanding.delete(r.seq);
      done?.(r);
      slot.done++;
      if (this.recycleAfter > 0 && slot.done >= this.recycleAfter) slot.retiring = true;
      if (slot.retiring && slot.outstanding.size === 0 && !this.closing) {
        // Replace first (so `died` finds the slot gone and fails nothing), then let the old thread go.
        this.slots[this.slots.indexOf(slot)] = this.spawn();
        void slot.worker.terminate();
      }
      this.pump();
    });
    const died = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      for (const [seq, done] of slot.outstanding) done({ seq, ok: false, error: this.closing ? 'run stopped' : `worker stopped: ${why}` });
      slot.outstanding.clear();
      if (this.closing) return;
      this.slots[i] = this.spawn();
      this.pump();
    };
    slot.worker.on('error', (e) => died(e.message));
    slot.worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }

  run(task: Task): Promise<TaskResult> {
    if (this.closing) return Promise.resolve({ seq: task.seq, ok: false, error: 'run stopped' });
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (!s.retiring && s.outstanding.size < WorkerPool.PER_WORKER && (!best || s.outstanding.size < best.outstanding.size)) best = s;
      if (!best) return;
      const { task, done } = this.queue.shift()!;
      best.outstanding.set(task.seq, done);
      best.worker.postMessage(task);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const { task, done } of this.queue.splice(0)) done({ seq: task.seq, ok: false, error: 'run stopped' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Articles a worker thread annotates before it is replaced by a fresh one (see WorkerPool). */
export const DEFAULT_RECYCLE = 50_000;

/**
 * One job runs in the main thread, unless recycling is asked for: no thread start-up, no copy of each article into
 * a worker, one V8 heap instead of two (over 8,000 articles about 13% less CPU and 318 MB peak RSS instead of 475 MB
 * with one worker thread), and it is what a CPU profile sees. The price: a worker thread that runs out of memory fails
 * only its article, while the main thread running out of memory ends the run, so `--max-chars` bounds what one
 * article may ask. More jobs, or `--recycle N` with one, run in worker threads.
 */
export function createRunner(jobs: number, init: WorkerInit, recycleAfter?: number): Runner {
  return jobs <= 1 && !recycleAfter ? new InProcessRunner(init) : new WorkerPool(Math.max(1, jobs), init, recycleAfter ?? DEFAULT_RECYCLE);
}
