/**
 * Gold annotations, whatever format they came from, in one shape. Offsets are Unicode code points into `text`
 * (the unit of every gold format here), end exclusive.
 */
export interface GoldSpan {
  start: number;
  end: number;
  type: string;
  text?: string;
}

export interface GoldEntity extends GoldSpan {
  ref?: string | null;
}

export interface GoldTimex extends GoldSpan {
  value?: string;
}

export interface GoldQuote {
  start: number;
  end: number;
  kind: 'speech' | 'term';
  speaker?: { start: number; end: number; ref?: string | null } | null;
}

export interface GoldDocument {
  id: string;
  text: string;
  published?: string;
  /** Token boundaries (code points) when the gold is token-based (ANERcorp, Wojood): system spans are projected on them. */
  tokens?: { start: number; end: number }[];
  /** Layers the gold annotates; a layer absent here is left out of the scores. */
  layers: { entities: boolean; timex: boolean; quotes: boolean };
  entities: GoldEntity[];
  timex: GoldTimex[];
  quotes: GoldQuote[];
}
