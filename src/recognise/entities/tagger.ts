import type { EntityType, SegmentedDoc } from '../../types';
import type { TokenView } from './text';
import type { Gazetteer } from './gazetteer';
import { extractFeatures, lookups, MAX_FEATURES } from './features';
import { emissions, NT, TAGS, viterbi, type Model } from './model';

/** A span the model tagged: tokens [from, to), its type, and a confidence from the emission margins. */
export interface TaggedSpan {
  from: number;
  to: number;
  type: EntityType;
  confidence: number;
}

const TYPE_OF: EntityType[] = TAGS.map((t) => (t === 'O' ? 'PER' : t.slice(2)) as EntityType);

/** Scratch buffers reused across sentences (one tagger per thread; the stage is synchronous). */
let feats = new Int32Array(256 * MAX_FEATURES);
let counts = new Int32Array(256);
let scores = new Float32Array(256 * NT);
let tags = new Uint8Array(256);

function ensure(n: number): void {
  if (counts.length >= n) return;
  const size = Math.max(n, counts.length * 2);
  feats = new Int32Array(size * MAX_FEATURES);
  counts = new Int32Array(size);
  scores = new Float32Array(size * NT);
  tags = new Uint8Array(size);
}

/** Tag every sentence of the document with the model; returns the entity spans in token order. */
export function tagDocument(doc: SegmentedDoc, views: readonly TokenView[], gaz: Gazetteer, model: Model): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s of doc.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n <= 0) continue;
    ensure(n);
    const look = lookups(gaz, doc.tokens, views, s.tokenStart, s.tokenEnd);
    extractFeatures(doc.tokens, views, s.tokenStart, s.tokenEnd, look, model.clusters, model.bits, feats, counts);
    emissions(model, feats, counts, n, scores);
    viterbi(model, scores, n, tags);
    let k = 0;
    while (k < n) {
      const tag = tags[k];
      if (tag === 0) {
        k++;
        continue;
      }
      // tags are O, then B-X, I-X pairs: B at odd indices
      const bi = tag % 2 === 1 ? tag : tag - 1;
      const start = k;
      let margin = Infinity;
      do {
        // how much this token prefers the span's type (B or I) over O
        const r = k * NT;
        const d = Math.max(scores[r + bi], scores[r + bi + 1]) - scores[r];
        if (d < margin) margin = d;
        k++;
      } while (k < n && tags[k] === bi + 1);
      const confidence = Math.round((1 / (1 + Math.exp(-margin / 8))) * 1000) / 1000;
      out.push({ from: s.tokenStart + start, to: s.tokenStart + k, type: TYPE_OF[bi], confidence });
    }
  }
  return out;
}
