import type { EntityMention, Quote, SegmentedDoc } from '../../types';

/** Quotations with their cues and speakers. Placeholder until issue 5. */
export function recogniseQuotes(doc: SegmentedDoc & { entities: EntityMention[] }): Quote[] {
  void doc;
  return [];
}
