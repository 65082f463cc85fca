import { MAX_FEATURES } from './features';

/**
 * A linear BIO tagger over hashed features: emission weights per (bucket, tag), transition weights per tag pair,
 * and Viterbi decoding that only allows I-X after B-X or I-X. scripts/train-ner.ts learns the weights with an
 * averaged structured perceptron and writes them with `serialiseModel`; `loadModel` reads them back.
 */

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const NT = TAGS.length;
export type Tag = (typeof TAGS)[number];

export interface Model {
  bits: number;
  /** Emission weights, bucket-major: w[bucket * NT + tag] (training; empty in a loaded model, which uses q). */
  w: Float32Array;
  /** A loaded model's weights as stored, 16-bit, times `scale`: half the memory of w, and the emission loop's
   * random reads into it miss the cache half as often (the entity stage ran 10-20% faster). */
  q?: Int16Array;
  scale?: number;
  /** Transition weights trans[prev * NT + tag]; row NT is the sentence start. */
  trans: Float32Array;
  /** Word clusters the model was trained with (folded form -> bit string), if any. */
  clusters?: Map<string, string>;
  /** Subtracted from the O score at decoding: trades precision for recall (0: the trained model as is). */
  oBias?: number;
  /** Trained with the stacked features of ./stacked.ts: decode twice, the second time with them. */
  stacked?: boolean;
}

/** allowed[prev * NT + tag]: I-X only after B-X or I-X (prev = NT: sentence start). */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  for (let p = 0; p <= NT; p++) {
    for (let t = 0; t < NT; t++) {
      const tag = TAGS[t];
      if (!tag.startsWith('I-')) a[p * NT + t] = 1;
      else if (p < NT && TAGS[p].slice(2) === tag.slice(2)) a[p * NT + t] = 1;
    }
  }
  return a;
})();

export function emptyModel(bits: number): Model {
  return { bits, w: new Float32Array((1 << bits) * NT), trans: new Float32Array((NT + 1) * NT) };
}

/** Emission scores of n tokens into `scores` (n * NT rows from row `at`). */
export function emissions(m: Model, feats: Int32Array, counts: Int32Array, n: number, scores: Float32Array, at = 0): void {
  if (m.q) return emissionsQ(m.q, m.scale ?? 1, m.oBias ?? 0, feats, counts, n, scores, at);
  const w = m.w;
  const ob = m.oBias ?? 0;
  for (let k = 0; k < n; k++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    const base = k * MAX_FEATURES;
    for (let f = 0; f < counts[k]; f++) {
      const o = feats[base + f] * NT;
      s0 += w[o]; s1 += w[o + 1]; s2 += w[o + 2]; s3 += w[o + 3]; s4 += w[o + 4]; s5 += w[o + 5]; s6 += w[o + 6];
    }
    const r = (at + k) * NT;
    scores[r] = s0 - ob; scores[r + 1] = s1; scores[r + 2] = s2; scores[r + 3] = s3; scores[r + 4] = s4; scores[r + 5] = s5; scores[r + 6] = s6;
  }
}

/** emissions() over 16-bit weights: integer sums, scaled once per token. A copy of its loop on purpose: one loop
 * over either array type would make the hottest read in the stage polymorphic (a tagged pipeline reads only Int16
 * weights, training only Float32 ones). */
function emissionsQ(q: Int16Array, scale: number, ob: number, feats: Int32Array, counts: Int32Array, n: number, scores: Float32Array, at: number): void {
  for (let k = 0; k < n; k++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    const base = k * MAX_FEATURES;
    for (let f = 0; f < counts[k]; f++) {
      const o = feats[base + f] * NT;
      s0 += q[o]; s1 += q[o + 1]; s2 += q[o + 2]; s3 += q[o + 3]; s4 += q[o + 4]; s5 += q[o + 5]; s6 += q[o + 6];
    }
    const r = (at + k) * NT;
    scores[r] = s0 * scale - ob; scores[r + 1] = s1 * scale; scores[r + 2] = s2 * scale; scores[r + 3] = s3 * scale;
    scores[r + 4] = s4 * scale; scores[r + 5] = s5 * scale; scores[r + 6] = s6 * scale;
  }
}

/** Add the weights of extra features (`stride` slots per token, counts in `counts`) to emission scores. */
export function addEmissions(m: Model, feats: Int32Array, counts: Int32Array, stride: number, n: number, scores: Float32Array): void {
  if (m.q) {
    const q = m.q;
    const scale = m.scale ?? 1;
    for (let k = 0; k < n; k++) {
      const r = k * NT;
      for (let f = 0; f < counts[k]; f++) {
        const o = feats[k * stride + f] * NT;
        for (let t = 0; t < NT; t++) scores[r + t] += q[o + t] * scale;
      }
    }
    return;
  }
  const w = m.w;
  for (let k = 0; k < n; k++) {
    const c = counts[k];
    if (c === 0) continue;
    const r = k * NT;
    for (let f = 0; f < c; f++) {
      const o = feats[k * stride + f] * NT;
      scores[r] += w[o]; scores[r + 1] += w[o + 1]; scores[r + 2] += w[o + 2]; scores[r + 3] += w[o + 3];
      scores[r + 4] += w[o + 4]; scores[r + 5] += w[o + 5]; scores[r + 6] += w[o + 6];
    }
  }
}

/** Best allowed tag sequence for the n tokens from `at` given their emission scores; written to `tags` from `at`
 * (an offset rather than a subarray view per sentence, which would allocate). */
let deltaBuf = new Float64Array(256 * NT);
let backBuf = new Uint8Array(256 * NT);

export function viterbi(m: Model, scores: Float32Array, n: number, tags: Uint8Array, at = 0): void {
  if (n === 0) return;
  if (deltaBuf.length < n * NT) {
    deltaBuf = new Float64Array(n * NT * 2);
    backBuf = new Uint8Array(n * NT * 2);
  }
  const delta = deltaBuf;
  const back = backBuf;
  const tr = m.trans;
  const sc = at * NT;
  for (let t = 0; t < NT; t++) delta[t] = ALLOWED[NT * NT + t] ? scores[sc + t] + tr[NT * NT + t] : -Infinity;
  // ALLOWED spelled out (the decoder is among the hottest loops): O and B-X follow any tag, I-X only B-X or I-X
  for (let k = 1; k < n; k++) {
    const prev = (k - 1) * NT;
    const row = k * NT;
    for (let t = 0; t < NT; t++) {
      let best: number;
      let arg: number;
      if (t === 0 || t % 2 === 1) {
        best = delta[prev] + tr[t];
        arg = 0;
        for (let p = 1; p < NT; p++) {
          const s = delta[prev + p] + tr[p * NT + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      } else {
        best = delta[prev + t - 1] + tr[(t - 1) * NT + t];
        arg = t - 1;
        const s = delta[prev + t] + tr[t * NT + t];
        if (s > best) {
          best = s;
          arg = t;
        }
      }
      delta[row + t] = best + scores[sc + row + t];
      back[row + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < NT; t++) {
    if (delta[(n - 1) * NT + t] > best) {
      best = delta[(n - 1) * NT + t];
      arg = t;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    tags[at + k] = arg;
    arg = back[k * NT + arg];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Storage: only buckets with a non-zero weight, quantised to 16 bits, base64 (no Buffer: the core runs in browsers).

export interface ModelFile {
  format: 'ana-ner-perceptron';
  version: 1;
  bits: number;
  tags: string[];
  scale: number;
  trans: number[];
  /** base64 of Uint32 bucket indices (ascending). */
  index: string;
  /** base64 of Int16 rows of NT quantised weights, one row per stored bucket. */
  weights: string;
  /** Word clusters: "form\tbits" lines. */
  clusters?: string;
  oBias?: number;
  stacked?: boolean;
  about?: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

function fromBase64(s: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  let len = (s.length / 4) * 3;
  if (s.endsWith('==')) len -= 2;
  else if (s.endsWith('=')) len -= 1;
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n = (lookup[s.charCodeAt(i)] << 18) | (lookup[s.charCodeAt(i + 1)] << 12) | (lookup[s.charCodeAt(i + 2)] << 6) | lookup[s.charCodeAt(i + 3)];
    if (o < len) out[o++] = (n >> 16) & 255;
    if (o < len) out[o++] = (n >> 8) & 255;
    if (o < len) out[o++] = n & 255;
  }
  return out;
}

/** Write a model; weights whose magnitude is below `prune` are dropped. */
export function serialiseModel(m: Model, prune: number, about?: string): ModelFile {
  let max = 0;
  for (let i = 0; i < m.w.length; i++) max = Math.max(max, Math.abs(m.w[i]));
  const scale = max / 32767 || 1;
  const idx: number[] = [];
  const rows: number[] = [];
  const nb = 1 << m.bits;
  for (let b = 0; b < nb; b++) {
    let keep = false;
    for (let t = 0; t < NT; t++) if (Math.abs(m.w[b * NT + t]) >= prune) keep = true;
    if (!keep) continue;
    idx.push(b);
    for (let t = 0; t < NT; t++) rows.push(Math.round(m.w[b * NT + t] / scale));
  }
  const clusters = m.clusters ? [...m.clusters].map(([k, v]) => `${k}\t${v}`).join('\n') : undefined;
  return {
    format: 'ana-ner-perceptron',
    version: 1,
    bits: m.bits,
    tags: [...TAGS],
    scale,
    trans: [...m.trans].map((x) => Math.round(x * 1e4) / 1e4),
    index: toBase64(new Uint8Array(new Uint32Array(idx).buffer)),
    weights: toBase64(new Uint8Array(new Int16Array(rows).buffer)),
    ...(clusters ? { clusters } : {}),
    ...(m.oBias ? { oBias: m.oBias } : {}),
    ...(m.stacked ? { stacked: true } : {}),
    ...(about ? { about } : {}),
  };
}

export function loadModel(f: ModelFile): Model {
  if (f.format !== 'ana-ner-perceptron' || f.tags.join() !== TAGS.join()) throw new Error('unsupported NER model file');
  const m: Model = { bits: f.bits, w: new Float32Array(0), q: new Int16Array((1 << f.bits) * NT), scale: f.scale, trans: new Float32Array((NT + 1) * NT) };
  m.trans.set(f.trans);
  const ib = fromBase64(f.index);
  const wb = fromBase64(f.weights);
  const idx = new Uint32Array(ib.buffer, ib.byteOffset, ib.byteLength / 4);
  const rows = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength / 2);
  const q = m.q!;
  for (let r = 0; r < idx.length; r++) for (let t = 0; t < NT; t++) q[idx[r] * NT + t] = rows[r * NT + t];
  if (f.oBias) m.oBias = f.oBias;
  if (f.stacked) m.stacked = true;
  if (f.clusters) {
    m.clusters = new Map();
    for (const line of f.clusters.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) m.clusters.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return m;
}
