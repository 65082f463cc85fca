import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, PipelineOptions } from '../types';
import { PIPELINE_VERSION } from '../version';
import { writeFileAtomic } from '../cli/io';

/**
 * Resuming a run: which outputs are current. We keep a small manifest, DIR/.ana-manifest.jsonl, one line per
 * written output: {file, key, sha256, bytes}. `key` hashes everything the output depends on: the pipeline version
 * and build fingerprint, the options, and the article as read (id, text, metadata, source information); `sha256` is
 * the text's hash.
 *
 * Why a manifest rather than reading each output's header: the outputs are large (about 20 times the text, with
 * tokens) and pretty-printed, so checking 30,000 of them means parsing gigabytes, while the manifest is read once,
 * a few MB. Crash safety comes from the order of operations: the output is renamed into place first, its manifest
 * line appended after; a kill between the two only costs redoing that article, a torn last line is ignored, and an
 * entry counts only if its file is still there with the recorded size (a deleted or edited output is redone).
 */
export const MANIFEST = '.ana-manifest.jsonl';
export const LOCK = '.ana-run.lock';

export interface ManifestEntry {
  file: string;
  key: string;
  sha256: string;
  bytes: number;
}

export function articleKey(article: Article, options: PipelineOptions, build = ''): { key: string; sha256: string } {
  const sha256 = createHash('sha256').update(article.text, 'utf8').digest('hex');
  const key = createHash('sha256')
    .update(JSON.stringify([PIPELINE_VERSION, build, options, article.id, sha256, article.meta, article.source]))
    .digest('hex');
  return { key, sha256 };
}

/**
 * A fingerprint of the pipeline as built: the compiled analysis code (dist/ less the CLI and batch layers, which do
 * not change outputs) and the resources and models it loads. PIPELINE_VERSION alone is not enough: it is bumped by
 * hand, and a recogniser or lexicon that changes without a bump would leave stale outputs counted as current.
 * A few MB, hashed once per run.
 */
export function buildFingerprint(root = resolve(__dirname, '..', '..')): string {
  const h = createHash('sha256');
  const walk = (dir: string, skip: (rel: string) => boolean, base = dir) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const rel = p.slice(base.length + 1);
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) walk(p, skip, base);
      else {
        h.update(`${rel}\0`);
        h.update(readFileSync(p));
      }
    }
  };
  walk(join(root, 'dist'), (rel) => /^(cli|batch)(\/|$)/.test(rel) || /\.(map|d\.ts)$/.test(rel));
  walk(join(root, 'resources'), () => false);
  walk(join(root, 'models'), () => false);
  return h.digest('hex');
}

export class Manifest {
  private readonly entries = new Map<string, ManifestEntry>();
  private fd: number | undefined;

  /** Load DIR's manifest and rewrite it with only the entries whose outputs still exist unchanged. */
  constructor(private readonly dir: string) {
    const path = join(dir, MANIFEST);
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        let e: ManifestEntry;
        try {
          e = JSON.parse(line) as ManifestEntry;
        } catch {
          continue; // a line torn by a kill, or blank
        }
        if (typeof e.file === 'string' && typeof e.key === 'string' && typeof e.bytes === 'number') this.entries.set(e.file, e);
      }
      for (const [file, e] of this.entries) if (sizeOf(join(dir, file)) !== e.bytes) this.entries.delete(file);
    }
    writeFileAtomic(path, [...this.entries.values()].map((e) => JSON.stringify(e) + '\n').join(''));
    this.fd = openSync(path, 'a');
  }

  /** Is DIR/file the output of this very input? */
  isCurrent(file: string, key: string): boolean {
    const e = this.entries.get(file);
    return e !== undefined && e.key === key && sizeOf(join(this.dir, file)) === e.bytes;
  }

  /** Record an output that has just been renamed into place. One write() of one short line. */
  record(e: ManifestEntry): void {
    this.entries.set(e.file, e);
    if (this.fd !== undefined) writeSync(this.fd, JSON.stringify(e) + '\n');
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Temporary files of src/cli/io.ts writeFileAtomic: `.NAME.tmp-PID-RANDOM`. */
const TEMP = /^\..+\.tmp-\d+-[a-z0-9]+$/;

/**
 * Remove temporary files a killed run left in DIR (SIGKILL gives no chance to clean up). Only called while we hold
 * the run lock, so no live run is writing them. Returns how many were removed.
 */
export function removeStaleTemps(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (!TEMP.test(name)) continue;
    try {
      unlinkSync(join(dir, name));
      n++;
    } catch {
      /* gone already */
    }
  }
  return n;
}

/**
 * One run at a time per output folder: DIR/.ana-run.lock holds the owner's pid. A lock whose process is gone (a
 * killed run) is taken over. Returns a release function.
 */
export function acquireRunLock(dir: string): () => void {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(`another "ana annotate" (pid ${pid}) is writing into ${dir}; if it is not, remove ${path}`);
      }
      unlinkSync(path);
    }
  }
  throw new Error(`cannot take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
