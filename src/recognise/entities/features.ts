import type { Token } from '../../types';
import type { TokenView } from './text';
import { matchAt, triggerEndingAt, type Gazetteer } from './gazetteer';

/**
 * Features of the BIO tagger, hashed. A feature is a template id plus a string; it is hashed (FNV-1a, no string
 * concatenation) into one of 2^bits buckets. Training (scripts/train-ner.ts) and tagging call the same code, so the
 * model never sees a feature the tagger cannot produce.
 */

/** At most this many features per token. */
export const MAX_FEATURES = 48;

/** Optional word clusters (Brown-style bit strings) by folded word form. */
export type Clusters = Map<string, string>;

function hash(tid: number, s: string, mask: number): number {
  let h = (0x811c9dc5 ^ Math.imul(tid + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // final avalanche so neighbouring templates do not share low bits
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & mask;
}

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

/** Per-token gazetteer and trigger facts, computed once per document span. */
export interface Lookups {
  /** Gazetteer labels covering each token, e.g. ["B-LOC*", "I-ORG"] (* = own hand list). */
  gaz: string[][];
  /** Trigger roles ending at each token. */
  trig: string[][];
}

const TRIGGER_ROLES = ['per-title', 'org-head', 'org-inside', 'loc-head'];

export function lookups(g: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number): Lookups {
  const gaz: string[][] = [];
  const trig: string[][] = [];
  for (let i = from; i < to; i++) {
    gaz.push([]);
    trig.push([]);
  }
  for (let i = from; i < to; i++) {
    const m = matchAt(g, tokens, views, i, to);
    if (m) {
      const seen = new Set<string>();
      for (const e of m.entries) {
        const tag = e.type + (e.hand ? '*' : '');
        if (seen.has(tag)) continue;
        seen.add(tag);
        gaz[i - from].push('B-' + tag + (m.to - m.from > 1 ? 'm' : ''));
        for (let j = i + 1; j < m.to; j++) gaz[j - from].push('I-' + tag);
      }
    }
    for (const role of TRIGGER_ROLES) if (triggerEndingAt(g, views, i, role, from)) trig[i - from].push(role);
  }
  return { gaz, trig };
}

/**
 * Hashed features of the tokens [from, to) (one sentence), written to `out` (MAX_FEATURES slots per token) with
 * counts in `counts`. Neighbours outside the sentence are read as boundary markers.
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
): void {
  const mask = (1 << bits) - 1;
  for (let i = from; i < to; i++) {
    const k = i - from;
    let n = 0;
    const base = k * MAX_FEATURES;
    const add = (tid: number, s: string) => {
      if (n < MAX_FEATURES) out[base + n++] = hash(tid, s, mask);
    };
    const t = tokens[i];
    const v = views[i];
    const p1 = i - 1 >= from ? views[i - 1] : undefined;
    const p2 = i - 2 >= from ? views[i - 2] : undefined;
    const n1 = i + 1 < to ? views[i + 1] : undefined;
    const n2 = i + 2 < to ? views[i + 2] : undefined;
    const c0 = v.core;
    add(0, '');
    add(1, c0);
    add(2, p1 ? p1.core : '<s>');
    add(3, n1 ? n1.core : '</s>');
    add(4, p2 ? p2.core : '<s>');
    add(5, n2 ? n2.core : '</s>');
    add(6, v.bare);
    add(7, v.pre + (v.def ? '+ال' : ''));
    const b = v.bare;
    if (t.kind === 'arabic' || t.kind === 'latin') {
      add(8, b.slice(0, 2));
      add(9, b.slice(0, 3));
      add(10, b.slice(-2));
      add(11, b.slice(-3));
      add(12, b.slice(-1));
    }
    const sh = shape(t);
    add(13, sh);
    add(14, p1 ? shape(tokens[i - 1]) : '<s>');
    add(15, n1 ? shape(tokens[i + 1]) : '</s>');
    add(16, (p1 ? p1.core : '<s>') + '|' + c0);
    add(17, c0 + '|' + (n1 ? n1.core : '</s>'));
    add(30, p1 ? p1.bare : '<s>');
    add(31, n1 ? n1.bare : '</s>');
    add(24, n1 ? n1.pre : '</s>');
    add(32, p1 ? p1.bare.slice(-2) : '<s>');
    add(33, n1 ? n1.bare.slice(-2) : '</s>');
    if (v.w !== c0) add(25, v.w);
    if (k === 0) add(29, sh);
    for (const g of look.gaz[k]) add(18, g);
    if (k > 0) for (const g of look.gaz[k - 1]) add(19, g);
    if (k + 1 < to - from) for (const g of look.gaz[k + 1]) add(20, g);
    if (k > 0) for (const r of look.trig[k - 1]) add(21, r);
    for (const r of look.trig[k]) add(22, r);
    if (k > 1) for (const r of look.trig[k - 2]) add(23, r);
    if (clusters) {
      const cl = clusters.get(c0) ?? clusters.get(v.bare);
      if (cl) {
        add(26, cl.slice(0, 4));
        add(27, cl.slice(0, 8));
        add(28, cl.slice(0, 12));
        add(34, cl);
      }
      const cp = p1 ? clusters.get(p1.core) : undefined;
      if (cp) add(35, cp.slice(0, 8));
      const cn = n1 ? clusters.get(n1.core) : undefined;
      if (cn) add(36, cn.slice(0, 8));
    }
    counts[k] = n;
  }
}
