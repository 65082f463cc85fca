/**
 * Speed of the entity stage alone (recogniseEntities on already segmented documents), one core.
 *   npx tsx scripts/bench-entities.ts [--shared DIR] [--articles N] [--rounds R] [--model PATH]
 * Also reports how long the model and gazetteer take to load. --model: another model file than models/ner.json
 * (to measure a candidate before it is shipped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { argValue, sharedDir } from './lib/shared';
import { normalise } from '../src/normalise';
import { segment } from '../src/segment';
import { defaultGazetteer, defaultModel, recogniseEntities } from '../src/recognise/entities';
import { loadModel, type ModelFile } from '../src/recognise/entities/model';
import { toArticle } from '../src/pipeline';

const n = Number(argValue('--articles') ?? 1000);
const rounds = Number(argValue('--rounds') ?? 3);

let t = performance.now();
const modelPath = argValue('--model');
const model = modelPath ? loadModel(JSON.parse(readFileSync(modelPath, 'utf8')) as ModelFile) : defaultModel();
const modelMs = performance.now() - t;
t = performance.now();
defaultGazetteer();
const gazMs = performance.now() - t;
console.log(`load: model ${modelMs.toFixed(0)} ms, gazetteer ${gazMs.toFixed(0)} ms`);

const lines = gunzipSync(readFileSync(join(sharedDir(), 'data/news/ant-news.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean).slice(0, n);
const docs = lines.map((l) => {
  const a = JSON.parse(l) as { id: string; text: string };
  return segment(normalise(toArticle({ text: a.text, id: a.id })));
});
const tokens = docs.reduce((s, d) => s + d.tokens.length, 0);
let mentions = 0;
for (const d of docs.slice(0, 50)) recogniseEntities(d, { model }); // warm-up
// The machine may be shared: CPU time of this process (user + system) is the fair measure of one core's work.
let best = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  t = performance.now();
  const c0 = process.cpuUsage();
  mentions = 0;
  for (const d of docs) mentions += recogniseEntities(d, { model }).length;
  const c = process.cpuUsage(c0);
  best = Math.min(best, performance.now() - t);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
}
const rate = (ms: number) => Math.round(tokens / (ms / 1000)).toLocaleString('en');
console.log(`${docs.length} articles, ${tokens} tokens, ${mentions} mentions, best of ${rounds} rounds:`);
console.log(`  wall ${best.toFixed(0)} ms = ${rate(best)} tokens/s; CPU ${bestCpu.toFixed(0)} ms = ${rate(bestCpu)} tokens/s (one core)`);
