/**
 * Train the entity tagger: an averaged structured perceptron over hashed features with BIO-constrained Viterbi
 * (five shuffle seeds, weights averaged).
 *   npx tsx scripts/train-ner.ts --holdout 0        the SHIPPED model: all of ANERCorp.train.txt + Wojood train
 *   npx tsx scripts/train-ner.ts [--holdout 0.1] [--dev-from F]   measure: hold out 10% of the ANERcorp sentences
 *       (the last 10% by default, or from fraction F), written to tmp/anercorp-dev.txt for
 *       `ana score --gold-format anercorp --gold tmp/anercorp-dev.txt`; the model goes to tmp/ner-heldout.json
 *   npx tsx scripts/train-ner.ts --cv 5 [--seeds S] [--cv-models]   K-fold cross-validation over ANERcorp
 *       (contiguous folds; tagger F1 per fold and mean ± sd); writes each fold's gold to tmp/anercorp-cv-K.txt
 *       and, with --cv-models, its model to tmp/ner-cv-K.json (or both under DIR with --cv-dir DIR, to run two
 *       experiments side by side) for
 *       scripts/cv-pipeline-ner.ts, which scores each fold through the whole pipeline
 *   other options: [--shared DIR] [--epochs N] [--seeds S] [--bits B (default 20)] [--no-wojood]
 *       [--wojood-weight 0.25] [--out models/ner.json] [--stacked-share 0.5] [--jack-parts 4]
 *       [--no-stacked] (a one-pass model: see src/recognise/entities/stacked.ts)
 *       [--seed-base N] (first shuffle seed, default 20260124: another base retrains with other shuffles, to see
 *       how much of a CV difference is the shuffles' noise; about ±0.3 points of the 5-fold mean)
 * The shipped model is stacked (two passes) with 2^20 feature buckets: 5-fold CV through the pipeline under the
 * ANERcorp guidelines 0.7788 -> 0.7850 (tagger alone 0.7629 -> 0.7810) over the one-pass model with 2^18 buckets.
 * The official ANERcorp test set is the text after the end of ANERCorp.train.txt, so the shipped model holds
 * nothing out; the held-out and CV modes exist only to measure.
 * Word clusters: models/clusters.txt, built from ../shared/data/news/ant-news.jsonl.gz (minus the news dev gold
 * articles) when missing or with --build-clusters (about a minute); they are stored inside the model file too.
 * Dense-vector word classes: models/wordvecs.txt (scripts/build-wordvecs.ts: SVD of PPMI, nested k-means), added to
 * each cluster entry as a 4th part; `--wordvecs PATH` reads another file, `--wordvecs none` leaves them out. 5-fold
 * CV: tagger 0.7506 -> 0.7628, pipeline 0.7468 -> 0.7593 (5/5 folds up), most of it from names unseen in training.
 * Fixed seed: the same data and options give the same model file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argValue, sharedDir } from './lib/shared';
import { buildClusters } from './lib/ner-clusters';
import { readAnercorp, readWojood, toTrainingDocs, type TrainingDoc } from './lib/ner-data';
import { viewTokens } from '../src/recognise/entities/text';
import { defaultGazetteer } from '../src/recognise/entities/gazetteer';
import { documentTopic, extractFeatures, lookups, MAX_FEATURES, type Clusters } from '../src/recognise/entities/features';
import { addEmissions, ALLOWED, emissions, emptyModel, NT, serialiseModel, TAGS, viterbi, type Model } from '../src/recognise/entities/model';
import { MAX_STACKED, secondPass, stackedFeatures } from '../src/recognise/entities/stacked';

const root = resolve(__dirname, '..');
const shared = sharedDir();
const epochs = Number(argValue('--epochs') ?? 8);
const bits = Number(argValue('--bits') ?? 20);
// --holdout F (default 0.1): hold out a window of F of the ANERcorp sentences for measuring; --holdout 0 trains on
// all of ANERCorp.train.txt: the shipped model. Only the shipped mode writes models/ner.json unless --out says otherwise.
const holdout = Number(argValue('--holdout') ?? 0.1);
const outPath = resolve(root, argValue('--out') ?? (holdout > 0 ? 'tmp/ner-heldout.json' : 'models/ner.json'));
const clusterPath = argValue('--clusters') ?? join(root, 'models/clusters.txt');
const useWojood = !process.argv.includes('--no-wojood');
/** Train a stacked model (second-pass features of src/recognise/entities/stacked.ts, jack-knifed first pass). */
const useStacked = !process.argv.includes('--no-stacked');
/** Share of the presentations in which a stacked model sees its stacked features. */
const stackedShare = Number(argValue('--stacked-share') ?? 0.5);
/** Parts of the jack-knife that gives the training data its first-pass tags. */
const jackParts = Number(argValue('--jack-parts') ?? 4);
/** Passive-aggressive step cap (0: plain perceptron steps). */
const paC = Number(argValue('--pa') ?? 0);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  /** Step size multiplier (Wojood sentences may count less than ANERcorp ones). */
  weight: number;
  n: number;
  feats: Int32Array;
  counts: Int32Array;
  gold: Uint8Array;
  /** Stacked features (MAX_STACKED slots per token) from a jack-knifed first pass, when training a stacked model. */
  stacked?: { feats: Int32Array; counts: Int32Array };
}

/** The sentences of one training document, and the word-form codes of its tokens (sentences laid end to end). */
interface DocExamples {
  sents: Example[];
  forms: Uint32Array;
}

function examples(docs: TrainingDoc[], clusters: Clusters | undefined, weight = 1): DocExamples[] {
  const gaz = defaultGazetteer();
  const out: DocExamples[] = [];
  for (const { doc, gold } of docs) {
    const views = viewTokens(doc.tokens);
    const sents = doc.sentences.filter((s) => s.tokenEnd > s.tokenStart);
    const topic = documentTopic(views);
    const looks = sents.map((s) => lookups(gaz, doc.tokens, views, s.tokenStart, s.tokenEnd, topic));
    const forms = new Uint32Array(sents.reduce((a, s) => a + s.tokenEnd - s.tokenStart, 0));
    const exs: Example[] = [];
    let at = 0;
    for (const [si, s] of sents.entries()) {
      const n = s.tokenEnd - s.tokenStart;
      const feats = new Int32Array(n * MAX_FEATURES);
      const counts = new Int32Array(n);
      extractFeatures(doc.tokens, views, s.tokenStart, s.tokenEnd, looks[si], clusters, bits, feats, counts, forms, at);
      exs.push({ weight, n, feats, counts, gold: gold.slice(s.tokenStart, s.tokenEnd) });
      at += n;
    }
    out.push({ sents: exs, forms });
  }
  return out;
}

/** Decode a document as the pipeline does (a second pass when the model is stacked); tags of its sentences end to end. */
function decodeDoc(m: Model, d: DocExamples): Uint8Array {
  const n = d.forms.length;
  const scores = new Float32Array(n * NT);
  const tags = new Uint8Array(n);
  const ranges: number[] = [];
  let at = 0;
  for (const ex of d.sents) {
    emissions(m, ex.feats, ex.counts, ex.n, scores, at);
    viterbi(m, scores, ex.n, tags, at);
    ranges.push(at, at + ex.n);
    at += ex.n;
  }
  if (m.stacked) secondPass(m, d.forms, n, ranges, scores, tags);
  return tags;
}

/** The training sentences of some documents, with jack-knifed stacked features when training a stacked model. */
function trainingSet(docs: DocExamples[], clusters: Clusters | undefined, t0: number): Example[] {
  if (useStacked) jackknife(docs, clusters, jackParts, t0);
  return docs.flatMap((d) => d.sents);
}

/**
 * Stacked features for training documents from a first pass that did not see them: the documents are cut into
 * `parts` contiguous parts, and each part is tagged by a plain model trained on the other parts (one seed).
 */
function jackknife(docs: DocExamples[], clusters: Clusters | undefined, parts: number, t0: number): void {
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((docs.length * p) / parts);
    const to = Math.floor((docs.length * (p + 1)) / parts);
    const rest = [...docs.slice(0, from), ...docs.slice(to)].flatMap((d) => d.sents);
    const m = train(rest, [], clusters, 1, t0, false, false);
    for (const d of docs.slice(from, to)) {
      const tags = decodeDoc(m, d);
      const n = d.forms.length;
      const feats = new Int32Array(n * MAX_STACKED);
      const counts = new Int32Array(n);
      stackedFeatures(d.forms, tags, n, bits, feats, counts);
      let at = 0;
      for (const ex of d.sents) {
        ex.stacked = { feats: feats.slice(at * MAX_STACKED, (at + ex.n) * MAX_STACKED), counts: counts.slice(at, at + ex.n) };
        at += ex.n;
      }
    }
  }
}

/** Entity spans of a tag sequence as "from:to:type" strings. */
function spans(tags: ArrayLike<number>, n: number): Set<string> {
  const out = new Set<string>();
  let k = 0;
  while (k < n) {
    const tag = TAGS[tags[k]];
    if (tag === 'O' || tag.startsWith('I-')) {
      k++;
      continue;
    }
    const type = tag.slice(2);
    const s = k++;
    while (k < n && TAGS[tags[k]] === 'I-' + type) k++;
    out.add(`${s}:${k}:${type}`);
  }
  return out;
}

function evaluate(m: Model, data: DocExamples[]): { p: number; r: number; f: number; byType: Record<string, number> } {
  let tp = 0, fp = 0, fn = 0;
  const per: Record<string, [number, number, number]> = { PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0] };
  for (const d of data) {
    const tags = decodeDoc(m, d);
    let at = 0;
    for (const ex of d.sents) {
      const sys = spans(tags.subarray(at, at + ex.n), ex.n);
      at += ex.n;
      const gold = spans(ex.gold, ex.n);
      for (const s of sys) {
        const type = s.split(':')[2];
        if (gold.has(s)) { tp++; per[type][0]++; } else { fp++; per[type][1]++; }
      }
      for (const g of gold) if (!sys.has(g)) { fn++; per[g.split(':')[2]][2]++; }
    }
  }
  const f1 = (a: number, b: number, c: number) => (2 * a) / (2 * a + b + c || 1);
  return { p: tp / (tp + fp || 1), r: tp / (tp + fn || 1), f: f1(tp, fp, fn), byType: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, f1(...v)])) };
}

function averaged(w: Float32Array, u: Float32Array, c: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i] - u[i] / c;
  return out;
}

/** Mean and sample standard deviation. */
function meanSd(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) : 0;
  return [m, Math.sqrt(v)];
}

function loadClusters(): Clusters | undefined {
  if (process.argv.includes('--build-clusters') || (!existsSync(clusterPath) && !process.argv.includes('--no-clusters'))) {
    // Word clusters from the news corpus, leaving out the articles of the news dev gold.
    const goldDir = join(shared, 'data/news-gold');
    const exclude = new Set(readdirSync(goldDir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')));
    const built = buildClusters(join(shared, 'data/news/ant-news.jsonl.gz'), { vocab: 30000, contexts: 600, depth: 12, minLeaf: 8, exclude });
    writeFileSync(clusterPath, [...built].map(([w, b]) => `${b}\t${w}`).join('\n') + '\n');
    console.log(`built ${built.size} word clusters -> ${clusterPath}`);
  }
  if (process.argv.includes('--no-clusters')) return undefined;
  const clusters: Clusters = new Map();
  for (const line of readFileSync(clusterPath, 'utf8').split('\n')) {
    const [bitsStr, word] = line.split('\t');
    if (word) clusters.set(word, bitsStr);
  }
  // optional one-sided clusters (left-only, right-only contexts), appended as "both;left;right"
  const left = argValue('--clusters-left');
  const right = argValue('--clusters-right');
  if (left && right) {
    const read = (p: string) => new Map(readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => { const [b, w] = l.split('\t'); return [w, b] as [string, string]; }));
    const l = read(left);
    const r = read(right);
    for (const [w, b] of clusters) clusters.set(w, `${b};${l.get(w) ?? ''};${r.get(w) ?? ''}`);
  }
  // classes of the dense word vectors (scripts/build-wordvecs.ts), appended as a 4th part: "both;left;right;c1,c2,c3"
  const dense = argValue('--wordvecs') ?? join(root, 'models/wordvecs.txt');
  if (dense !== 'none' && existsSync(dense)) {
    for (const line of readFileSync(dense, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const w = line.slice(0, tab);
      const parts = (clusters.get(w) ?? '').split(';');
      while (parts.length < 3) parts.push('');
      parts[3] = line.slice(tab + 1);
      clusters.set(w, parts.join(';'));
    }
  }
  return clusters;
}

/**
 * Train on `trainEx` (seeds averaged); returns the final model. `devEx` is only for the per-epoch progress lines
 * (empty when nothing is held out); no choice is made on it (the epoch count is fixed).
 */
function train(trainEx: Example[], devEx: DocExamples[], clusters: Clusters | undefined, seeds: number, t0: number, verbose: boolean, stacked = useStacked): Model {
  // One averaged perceptron per shuffle seed; with --seeds N > 1 the N weight vectors are averaged, which takes
  // away most of the run-to-run variance of a single perceptron (a one-entry gazetteer change moved dev F1 by 2 points).
  const trainOnce = (seed: number, verbose: boolean): { w: Float32Array; trans: Float32Array } => {
    const m = emptyModel(bits);
    const uw = new Float32Array(m.w.length);
    const ut = new Float32Array(m.trans.length);
    let c = 1;
    const rand = mulberry32(seed);
    const order = trainEx.map((_, i) => i);
    const maxN = Math.max(...trainEx.map((e) => e.n));
    const scores = new Float32Array(maxN * NT);
    const pred = new Uint8Array(maxN);
    let best = { epoch: 0, f: -1 };
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const oi of order) {
        const ex = trainEx[oi];
        emissions(m, ex.feats, ex.counts, ex.n, scores);
        // a stacked model sees its stacked features in half of the presentations: the pipeline decodes once
        // without them (the first pass) and once with them
        const st = stacked && ex.stacked && rand() < stackedShare ? ex.stacked : undefined;
        if (st) addEmissions(m, st.feats, st.counts, MAX_STACKED, ex.n, scores);
        viterbi(m, scores, ex.n, pred);
        // step size: 1 (perceptron), or passive-aggressive (PA-I): the smallest step that fixes the margin, at most C
        let tau = 1;
        if (paC > 0) {
          let diff = 0;
          let wrong = 0;
          let normSq = 0;
          for (let k = 0; k < ex.n; k++) {
            const g = ex.gold[k];
            const p = pred[k];
            const gp = k === 0 ? NT : ex.gold[k - 1];
            const pp = k === 0 ? NT : pred[k - 1];
            diff += scores[k * NT + p] - scores[k * NT + g] + m.trans[pp * NT + p] - m.trans[gp * NT + g];
            if (g !== p) {
              wrong++;
              normSq += 2 * ex.counts[k];
            }
            if (g !== p || gp !== pp) normSq += 2;
          }
          if (wrong === 0) {
            c++;
            continue;
          }
          tau = Math.min(paC, (diff + Math.sqrt(wrong)) / normSq);
        }
        tau *= ex.weight;
        for (let k = 0; k < ex.n; k++) {
          const g = ex.gold[k];
          const p = pred[k];
          const gp = k === 0 ? NT : ex.gold[k - 1];
          const pp = k === 0 ? NT : pred[k - 1];
          if (g !== p) {
            const base = k * MAX_FEATURES;
            const tc = tau * c;
            for (let f = 0; f < ex.counts[k]; f++) {
              const o = ex.feats[base + f] * NT;
              m.w[o + g] += tau; uw[o + g] += tc;
              m.w[o + p] -= tau; uw[o + p] -= tc;
            }
            if (st) {
              for (let f = 0; f < st.counts[k]; f++) {
                const o = st.feats[k * MAX_STACKED + f] * NT;
                m.w[o + g] += tau; uw[o + g] += tc;
                m.w[o + p] -= tau; uw[o + p] -= tc;
              }
            }
          }
          if (g !== p || gp !== pp) {
            if (ALLOWED[gp * NT + g]) { m.trans[gp * NT + g] += tau; ut[gp * NT + g] += tau * c; }
            m.trans[pp * NT + p] -= tau; ut[pp * NT + p] -= tau * c;
          }
        }
        c++;
      }
      if (!verbose || !devEx.length) continue;
      const avg: Model = { bits, w: averaged(m.w, uw, c), trans: averaged(m.trans, ut, c), clusters, stacked };
      const e = evaluate(avg, devEx);
      if (verbose) console.log(`epoch ${epoch}: dev P ${e.p.toFixed(4)} R ${e.r.toFixed(4)} F1 ${e.f.toFixed(4)}  ${JSON.stringify(Object.fromEntries(Object.entries(e.byType).map(([k, v]) => [k, +v.toFixed(3)])))}  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (e.f > best.f) best = { epoch, f: e.f };
    }
    return { w: averaged(m.w, uw, c), trans: averaged(m.trans, ut, c) };
  };
  const runs = Array.from({ length: seeds }, (_, k) => trainOnce(Number(argValue('--seed-base') ?? 20260124) + k, verbose && k === 0));
  const w = new Float32Array(runs[0].w.length);
  const trans = new Float32Array(runs[0].trans.length);
  for (const r of runs) {
    for (let i = 0; i < w.length; i++) w[i] += r.w[i] / seeds;
    for (let i = 0; i < trans.length; i++) trans[i] += r.trans[i] / seeds;
  }
  return { bits, w, trans, clusters, oBias: Number(argValue('--o-bias') ?? 0), ...(stacked ? { stacked } : {}) };
}

/** ANERcorp raw `token tag` lines (one per token that readAnercorp keeps, in the same order). */
function anercorpLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => {
    const p = l.trim().split(/\s+/);
    return p.length >= 2 && p[0] && p[0].replace(/[\u200E\u200F]/g, '');
  });
}

/**
 * K-fold cross-validation over ANERcorp: contiguous folds of sentences, each held out in turn; training on the
 * other folds plus Wojood. Each fold's gold is written to DIR/anercorp-cv-K.txt (DIR: --cv-dir, default tmp) and,
 * with --cv-models, its model to DIR/ner-cv-K.json; a gold and its model stay together, so that a 10-fold run
 * does not overwrite the golds of a 5-fold one in another directory. scripts/cv-pipeline-ner.ts scores them.
 */
const O_BIASES = [0, 1, 2, 3, 4, 6];

function crossValidate(k: number, clusters: Clusters | undefined, wojEx: DocExamples[], seeds: number, t0: number): void {
  const anerPath = join(shared, 'data/anercorp/ANERCorp.train.txt');
  const aner = readAnercorp(anerPath);
  const lines = anercorpLines(anerPath);
  const dir = resolve(root, argValue('--cv-dir') ?? 'tmp');
  mkdirSync(dir, { recursive: true });
  const fs: number[] = [];
  const sweep = new Map<number, number[]>();
  const rows: string[] = [];
  let tokOffset = 0;
  for (let f = 0; f < k; f++) {
    const from = Math.floor((aner.length * f) / k);
    const to = Math.floor((aner.length * (f + 1)) / k);
    const dev = aner.slice(from, to);
    const devTokens = dev.reduce((n, s) => n + s.tokens.length, 0);
    writeFileSync(join(dir, `anercorp-cv-${f}.txt`), lines.slice(tokOffset, tokOffset + devTokens).join('\n') + '\n');
    tokOffset += devTokens;
    const trainEx = trainingSet([...examples(toTrainingDocs([...aner.slice(0, from), ...aner.slice(to)]), clusters), ...wojEx], clusters, t0);
    const devEx = examples(toTrainingDocs(dev), clusters);
    const m = train(trainEx, devEx, clusters, seeds, t0, false);
    const e = evaluate(m, devEx);
    fs.push(e.f);
    // decode-time O bias (positive: fewer O tags, more recall), measured on each fold without retraining
    if (process.argv.includes('--sweep-o-bias')) for (const b of O_BIASES) sweep.set(b, [...(sweep.get(b) ?? []), evaluate({ ...m, oBias: b }, devEx).f]);
    const row = `fold ${f + 1}/${k} sentences ${from}-${to} (${devTokens} tokens): P ${e.p.toFixed(4)} R ${e.r.toFixed(4)} F1 ${e.f.toFixed(4)}  ${JSON.stringify(Object.fromEntries(Object.entries(e.byType).map(([t, v]) => [t, +v.toFixed(3)])))}  ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    rows.push(row);
    console.log(row);
    if (process.argv.includes('--cv-models')) {
      const file = serialiseModel(m, Number(argValue('--prune') ?? 0.05), `CV fold ${f + 1}/${k} model (not for shipping).`);
      writeFileSync(join(dir, `ner-cv-${f}.json`), JSON.stringify(file) + '\n');
    }
  }
  const [mean, sd] = meanSd(fs);
  for (const [b, xs] of sweep) console.log(`  O bias ${b}: CV micro-F1 ${meanSd(xs)[0].toFixed(4)} ± ${meanSd(xs)[1].toFixed(4)}  per fold ${xs.map((x) => x.toFixed(4)).join(' ')}`);
  console.log(`CV ${k} folds, ${epochs} epochs, ${seeds} seed(s): tagger exact micro-F1 ${mean.toFixed(4)} ± ${sd.toFixed(4)} (sd over folds)`);
}

function main(): void {
  const t0 = Date.now();
  const clusters = loadClusters();
  const woj = useWojood ? readWojood(join(shared, 'data/wojood/train.txt')) : [];
  // Wojood sentences step at a quarter of an ANERcorp one: 5-fold CV +0.4 points over weight 1 (5/5 folds up);
  // Wojood is another annotation scheme (nested, GPE/FAC mapped to LOC), useful but not to be followed as closely.
  const wojWeight = Number(argValue('--wojood-weight') ?? 0.25);
  const wojEx = examples(toTrainingDocs(woj), clusters, wojWeight);
  const seeds = Number(argValue('--seeds') ?? 5);
  const cv = Number(argValue('--cv') ?? 0);
  if (cv > 1) {
    crossValidate(cv, clusters, wojEx, seeds, t0);
    return;
  }
  const anerPath = join(shared, 'data/anercorp/ANERCorp.train.txt');
  const aner = readAnercorp(anerPath);
  // the held-out window starts at --dev-from (default: the last window)
  const devFrom = holdout > 0 ? Math.floor(aner.length * Number(argValue('--dev-from') ?? 1 - holdout)) : aner.length;
  const devTo = Math.min(aner.length, devFrom + Math.ceil(aner.length * holdout));
  const trainSents = [...aner.slice(0, devFrom), ...aner.slice(devTo)];
  const dev = aner.slice(devFrom, devTo);
  const devTokens = dev.reduce((n, s) => n + s.tokens.length, 0);
  if (dev.length) {
    // The held-out part as `token tag` lines (tags as in the corpus, MISC included) for `ana score`.
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const lines = anercorpLines(anerPath);
    const before = aner.slice(0, devFrom).reduce((n, s) => n + s.tokens.length, 0);
    writeFileSync(join(root, 'tmp/anercorp-dev.txt'), lines.slice(before, before + devTokens).join('\n') + '\n');
  }
  const trainEx = trainingSet([...examples(toTrainingDocs(trainSents), clusters), ...wojEx], clusters, t0);
  const devEx = examples(toTrainingDocs(dev), clusters);
  console.log(`train ${trainEx.length} sentences (${trainSents.length} ANERcorp + ${woj.length} Wojood), dev ${dev.length} (${devTokens} ANERcorp tokens); clusters ${clusters?.size ?? 0}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const final = train(trainEx, devEx, clusters, seeds, t0, true);
  if (process.argv.includes('--sweep-o-bias') && devEx.length) {
    for (const b of [0, 1, 2, 4, 6, 8, 12]) console.log(`  O bias ${b}: dev F1 ${evaluate({ ...final, oBias: b }, devEx).f.toFixed(4)}`);
  }
  const what = holdout > 0 ? `ANERcorp minus sentences ${devFrom}-${devTo}` : 'all of ANERCorp.train.txt';
  const file = serialiseModel(final, Number(argValue('--prune') ?? 0.05), `Trained by scripts/train-ner.ts (${epochs} epochs, ${seeds} seeds, 2^${bits} buckets, ${what} + ${useWojood ? `Wojood train at step weight ${wojWeight}` : 'no Wojood'}).`);
  mkdirSync(resolve(outPath, '..'), { recursive: true });
  writeFileSync(outPath, JSON.stringify(file) + '\n');
  const tail = devEx.length ? `, final dev F1 ${evaluate(final, devEx).f.toFixed(4)}` : ' (nothing held out)';
  console.log(`${seeds} seed(s); wrote ${outPath}: ${(JSON.stringify(file).length / 1e6).toFixed(2)} MB${tail}`);
}

main();
