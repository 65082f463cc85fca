/**
 * Validate TEI files against ../shared/schema/tei_all.rng with Debian's jing (0.5 s a call, so files are batched
 * into one call) or, failing that, `xmllint --relaxng` (7 s). `validator()` says which one exists, or why none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const shared = process.env.ANA_SHARED ?? path.resolve(__dirname, '../../../shared');
export const TEI_RNG = path.join(shared, 'schema', 'tei_all.rng');

export type Validator = { name: 'jing' | 'xmllint' } | { name: null; reason: string };

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

export function validator(): Validator {
  if (!existsSync(TEI_RNG)) return { name: null, reason: `schema ${TEI_RNG} not found` };
  if (onPath('jing')) return { name: 'jing' };
  if (onPath('xmllint')) return { name: 'xmllint' };
  return { name: null, reason: 'neither jing nor xmllint is installed (apt-get install jing libxml2-utils; .ci/run does it)' };
}

export interface ValidationResult {
  ok: boolean;
  /** Error lines per file (only files that failed). */
  errors: Map<string, string[]>;
  ms: number;
}

/** Validate several files in one validator call. */
export function validateTei(files: string[]): ValidationResult {
  const v = validator();
  if (!v.name) throw new Error(v.reason);
  const t0 = Date.now();
  const r = v.name === 'jing'
    ? spawnSync('jing', [TEI_RNG, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync('xmllint', ['--noout', '--relaxng', TEI_RNG, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Date.now() - t0;
  const errors = new Map<string, string[]>();
  const out = `${r.stdout}\n${r.stderr}`;
  for (const line of out.split('\n')) {
    // jing: "FILE:LINE:COL: error: …"; xmllint: "FILE:LINE: element …" and "FILE fails to validate"
    const f = files.find((x) => line.startsWith(x + ':') || line.startsWith(x + ' fails'));
    if (!f || / validates$/.test(line)) continue;
    if (v.name === 'jing' && !/: (error|fatal):/.test(line)) continue;
    errors.set(f, [...(errors.get(f) ?? []), line]);
  }
  if (r.status !== 0 && errors.size === 0) errors.set('(validator)', [out.trim() || `exit status ${r.status}`]);
  return { ok: r.status === 0 && errors.size === 0, errors, ms };
}
