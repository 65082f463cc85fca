import type { ArticleMeta } from '../types';

/** A non-blank string field, whichever of the given names holds one first. */
function field(o: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = o[n];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

/**
 * Article metadata from a JSON record: a JSONL line, or a sidecar `NAME.meta.json` beside `NAME.txt` (the shape
 * of ../shared/data/news-gold: src, cat, title, time_iso, url). Absent fields stay absent.
 */
export function metaFromRecord(o: Record<string, unknown>): ArticleMeta {
  const meta: ArticleMeta = {};
  const title = field(o, 'title');
  const published = field(o, 'published', 'time_iso', 'date', 'time');
  const url = field(o, 'url');
  const outlet = field(o, 'source', 'src', 'outlet');
  const category = field(o, 'category', 'cat');
  if (title !== undefined) meta.title = title;
  if (published !== undefined) meta.published = published;
  if (url !== undefined) meta.url = url;
  if (outlet !== undefined) meta.outlet = outlet;
  if (category !== undefined) meta.category = category;
  return meta;
}
