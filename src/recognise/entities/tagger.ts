import type { EntityType, SegmentedDoc } from '../../types';
import type { TokenView } from './text';
import type { Gazetteer } from './gazetteer';
import { documentTopic, extractFeatures, lookups, MAX_FEATURES } from './features';
import { emissions, NT, TAGS, viterbi, type Model } from './model';
import { secondPass } from './stacked';

/** A span the model tagged: tokens [from, to), its type, and a confidence from the emission margins. */
export interface TaggedSpan {
  from: number;
  to: number;
  type: EntityType;
  confidence: number;
}

const TYPE_OF: EntityType[] = TAGS.map((t) => (t === 'O' ? 'PER' : t.slice(2)) as EntityType);

/** Scratch buffers reused across documents (one tagger per thread; the stage is synchronous): features of one
 * sentence, scores, tags and word forms of the whole document (the second pass reads the whole document). */
let feats = new Int32Array(256 * MAX_FEATURES);
let counts = new Int32Array(256);
let scores = new Float32Array(1024 * NT);
let tags = new Uint8Array(1024);
let forms = new Uint32Array(1024);

function ensure(sentence: number, doc: number): void {
  if (counts.length < sentence) {
    const size = Math.max(sentence, counts.length * 2);
    feats = new Int32Array(size * MAX_FEATURES);
    counts = new Int32Array(size);
  }
  if (tags.length < doc) {
    const size = Math.max(doc, tags.length * 2);
    scores = new Float32Array(size * NT);
    tags = new Uint8Array(size);
    forms = new Uint32Array(size);
  }
}

/** Tag every sentence of the document with the model; returns the entity spans in token order. */
export function tagDocument(doc: SegmentedDoc, views: readonly TokenView[], gaz: Gazetteer, model: Model): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const total = doc.tokens.length;
  let longest = 0;
  for (const s of doc.sentences) longest = Math.max(longest, s.tokenEnd - s.tokenStart);
  ensure(longest, total);
  // tokens outside every sentence are no word form for the second pass
  if (model.stacked) forms.fill(0, 0, total);
  const ranges: number[] = [];
  const topic = documentTopic(views);
  for (const s of doc.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n <= 0) continue;
    ranges.push(s.tokenStart, s.tokenEnd);
    const look = lookups(gaz, doc.tokens, views, s.tokenStart, s.tokenEnd, topic);
    extractFeatures(doc.tokens, views, s.tokenStart, s.tokenEnd, look, model.clusters, model.bits, feats, counts, model.stacked ? forms : undefined, s.tokenStart);
    emissions(model, feats, counts, n, scores, s.tokenStart);
    viterbi(model, scores, n, tags, s.tokenStart);
  }
  if (model.stacked) secondPass(model, forms, total, ranges, scores, tags);
  for (let r = 0; r < ranges.length; r += 2) {
    const end = ranges[r + 1];
    let k = ranges[r];
    while (k < end) {
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
        const o = k * NT;
        const d = Math.max(scores[o + bi], scores[o + bi + 1]) - scores[o];
        if (d < margin) margin = d;
        k++;
      } while (k < end && tags[k] === bi + 1);
      const confidence = Math.round((1 / (1 + Math.exp(-margin / 8))) * 1000) / 1000;
      out.push({ from: start, to: k, type: TYPE_OF[bi], confidence });
    }
  }
  return out;
}
