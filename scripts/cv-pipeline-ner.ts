/**
 * Pipeline figure for the cross-validation of scripts/train-ner.ts: scores each fold's held-out ANERcorp part
 * through the whole pipeline (`ana score --gold-format anercorp`) with that fold's model, and prints the exact
 * micro-F1 per fold and mean ± sd.
 *   npm run build && npx tsx scripts/train-ner.ts --cv 5 --cv-models && npx tsx scripts/cv-pipeline-ner.ts [--cv 5]
 * With --heldout it scores the held-out split instead (tmp/ner-heldout.json on tmp/anercorp-dev.txt, both written
 * by `train-ner.ts --holdout 0.1`).
 * The pipeline loads its model with require('../../../models/ner.json') relative to dist/, so each fold runs a
 * copy of dist/ under tmp/cv-pipeline/ with the fold's model as tmp/cv-pipeline/models/ner.json: the committed
 * models/ner.json is never touched (others use the same working tree). --cv-dir DIR reads DIR/ner-cv-K.json and
 * DIR/anercorp-cv-K.txt (as written by `train-ner.ts --cv-dir DIR`) and works in DIR/cv-pipeline; extra arguments after -- go to `ana score`
 * (e.g. -- --guidelines news).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argValue } from './lib/shared';

const root = resolve(__dirname, '..');
const k = Number(argValue('--cv') ?? 5);
const cvDir = resolve(root, argValue('--cv-dir') ?? 'tmp');
const work = join(cvDir, 'cv-pipeline');
const scoreArgs = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'models'), { recursive: true });
cpSync(join(root, 'dist'), join(work, 'dist'), { recursive: true });
for (const dir of ['resources', 'schema', 'node_modules', 'package.json']) {
  if (existsSync(join(root, dir))) symlinkSync(join(root, dir), join(work, dir));
}
const heldout = process.argv.includes('--heldout');
const exact: number[] = [];
const overlap: number[] = [];
const TYPES = ['PER', 'ORG', 'LOC'] as const;
const byType: Record<string, number[]> = { PER: [], ORG: [], LOC: [] };
for (let f = 0; f < (heldout ? 1 : k); f++) {
  const model = heldout ? join(root, 'tmp/ner-heldout.json') : join(cvDir, `ner-cv-${f}.json`);
  const gold = heldout ? join(root, 'tmp/anercorp-dev.txt') : join(cvDir, `anercorp-cv-${f}.txt`);
  if (!existsSync(model) || !existsSync(gold)) throw new Error(`missing ${model} or ${gold}: run train-ner.ts ${heldout ? '--holdout 0.1' : `--cv ${k} --cv-models`} first`);
  copyFileSync(model, join(work, 'models/ner.json'));
  const out = execFileSync('node', [join(work, 'dist/cli/main.js'), 'score', '--gold-format', 'anercorp', '--gold', gold, '--json', ...scoreArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  type Scores = { precision: number; recall: number; f1: number };
  const r = JSON.parse(out) as { entities: Record<'micro' | (typeof TYPES)[number], Scores>; entities_overlap: { micro: Scores } };
  exact.push(r.entities.micro.f1);
  for (const t of TYPES) byType[t].push(r.entities[t]?.f1 ?? 0);
  overlap.push(r.entities_overlap.micro.f1);
  console.log(`${heldout ? 'held-out split' : `fold ${f + 1}/${k}`}: pipeline exact P ${r.entities.micro.precision.toFixed(4)} R ${r.entities.micro.recall.toFixed(4)} F1 ${r.entities.micro.f1.toFixed(4)}  overlap F1 ${r.entities_overlap.micro.f1.toFixed(4)}`);
}
const meanSd = (xs: number[]): string => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(4)} ± ${sd.toFixed(4)}`;
};
if (!heldout) {
  console.log(`pipeline CV ${k} folds: exact micro-F1 ${meanSd(exact)}, overlap micro-F1 ${meanSd(overlap)} (sd over folds)`);
  console.log(`  exact F1 per type: ${TYPES.map((t) => `${t} ${meanSd(byType[t])}`).join(', ')}`);
}
