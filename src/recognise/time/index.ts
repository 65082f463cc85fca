import type { SegmentedDoc, Timex } from '../../types';

/** Temporal expressions, resolved against `anchor` (YYYY-MM-DD or ISO date-time). Placeholder until issue 4. */
export function recogniseTimex(doc: SegmentedDoc, anchor?: string): Timex[] {
  void doc;
  void anchor;
  return [];
}
