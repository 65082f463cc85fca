/** Precision, recall and F1 from counts; each object carries its counts so totals can be re-derived. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function prf({ tp, fp, fn }: Counts): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1), tp, fp, fn };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export interface Typed {
  start: number;
  end: number;
  type: string;
}

export type MatchMode = 'exact' | 'overlap';

/**
 * One-to-one matching of system to gold spans of the same type. Exact: identical boundaries. Overlap: any shared
 * character; each gold span is matched at most once, by the system span that overlaps it most (greedy, in order).
 * Returns the matched pairs (indices).
 */
export function matchSpans<S extends Typed, G extends Typed>(system: S[], gold: G[], mode: MatchMode, sameType = true): [number, number][] {
  const pairs: [number, number][] = [];
  const used = new Set<number>();
  if (mode === 'exact') {
    const index = new Map<string, number[]>();
    gold.forEach((g, i) => {
      const k = `${g.start}:${g.end}:${sameType ? g.type : ''}`;
      (index.get(k) ?? index.set(k, []).get(k)!).push(i);
    });
    system.forEach((s, si) => {
      const list = index.get(`${s.start}:${s.end}:${sameType ? s.type : ''}`);
      const gi = list?.find((i) => !used.has(i));
      if (gi !== undefined) {
        used.add(gi);
        pairs.push([si, gi]);
      }
    });
    return pairs;
  }
  // Overlap: candidate pairs sorted by overlap size (largest first), then by position, for a deterministic result.
  const cands: { si: number; gi: number; ov: number }[] = [];
  const gs = gold.map((g, i) => ({ g, i })).sort((a, b) => a.g.start - b.g.start);
  system.forEach((s, si) => {
    for (const { g, i } of gs) {
      if (g.start >= s.end) break;
      if (g.end <= s.start) continue;
      if (sameType && g.type !== s.type) continue;
      cands.push({ si, gi: i, ov: Math.min(s.end, g.end) - Math.max(s.start, g.start) });
    }
  });
  cands.sort((a, b) => b.ov - a.ov || a.si - b.si || a.gi - b.gi);
  const usedS = new Set<number>();
  for (const c of cands) {
    if (usedS.has(c.si) || used.has(c.gi)) continue;
    usedS.add(c.si);
    used.add(c.gi);
    pairs.push([c.si, c.gi]);
  }
  return pairs;
}

/** Counts per type (and micro) for one document; add them up over documents with `addCounts`. */
export function countByType(system: Typed[], gold: Typed[], mode: MatchMode, types: string[]): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const t of types) {
    const s = system.filter((x) => x.type === t);
    const g = gold.filter((x) => x.type === t);
    const tp = matchSpans(s, g, mode).length;
    out[t] = { tp, fp: s.length - tp, fn: g.length - tp };
  }
  return out;
}

export function addCounts(into: Record<string, Counts>, more: Record<string, Counts>): void {
  for (const [k, c] of Object.entries(more)) {
    const t = (into[k] ??= { tp: 0, fp: 0, fn: 0 });
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
}

/** Per-type PRF plus `micro` (the sum of the counts). */
export function summarise(counts: Record<string, Counts>, types: string[]): Record<string, PRF> {
  const out: Record<string, PRF> = {};
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    const c = counts[t] ?? { tp: 0, fp: 0, fn: 0 };
    out[t] = prf(c);
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  out.micro = prf(micro);
  return out;
}
