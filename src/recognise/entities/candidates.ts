import type { EntityMention, EntityType, Token } from '../../types';

/** A proposed mention, before overlaps between components are resolved. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  component: EntityMention['component'];
  confidence: number;
  /** Priority among candidates of equal length: lower wins. */
  rank: number;
  /** Length in tokens (longest first). */
  tokens: number;
}

/** A candidate from a header span; it outranks every other candidate (counted as 10 tokens longer). */
export function fromSpan(s: { start: number; end: number; text: string }, type: EntityType, component: EntityMention['component'], confidence: number, rank: number): Candidate {
  return { start: s.start, end: s.end, type, component, confidence, rank, tokens: s.text.split(/\s+/).length + 10 };
}

/**
 * Keep the longest candidates first; a candidate overlapping a kept one is dropped. Output in text order. With
 * `modelFirst`, the tagger's candidates are kept before those of the gazetteer and the rules (after the header's),
 * whatever their length: its spans then follow the conventions of the corpus it was trained on.
 */
export function resolve(cands: Candidate[], modelFirst = false): Candidate[] {
  const tier = (c: Candidate) => (modelFirst && c.component === 'model' ? 0 : 1);
  const header = (c: Candidate) => (c.component === 'header' ? 0 : 1);
  const sorted = [...cands].sort((a, b) => (modelFirst ? header(a) - header(b) || tier(a) - tier(b) : 0) || b.tokens - a.tokens || a.rank - b.rank || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Index of the token containing an original offset, or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else if (tokens[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
