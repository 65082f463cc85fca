import type { Token } from '../../types';
import type { TokenView } from './text';
import { matchAt, triggerEndingAt, type Gazetteer } from './gazetteer';
import { WordMemo } from '../../memo';

/**
 * Features of the BIO tagger, hashed into 2^bits buckets. Training (scripts/train-ner.ts) and tagging call the
 * same code, so the model never sees a feature the tagger cannot produce.
 *
 * Speed: everything a token contributes on its own (its forms, affixes, shape, cluster) is hashed once per distinct
 * token and cached; a feature is then an integer mix of a template id and one or two such codes, with no string
 * built per feature.
 */

/** At most this many features per token. */
export const MAX_FEATURES = 64;

/** Optional word clusters (Brown-style bit strings) by folded word form. */
export type Clusters = Map<string, string>;

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** A feature code from a template id and one or two hashed pieces. */
export function mix(tid: number, a: number, b: number): number {
  let h = Math.imul(tid + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(b, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The hashed pieces of one token. Codes are stored as signed 32-bit integers (`| 0`), which V8 keeps inline as small
 * integers; as unsigned values above 2^30 each one was a separate heap number, and the memo of codes held a million
 * of them. Features mix the codes with Math.imul and ^, which read both forms as the same 32 bits, so the features
 * do not change.
 */
interface TokenCodes {
  core: number;
  bare: number;
  pre: number;
  /** Whole folded form, 0 when it equals core. */
  w: number;
  p2: number;
  p3: number;
  s1: number;
  s2: number;
  s3: number;
  shape: number;
  /** Cluster prefixes of length 4, 8, 12 and the whole path; 0 when the word has no cluster. */
  cl4: number;
  cl8: number;
  cl12: number;
  cl: number;
  /** Clusters of left-only and right-only contexts (prefix of 6 and whole path), 0 when absent. */
  clL6: number;
  clL: number;
  clR6: number;
  clR: number;
  /** Classes of the dense word vectors (models/wordvecs.txt), coarse, middle and fine; 0 when absent. */
  dv1: number;
  dv2: number;
  dv3: number;
  affixes: boolean;
  /** The word's form for the stacked features: core, but a final ى kept apart from ي (the fold makes the
   * preposition على the name علي, and one must not vote for the other); 0 for tokens that are not words. */
  form: number;
  /** What the entry was computed from, besides the text that keys it. */
  kind: string;
  norm: string;
  segmented: boolean;
}

const BOS = hashString('<s>') | 0;
const EOS = hashString('</s>') | 0;
const BOUNDARY: TokenCodes = { core: BOS, bare: BOS, pre: BOS, w: 0, p2: 0, p3: 0, s1: 0, s2: BOS, s3: 0, shape: BOS, cl4: 0, cl8: BOS, cl12: 0, cl: 0, clL6: 0, clL: 0, clR6: 0, clR: 0, dv1: 0, dv2: 0, dv3: 0, affixes: false, form: 0, kind: '', norm: '', segmented: false };
const BOUNDARY_END: TokenCodes = { ...BOUNDARY, core: EOS, bare: EOS, pre: EOS, s2: EOS, shape: EOS, cl8: EOS };

function shape(t: Token): string {
  switch (t.kind) {
    case 'latin': {
      const s = t.text;
      if (s === s.toUpperCase() && s.length > 1) return 'LU';
      if (s[0] === s[0].toUpperCase()) return 'Lc';
      return 'Ll';
    }
    case 'arabic':
      return t.norm.length <= 2 ? 'a2' : t.norm.length <= 4 ? 'a4' : t.norm.length <= 7 ? 'a7' : 'a8';
    default:
      return t.kind;
  }
}

const ALEF_MAQSURA_FINAL = /\u0649[\u064B-\u065F]*$/;

/** Distinct token texts per memo generation (see WordMemo). */
const CODE_MEMO_LIMIT = 50_000;
let codeCache = new WordMemo<TokenCodes>(CODE_MEMO_LIMIT);
let codeCacheClusters: Clusters | undefined;
const h32 = (s: string): number => hashString(s) | 0;

function codesOf(t: Token, v: TokenView, clusters: Clusters | undefined): TokenCodes {
  if (clusters !== codeCacheClusters) {
    codeCache = new WordMemo(CODE_MEMO_LIMIT);
    codeCacheClusters = clusters;
  }
  // A token's pieces follow from its kind, its text (which decides its clitic segments), its view form (which
  // depends on the normalisation options) and whether it was segmented: an entry is reused only when all agree.
  // A shorter key (the folded form) let «إليك» (إلي + ك) and «اليك» (Alec, read as ال + يك) share codes, so
  // results depended on which came first in a run. The text keys the map (no string built per token).
  const key = t.text;
  let c = codeCache.get(key);
  if (c && c.kind === t.kind && c.norm === t.norm && c.segmented === (t.segments !== undefined)) return c;
  const b = v.bare;
  const affixes = t.kind === 'arabic' || t.kind === 'latin';
  // a cluster entry is "both[;left;right[;dense]]": paths over both neighbours, then over the left and the right
  // one, then the classes of the dense vectors ("c1,c2,c3"); each part is taken from the core form, else the bare one
  const e1 = clusters?.get(v.core);
  const e2 = clusters && v.bare !== v.core ? clusters.get(v.bare) : undefined;
  const p1 = e1 ? e1.split(';') : [];
  const p2 = e2 ? e2.split(';') : [];
  const [cl, clLeft, clRight] = p1[0] ? p1 : p2[0] ? p2 : [];
  const dense = p1[3] || p2[3];
  const dv = dense ? dense.split(',') : [];
  const core = h32(v.core);
  c = {
    core,
    bare: h32(b),
    pre: h32(v.pre + (v.def ? '+ال' : '')),
    w: v.w !== v.core ? h32(v.w) : 0,
    p2: affixes ? h32(b.slice(0, 2)) : 0,
    p3: affixes ? h32(b.slice(0, 3)) : 0,
    s1: affixes ? h32(b.slice(-1)) : 0,
    s2: h32(b.slice(-2)),
    s3: affixes ? h32(b.slice(-3)) : 0,
    shape: h32(shape(t)),
    cl4: cl ? h32(cl.slice(0, 4)) : 0,
    cl8: cl ? h32(cl.slice(0, 8)) : 0,
    cl12: cl ? h32(cl.slice(0, 12)) : 0,
    cl: cl ? h32(cl) : 0,
    clL6: clLeft ? h32(clLeft.slice(0, 6)) : 0,
    clL: clLeft ? h32(clLeft) : 0,
    clR6: clRight ? h32(clRight.slice(0, 6)) : 0,
    clR: clRight ? h32(clRight) : 0,
    dv1: dv[0] ? h32(dv[0]) : 0,
    dv2: dv[1] ? h32(dv[1]) : 0,
    dv3: dv[2] ? h32(dv[2]) : 0,
    affixes,
    form: !affixes ? 0 : ALEF_MAQSURA_FINAL.test(t.text) ? h32(v.core + '\u0649') : core,
    kind: t.kind,
    norm: t.norm,
    segmented: t.segments !== undefined,
  };
  codeCache.set(key, c);
  return c;
}

/** Per-token gazetteer and trigger facts of one sentence, as hashed labels. */
export interface Lookups {
  /** Gazetteer labels covering each token, e.g. "B-LOC*" (* = own hand list, m = multi-word). */
  gaz: number[][];
  /** Trigger roles ending at each token. */
  trig: number[][];
  /** The document's topic code (documentTopic), 0 for none. */
  topic: number;
}

/**
 * Topics of documents, each from its own words (folded forms). A city or a country in a sports report is often a
 * club or a team (ميلان، برشلونة، قطر): the tagger learns this only if it knows what the document is about.
 * 5-fold ANERcorp CV through the pipeline: 0.787 -> 0.791, ORG 0.649 -> 0.662 (4 folds of 5 up). A second topic,
 * business (شركة، أسهم، البورصة …, companies against places), lost 0.4 points and was left out.
 */
const TOPICS: [string, Set<string>][] = [
  ['sports', new Set(['مباراه', 'المباراه', 'مباريات', 'الدوري', 'دوري', 'المنتخب', 'منتخب', 'البطوله', 'بطوله', 'هدف', 'هدفا', 'اهداف', 'الاهداف', 'لاعب', 'اللاعب', 'لاعبين', 'اللاعبين', 'لاعبي', 'المدرب', 'مدرب', 'الملعب', 'ملعب', 'تعادل', 'التعادل', 'الكره', 'كره', 'الهداف', 'المهاجم', 'مهاجم', 'الحارس', 'حارس', 'بطولات', 'الكاس', 'كاس', 'الفيفا', 'الاولمبيه', 'الشوط', 'شوط', 'المونديال', 'الميداليه', 'ميداليه'])],
];
const TOPIC_CODES = TOPICS.map(([name]) => hashString('topic:' + name));

/** The topic of a document from its words: the topic with most distinct words, if at least 4; else 0. */
export function documentTopic(views: readonly TokenView[]): number {
  const seen = TOPICS.map(() => new Set<string>());
  for (const v of views) for (let t = 0; t < TOPICS.length; t++) if (TOPICS[t][1].has(v.core)) seen[t].add(v.core);
  let best = -1;
  for (let t = 0; t < TOPICS.length; t++) if (seen[t].size >= 4 && (best < 0 || seen[t].size > seen[best].size)) best = t;
  return best < 0 ? 0 : TOPIC_CODES[best];
}

const TRIGGER_ROLES = ['per-title', 'org-head', 'org-inside', 'loc-head'];
const labelCodes = new Map<string, number>();
const labelCode = (s: string): number => {
  let c = labelCodes.get(s);
  if (c === undefined) labelCodes.set(s, (c = hashString(s)));
  return c;
};
const EMPTY: number[] = [];

export function lookups(g: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, topic = 0): Lookups {
  const gaz: number[][] = new Array(to - from).fill(EMPTY);
  const trig: number[][] = new Array(to - from).fill(EMPTY);
  const push = (arr: number[][], k: number, code: number) => {
    if (arr[k] === EMPTY) arr[k] = [code];
    else if (!arr[k].includes(code)) arr[k].push(code);
  };
  for (let i = from; i < to; i++) {
    const m = matchAt(g, tokens, views, i, to);
    if (m) {
      for (const e of m.entries) {
        const tag = e.type + (e.hand ? '*' : '');
        push(gaz, i - from, labelCode('B-' + tag + (m.to - m.from > 1 ? 'm' : '')));
        for (let j = i + 1; j < m.to; j++) push(gaz, j - from, labelCode('I-' + tag));
      }
    }
    if (g.triggerLast.has(views[i].w) || g.triggerLast.has(views[i].core)) {
      for (const role of TRIGGER_ROLES) if (triggerEndingAt(g, views, i, role, from)) push(trig, i - from, labelCode(role));
    }
  }
  return { gaz, trig, topic };
}

/**
 * Hashed features of the tokens [from, to) (one sentence), written to `out` (MAX_FEATURES slots per token) with
 * counts in `counts`. Neighbours outside the sentence are read as boundary markers. When `forms` is given, it
 * receives from index `formsAt` the code of each token's word form (0 for tokens that are not words), for the
 * stacked features.
 */
export function extractFeatures(
  tokens: readonly Token[],
  views: readonly TokenView[],
  from: number,
  to: number,
  look: Lookups,
  clusters: Clusters | undefined,
  bits: number,
  out: Int32Array,
  counts: Int32Array,
  forms?: Uint32Array,
  formsAt = 0,
): void {
  const mask = (1 << bits) - 1;
  const n = to - from;
  const codes: TokenCodes[] = new Array(n + 4);
  codes[0] = codes[1] = BOUNDARY;
  codes[n + 2] = codes[n + 3] = BOUNDARY_END;
  for (let i = from; i < to; i++) codes[i - from + 2] = codesOf(tokens[i], views[i], clusters);
  if (forms) for (let k = 0; k < n; k++) forms[formsAt + k] = codes[k + 2].form;
  for (let k = 0; k < n; k++) {
    const base = k * MAX_FEATURES;
    let f = 0;
    const c = codes[k + 2];
    const p1 = codes[k + 1];
    const p2 = codes[k];
    const n1 = codes[k + 3];
    const n2 = codes[k + 4];
    out[base + f++] = 0; // bias
    out[base + f++] = mix(1, c.core, 0) & mask;
    out[base + f++] = mix(2, p1.core, 0) & mask;
    out[base + f++] = mix(3, n1.core, 0) & mask;
    out[base + f++] = mix(4, p2.core, 0) & mask;
    out[base + f++] = mix(5, n2.core, 0) & mask;
    out[base + f++] = mix(6, c.bare, 0) & mask;
    out[base + f++] = mix(7, c.pre, 0) & mask;
    if (c.affixes) {
      out[base + f++] = mix(8, c.p2, 0) & mask;
      out[base + f++] = mix(9, c.p3, 0) & mask;
      out[base + f++] = mix(10, c.s2, 0) & mask;
      out[base + f++] = mix(11, c.s3, 0) & mask;
      out[base + f++] = mix(12, c.s1, 0) & mask;
    }
    out[base + f++] = mix(13, c.shape, 0) & mask;
    out[base + f++] = mix(14, p1.shape, 0) & mask;
    out[base + f++] = mix(15, n1.shape, 0) & mask;
    out[base + f++] = mix(16, p1.core, c.core) & mask;
    out[base + f++] = mix(17, c.core, n1.core) & mask;
    out[base + f++] = mix(30, p1.bare, 0) & mask;
    out[base + f++] = mix(31, n1.bare, 0) & mask;
    out[base + f++] = mix(24, n1.pre, 0) & mask;
    out[base + f++] = mix(32, p1.s2, 0) & mask;
    out[base + f++] = mix(33, n1.s2, 0) & mask;
    if (c.w) out[base + f++] = mix(25, c.w, 0) & mask;
    if (k === 0) out[base + f++] = mix(29, c.shape, 0) & mask;
    if (c.cl) {
      out[base + f++] = mix(26, c.cl4, 0) & mask;
      out[base + f++] = mix(27, c.cl8, 0) & mask;
      out[base + f++] = mix(28, c.cl12, 0) & mask;
      out[base + f++] = mix(34, c.cl, 0) & mask;
    }
    if (c.clL) {
      out[base + f++] = mix(44, c.clL6, 0) & mask;
      out[base + f++] = mix(45, c.clL, 0) & mask;
    }
    if (c.clR) {
      out[base + f++] = mix(46, c.clR6, 0) & mask;
      out[base + f++] = mix(47, c.clR, 0) & mask;
    }
    if (c.dv1) {
      out[base + f++] = mix(70, c.dv1, 0) & mask;
      out[base + f++] = mix(71, c.dv2, 0) & mask;
      out[base + f++] = mix(72, c.dv3, 0) & mask;
    }
    if (p1.dv2) out[base + f++] = mix(73, p1.dv2, 0) & mask;
    if (n1.dv2) out[base + f++] = mix(74, n1.dv2, 0) & mask;
    if (p1.cl8) out[base + f++] = mix(35, p1.cl8, 0) & mask;
    if (n1.cl8) out[base + f++] = mix(36, n1.cl8, 0) & mask;
    // word bigrams of the two left and the two right neighbours (سعادة السفير ‹X›, ‹X› بن سلطان), and the
    // previous bare form with this one: +0.3 to +0.4 points of CV micro-F1, consistent over the folds
    out[base + f++] = mix(61, p2.core, p1.core) & mask;
    out[base + f++] = mix(62, n1.core, n2.core) & mask;
    out[base + f++] = mix(63, p1.bare, c.bare) & mask;

    if (look.topic) {
      // the topic with the word, with its dense-vector class (cities as a class) and with its list labels below
      out[base + f++] = mix(80, look.topic, c.core) & mask;
      if (c.dv2) out[base + f++] = mix(81, look.topic, c.dv2) & mask;
    }
    const room = base + MAX_FEATURES;
    for (const g of look.gaz[k]) if (base + f < room) out[base + f++] = mix(18, g, 0) & mask;
    if (look.topic) for (const g of look.gaz[k]) if (base + f < room) out[base + f++] = mix(82, look.topic, g) & mask;
    if (k > 0) for (const g of look.gaz[k - 1]) if (base + f < room) out[base + f++] = mix(19, g, 0) & mask;
    if (k + 1 < n) for (const g of look.gaz[k + 1]) if (base + f < room) out[base + f++] = mix(20, g, 0) & mask;
    if (k > 0) for (const r of look.trig[k - 1]) if (base + f < room) out[base + f++] = mix(21, r, 0) & mask;
    for (const r of look.trig[k]) if (base + f < room) out[base + f++] = mix(22, r, 0) & mask;
    if (k > 1) for (const r of look.trig[k - 2]) if (base + f < room) out[base + f++] = mix(23, r, 0) & mask;
    counts[k] = f;
  }
}
