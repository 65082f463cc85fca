import type { EntityMention, SegmentedDoc } from '../../types';

/** Named entities (PER, ORG, LOC) of a segmented document. Placeholder until the tagger lands (issue 3). */
export function recogniseEntities(doc: SegmentedDoc): EntityMention[] {
  void doc;
  return [];
}
