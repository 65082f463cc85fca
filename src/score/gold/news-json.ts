import type { GoldDocument, GoldEntity, GoldQuote, GoldTimex } from '../types';

const TIMEX_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC']);

interface RawGold {
  source?: string;
  docno?: string;
  published?: string;
  sha256?: string;
  entities?: { type: string; start: number; end: number; text?: string; ref?: string | null; value?: string }[];
  quotes?: { start: number; end: number; text?: string; kind?: string; speaker?: { start: number; end: number; ref?: string | null } | null }[];
}

/**
 * The hand-made gold of ../shared/gold and ../shared/data/news-gold: `entities` holds both named entities and
 * temporal expressions (DATE/TIME/DURATION/SET with `value`), `quotes` the quotations (kind defaults to speech).
 * `text` is the content of the file named by `source`, read by the caller.
 */
export function readNewsGold(json: string, text: string, fallbackId: string): GoldDocument {
  const raw = JSON.parse(json) as RawGold;
  const entities: GoldEntity[] = [];
  const timex: GoldTimex[] = [];
  for (const e of raw.entities ?? []) {
    if (TIMEX_TYPES.has(e.type)) timex.push({ start: e.start, end: e.end, type: e.type, text: e.text, ...(e.value !== undefined ? { value: e.value } : {}) });
    else if (ENTITY_TYPES.has(e.type)) entities.push({ start: e.start, end: e.end, type: e.type, text: e.text, ref: e.ref ?? null });
  }
  const quotes: GoldQuote[] = (raw.quotes ?? []).map((q) => ({
    start: q.start,
    end: q.end,
    kind: q.kind === 'term' ? 'term' : 'speech',
    speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, ref: q.speaker.ref ?? null } : null,
  }));
  return {
    id: raw.docno ?? fallbackId,
    text,
    ...(raw.published ? { published: raw.published } : {}),
    layers: { entities: true, timex: true, quotes: raw.quotes !== undefined },
    entities,
    timex,
    quotes,
  };
}
