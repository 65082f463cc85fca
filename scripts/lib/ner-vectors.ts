/**
 * Dense word vectors and their k-means classes for the entity tagger, learned from the news corpus
 * (../shared/data/news/ant-news.jsonl.gz, minus the news dev gold articles):
 *   1. each of the V most frequent folded words gets a sparse vector of PPMI weights over its left and its right
 *      neighbour among the C most frequent words (context counts smoothed with exponent 0.75);
 *   2. truncated SVD of that V x 2C matrix by randomized power iteration gives `dim` dimensions per word
 *      (U Σ^0.5, rows scaled to unit length);
 *   3. spherical k-means on the unit vectors, nested: K1 classes, each split into K2, each of those into K3.
 * A word is then named by three class ids, coarse to fine ("12,97,388"). Deterministic (fixed seed, fixed order).
 */
import { readCorpusWords } from './ner-corpus';


export interface VectorOptions {
  vocab: number;
  contexts: number;
  dim: number;
  /** Branching of the nested k-means: e.g. [64, 8, 4] gives 64, 512 and 2048 classes. */
  ks: number[];
  exclude?: Set<string>;
  log?: (s: string) => void;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

/** Orthonormalise the l columns of the n x l row-major matrix Y in place (modified Gram-Schmidt). */
function orthonormalise(Y: Float64Array, n: number, l: number): void {
  for (let j = 0; j < l; j++) {
    for (let p = 0; p < j; p++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += Y[i * l + j] * Y[i * l + p];
      for (let i = 0; i < n; i++) Y[i * l + j] -= d * Y[i * l + p];
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += Y[i * l + j] * Y[i * l + j];
    s = Math.sqrt(s) || 1;
    for (let i = 0; i < n; i++) Y[i * l + j] /= s;
  }
}

/** Eigen-decomposition of a symmetric l x l matrix (cyclic Jacobi). Returns eigenvalues and column eigenvectors. */
function jacobi(A: Float64Array, l: number): { vals: Float64Array; vecs: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p], akq = a[k * l + q];
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k], aqk = a[q * l + k];
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p], vkq = v[k * l + q];
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const vals = new Float64Array(l);
  for (let i = 0; i < l; i++) vals[i] = a[i * l + i];
  return { vals, vecs: v };
}

/** Spherical k-means of the given rows of X (n x d, unit rows) into k classes; returns the class of each member. */
function kmeans(X: Float32Array, d: number, members: Int32Array, k: number, rand: () => number, iters: number): Int32Array {
  const m = members.length;
  const assign = new Int32Array(m);
  if (m <= k) {
    for (let i = 0; i < m; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float64Array(k * d);
  // seeds: k distinct members picked by the fixed-seed generator
  const used = new Set<number>();
  for (let c = 0; c < k; c++) {
    let i = Math.floor(rand() * m);
    while (used.has(i)) i = (i + 1) % m;
    used.add(i);
    for (let j = 0; j < d; j++) cent[c * d + j] = X[members[i] * d + j];
  }
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < m; i++) {
      const off = members[i] * d;
      let best = 0, bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * d;
        for (let j = 0; j < d; j++) s += X[off + j] * cent[co + j];
        if (s > bestS) { bestS = s; best = c; }
      }
      assign[i] = best;
    }
    cent.fill(0);
    const size = new Int32Array(k);
    for (let i = 0; i < m; i++) {
      const off = members[i] * d, co = assign[i] * d;
      size[assign[i]]++;
      for (let j = 0; j < d; j++) cent[co + j] += X[off + j];
    }
    for (let c = 0; c < k; c++) {
      if (size[c] === 0) {
        const i = Math.floor(rand() * m);
        for (let j = 0; j < d; j++) cent[c * d + j] = X[members[i] * d + j];
        continue;
      }
      let s = 0;
      for (let j = 0; j < d; j++) s += cent[c * d + j] ** 2;
      s = Math.sqrt(s) || 1;
      for (let j = 0; j < d; j++) cent[c * d + j] /= s;
    }
  }
  return assign;
}

export function buildVectorClasses(corpusPath: string, o: VectorOptions): Map<string, string> {
  const log = o.log ?? (() => {});
  const t0 = Date.now();
  const { docs, freq, ranked } = readCorpusWords(corpusPath, o.exclude);
  const vocab = ranked.slice(0, o.vocab).map(([w]) => w);
  log(`${docs.length} docs, ${freq.size} word forms; vocabulary ${vocab.length} (last count ${ranked[vocab.length - 1]?.[1]}); ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const C = o.contexts;
  const D = 2 * C;
  // co-occurrence pairs as numeric keys row * D + col, sorted and run-length counted into CSR
  let n = 0;
  for (const words of docs) n += 2 * words.length;
  const keys = new Float64Array(n);
  let nk = 0;
  for (const words of docs) {
    const ids = words.map((w) => vid.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i];
      if (w < 0) continue;
      const l = i > 0 ? ids[i - 1] : -1;
      const r = i + 1 < ids.length ? ids[i + 1] : -1;
      if (l >= 0 && l < C) keys[nk++] = w * D + l;
      if (r >= 0 && r < C) keys[nk++] = w * D + C + r;
    }
  }
  const sorted = keys.subarray(0, nk).sort();
  const rowPtr = new Int32Array(V + 1);
  const colsA: number[] = [];
  const valsA: number[] = [];
  for (let i = 0; i < nk; ) {
    const key = sorted[i];
    let j = i;
    while (j < nk && sorted[j] === key) j++;
    const row = Math.floor(key / D);
    colsA.push(key - row * D);
    valsA.push(j - i);
    rowPtr[row + 1]++;
    i = j;
  }
  for (let r = 0; r < V; r++) rowPtr[r + 1] += rowPtr[r];
  const cols = Int32Array.from(colsA);
  const vals = Float32Array.from(valsA);
  const nnz = cols.length;
  log(`${nk} context events, ${nnz} non-zero cells; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // PPMI with context distribution smoothing (alpha 0.75)
  const rowTot = new Float64Array(V);
  const colTot = new Float64Array(D);
  for (let r = 0; r < V; r++) for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) { rowTot[r] += vals[p]; colTot[cols[p]] += vals[p]; }
  let total = 0;
  for (let r = 0; r < V; r++) total += rowTot[r];
  const colS = new Float64Array(D);
  let colSum = 0;
  for (let c = 0; c < D; c++) { colS[c] = Math.pow(colTot[c], 0.75); colSum += colS[c]; }
  for (let r = 0; r < V; r++) {
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
      const pmi = Math.log((vals[p] / total) / ((rowTot[r] / total) * (colS[cols[p]] / colSum)));
      vals[p] = pmi > 0 ? pmi : 0;
    }
  }
  // randomized SVD: Y = A Ω, power iterations Y = A Aᵀ Y, Q = orth(Y), B = Qᵀ A, eig(B Bᵀ)
  const l = o.dim + 16;
  const rand = rng(20261124);
  const gauss = () => {
    const u = rand() || 1e-12, v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const Om = new Float64Array(D * l);
  for (let i = 0; i < Om.length; i++) Om[i] = gauss();
  const mulA = (M: Float64Array): Float64Array => { // A (V x D) times M (D x l)
    const Y = new Float64Array(V * l);
    for (let r = 0; r < V; r++) {
      const yo = r * l;
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const x = vals[p];
        if (x === 0) continue;
        const mo = cols[p] * l;
        for (let j = 0; j < l; j++) Y[yo + j] += x * M[mo + j];
      }
    }
    return Y;
  };
  const mulAt = (Y: Float64Array): Float64Array => { // Aᵀ (D x V) times Y (V x l)
    const Z = new Float64Array(D * l);
    for (let r = 0; r < V; r++) {
      const yo = r * l;
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const x = vals[p];
        if (x === 0) continue;
        const zo = cols[p] * l;
        for (let j = 0; j < l; j++) Z[zo + j] += x * Y[yo + j];
      }
    }
    return Z;
  };
  let Y = mulA(Om);
  orthonormalise(Y, V, l);
  for (let it = 0; it < 3; it++) {
    const Z = mulAt(Y);
    orthonormalise(Z, D, l);
    Y = mulA(Z);
    orthonormalise(Y, V, l);
  }
  const Bt = mulAt(Y); // D x l, = (Qᵀ A)ᵀ
  const BBt = new Float64Array(l * l);
  for (let c = 0; c < D; c++) for (let i = 0; i < l; i++) { const x = Bt[c * l + i]; if (x) for (let j = 0; j < l; j++) BBt[i * l + j] += x * Bt[c * l + j]; }
  const { vals: ev, vecs } = jacobi(BBt, l);
  const order = [...ev.keys()].sort((a, b) => ev[b] - ev[a]).slice(0, o.dim);
  log(`SVD: top singular values ${order.slice(0, 5).map((i) => Math.sqrt(Math.max(0, ev[i])).toFixed(1)).join(' ')}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // word vectors: Q U_B Σ^0.5, unit rows
  const d = o.dim;
  const X = new Float32Array(V * d);
  for (let r = 0; r < V; r++) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const e = order[k];
      const w = Math.pow(Math.max(ev[e], 0), 0.25);
      let x = 0;
      for (let j = 0; j < l; j++) x += Y[r * l + j] * vecs[j * l + e];
      X[r * d + k] = x * w;
      s += (x * w) ** 2;
    }
    s = Math.sqrt(s) || 1;
    for (let k = 0; k < d; k++) X[r * d + k] /= s;
  }
  // nested spherical k-means
  const ids: string[] = new Array(V).fill('');
  let groups: Int32Array[] = [Int32Array.from(vocab.keys())];
  let level = 0;
  for (const k of o.ks) {
    const next: Int32Array[] = [];
    let base = 0;
    for (const g of groups) {
      const a = kmeans(X, d, g, k, rand, 10);
      const parts: number[][] = Array.from({ length: k }, () => []);
      for (let i = 0; i < g.length; i++) parts[a[i]].push(g[i]);
      for (let c = 0; c < k; c++) {
        if (parts[c].length === 0) continue;
        for (const w of parts[c]) ids[w] += (level ? ',' : '') + (base + c).toString(36);
        next.push(Int32Array.from(parts[c]));
      }
      base += k;
    }
    groups = next;
    level++;
    log(`k-means level ${level}: ${groups.length} classes; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const out = new Map<string, string>();
  for (let w = 0; w < V; w++) out.set(vocab[w], ids[w]);
  return out;
}
