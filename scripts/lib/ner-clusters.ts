/**
 * Word clusters for the entity tagger, learned from the news corpus (../shared/data/news/ant-news.jsonl.gz).
 * Brown clustering proper is too slow for our budget; this builds the same kind of object (a binary tree over the
 * vocabulary, each word named by its path of bits) by divisive clustering of distributional vectors:
 *   1. each of the V most frequent words gets a vector of PPMI weights over its left and right neighbours among the
 *      C most frequent words;
 *   2. the vocabulary is split in two by spherical 2-means, recursively, to a fixed depth.
 * Words that share a long prefix occur in similar contexts (given names, countries, companies, verbs…), which is
 * what the tagger's cluster-prefix features exploit. Deterministic (fixed seed).
 */
import { readCorpusWords } from './ner-corpus';


export interface ClusterOptions {
  vocab: number;
  contexts: number;
  depth: number;
  minLeaf: number;
  /** Article ids to leave out (the news dev gold). */
  exclude?: Set<string>;
  /** Which neighbours make the vectors: both (default), only the left or only the right one. */
  side?: 'both' | 'left' | 'right';
}

export function buildClusters(corpusPath: string, o: ClusterOptions): Map<string, string> {
  const { docs, freq, ranked } = readCorpusWords(corpusPath, o.exclude);
  const vocab = ranked.slice(0, o.vocab).map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const C = o.contexts;
  const dim = 2 * C;
  const V = vocab.length;
  const counts = new Float32Array(V * dim);
  const ctxTotals = new Float64Array(dim);
  const rowTotals = new Float64Array(V);
  let total = 0;
  for (const words of docs) {
    const ids = words.map((w) => vid.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i];
      if (w < 0) continue;
      const l = i > 0 ? ids[i - 1] : -1;
      const r = i + 1 < ids.length ? ids[i + 1] : -1;
      if (l >= 0 && l < C && o.side !== 'right') { counts[w * dim + l]++; ctxTotals[l]++; rowTotals[w]++; total++; }
      if (r >= 0 && r < C && o.side !== 'left') { counts[w * dim + C + r]++; ctxTotals[C + r]++; rowTotals[w]++; total++; }
    }
  }
  // PPMI, then unit length
  for (let w = 0; w < V; w++) {
    let norm = 0;
    for (let c = 0; c < dim; c++) {
      const n = counts[w * dim + c];
      if (n === 0) continue;
      const pmi = Math.log((n * total) / (rowTotals[w] * ctxTotals[c]));
      const v = pmi > 0 ? pmi : 0;
      counts[w * dim + c] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < dim; c++) counts[w * dim + c] /= norm;
  }
  const out = new Map<string, string>();
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const split = (members: number[], path: string): void => {
    if (path.length >= o.depth || members.length < o.minLeaf) {
      for (const m of members) out.set(vocab[m], path || '0');
      return;
    }
    // spherical 2-means, seeded with two members chosen by the fixed-seed generator
    let a = new Float64Array(dim);
    let b = new Float64Array(dim);
    const ia = members[Math.floor(rand() * members.length)];
    let ib = members[Math.floor(rand() * members.length)];
    if (ib === ia) ib = members[(members.indexOf(ia) + 1) % members.length];
    for (let c = 0; c < dim; c++) { a[c] = counts[ia * dim + c]; b[c] = counts[ib * dim + c]; }
    let assign = new Uint8Array(members.length);
    for (let iter = 0; iter < 8; iter++) {
      const na = new Float64Array(dim);
      const nb = new Float64Array(dim);
      for (let k = 0; k < members.length; k++) {
        const off = members[k] * dim;
        let sa = 0, sb = 0;
        for (let c = 0; c < dim; c++) {
          const x = counts[off + c];
          if (x === 0) continue;
          sa += x * a[c];
          sb += x * b[c];
        }
        assign[k] = sa >= sb ? 0 : 1;
        const t = assign[k] === 0 ? na : nb;
        for (let c = 0; c < dim; c++) t[c] += counts[off + c];
      }
      // spherical k-means: compare with unit-length centroids, or the larger cluster swallows everything
      let la = 0, lb = 0;
      for (let c = 0; c < dim; c++) { la += na[c] * na[c]; lb += nb[c] * nb[c]; }
      la = Math.sqrt(la) || 1;
      lb = Math.sqrt(lb) || 1;
      for (let c = 0; c < dim; c++) { na[c] /= la; nb[c] /= lb; }
      a = na;
      b = nb;
    }
    const left: number[] = [];
    const right: number[] = [];
    members.forEach((m, k) => (assign[k] === 0 ? left : right).push(m));
    if (left.length === 0 || right.length === 0) {
      for (const m of members) out.set(vocab[m], path || '0');
      return;
    }
    assign = new Uint8Array(0);
    split(left, path + '0');
    split(right, path + '1');
  };
  split(vocab.map((_, i) => i), '');
  return out;
}
