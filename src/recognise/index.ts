import type { PipelineOptions, RecognisedDoc, SegmentedDoc } from '../types';
import { recogniseEntities } from './entities';
import { recogniseTimex } from './time';
import { recogniseQuotes } from './quotes';
import { anchorDate } from './anchor';

/** Stage function: entities, then temporal expressions, then quotes (which use the entities for speakers). */
export function recognise(doc: SegmentedDoc, options: PipelineOptions): RecognisedDoc {
  const entities = options.layers.entities ? recogniseEntities(doc, { guidelines: options.entityGuidelines }) : [];
  const timexes = options.layers.timex ? recogniseTimex(doc, anchorDate(doc.meta.published, options.anchorDate), options.anchorDate) : [];
  const quotes = options.layers.quotes ? recogniseQuotes({ ...doc, entities }) : [];
  return { ...doc, entities, timexes, quotes };
}
