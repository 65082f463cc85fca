/**
 * The document model shared by every stage.
 *
 * Offsets inside the pipeline are UTF-16 code-unit offsets into the ORIGINAL text (what JavaScript strings index),
 * 0-based, end exclusive. They are converted to Unicode code points in exactly one place, `src/emit/`, when the
 * JSON (or any export) is written. Every span also keeps the exact original `text` it covers.
 *
 * Data flows one way: ingest -> normalise -> segment -> recognise -> link -> emit. Each stage takes the previous
 * stage's typed output and returns a new object that extends it; nothing is mutated in place.
 */

/** A half-open range [start, end) of UTF-16 code units in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that carries the exact original text it covers. */
export interface TextSpan extends Span {
  text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Ingest

/** Metadata that came with the article (from JSONL fields, HTML <title>/<meta>, or the command line). */
export interface ArticleMeta {
  title?: string;
  /** Publication date/time as given (ISO 8601 preferred). */
  published?: string;
  url?: string;
  /** Outlet or source label (e.g. "bbc"). */
  outlet?: string;
  category?: string;
}

/** Where an article came from and how it was decoded. */
export interface SourceInfo {
  /** File path (or "-" for stdin), as the user named it. */
  path: string;
  /** 1-based line in a JSONL file, when the article came from one. */
  line?: number;
  /** Detected or declared encoding of the bytes, e.g. "UTF-8", "UTF-16LE", "windows-1256". */
  encoding: string;
  /** The input format the text was extracted from. */
  format: 'text' | 'html' | 'xml' | 'jsonl' | 'api';
  /** True if a byte-order mark was dropped. */
  bomRemoved?: boolean;
  /** True if CR LF or lone CR line ends were unified to LF (the only change ever made to the text). */
  newlinesUnified?: boolean;
}

/** One article as handed to the pipeline: the original text (already decoded, BOM dropped, newlines unified). */
export interface Article {
  id: string;
  text: string;
  meta: ArticleMeta;
  source: SourceInfo;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalise

/** The switchable operations of the normaliser (ARCHITECTURE §2), in the order they apply. */
export interface NormaliseOptions {
  bidi: boolean;
  presentationForms: boolean;
  tatweel: boolean;
  diacritics: boolean;
  /** أ إ آ ٱ -> ا */
  alef: boolean;
  /** ى -> ي */
  alefMaqsura: boolean;
  /** ة -> ه */
  tehMarbuta: boolean;
  /** ؤ -> و, ئ -> ي */
  hamzaCarriers: boolean;
  /** Arabic-Indic and Persian digits -> ASCII */
  digits: boolean;
  /** quotation marks -> ", Arabic comma/semicolon/question mark -> , ; ? */
  punctuation: boolean;
}

/**
 * The analysis view and its alignment with the original.
 * For every UTF-16 unit i of `view`, `[origStart[i], origEnd[i])` is the smallest range of the original that
 * produced it. Characters deleted by normalisation are absorbed into the range of a neighbouring kept character,
 * so they never become span boundaries of their own.
 */
export interface Normalised {
  view: string;
  origStart: Int32Array;
  origEnd: Int32Array;
  options: NormaliseOptions;
}

// ---------------------------------------------------------------------------------------------------------------
// Segment

export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'url' | 'email' | 'hashtag' | 'mention' | 'symbol' | 'other';

/** A clitic segment of a token: proclitic, stem or enclitic. Offsets into the original text. */
export interface Segment extends Span {
  role: 'proclitic' | 'stem' | 'enclitic';
  /** The segment's form in the analysis view (e.g. "ال", "امازون", "ها"). */
  form: string;
}

export interface Token extends TextSpan {
  /** Index of the token in the document. */
  index: number;
  kind: TokenKind;
  /** The token's form in the analysis view. */
  norm: string;
  /** Offsets of the token in the view string. */
  viewStart: number;
  viewEnd: number;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Clitic segmentation (Arabic tokens only; absent when the token has no clitics). */
  segments?: Segment[];
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Index range of its tokens, [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export interface Paragraph extends Span {
  index: number;
}

/** The head of a news article: «القاهرة : الأمير كمال فرج.» */
export interface ArticleHeader {
  dateline?: TextSpan;
  byline?: TextSpan;
}

// ---------------------------------------------------------------------------------------------------------------
// Recognise

export type EntityType = 'PER' | 'ORG' | 'LOC';
export type Component = 'gazetteer' | 'rule' | 'model' | 'header' | 'link';

export interface EntityMention extends TextSpan {
  type: EntityType;
  confidence: number;
  component: Component;
  /** Filled by the link stage: id of the entry in the entity table. */
  entity?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: "2021-01-11", "2021-01-11T08:00", "P1W", "XXXX-XX-XX", "PAST_REF" ... */
  value?: string;
  /** Time zone as given by the text, e.g. "Europe/London" or "UTC" (TIMEX3 has no slot; kept beside value). */
  timezone?: string;
  /** The date the value was resolved against, and where it came from. */
  anchor?: { value: string; source: 'publication' | 'option' | 'timex' };
  /** Hijri dates: the value in the Hijri calendar ("1439-09-15"); `value` holds the Gregorian one. */
  hijri?: string;
  confidence: number;
  component: Component;
}

export type QuoteKind = 'speech' | 'term';

export interface Quote extends TextSpan {
  /** start/end/text cover the quoted words, between the marks (trimmed of spaces). */
  kind: QuoteKind;
  /** Opening and closing marks; `close` is absent when the closing mark is missing. */
  open: TextSpan;
  close?: TextSpan;
  /** True when the closing mark was missing and the quote was cut at a paragraph end. */
  partial?: boolean;
  cue?: TextSpan;
  speaker?: TextSpan & {
    /** Id of the entity-table entry, when the speaker is a named entity. */
    entity?: string;
    /** When the speaker is unnamed: the describing noun phrase, e.g. "مصدر أمني". */
    description?: string;
    /** How the speaker was found. */
    via: 'explicit' | 'agreement' | 'continuation' | 'pronoun';
  };
  confidence: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Link

export interface EntityEntry {
  id: string;
  type: EntityType;
  /** Canonical Arabic name (the longest Arabic mention), and Latin name when one is known. */
  nameAr?: string;
  nameLatin?: string;
  /** Indices into `entities` of the mentions that refer to this entity, in text order. */
  mentions: number[];
}

// ---------------------------------------------------------------------------------------------------------------
// The document after each stage

export interface NormalisedDoc extends Article {
  norm: Normalised;
}

export interface SegmentedDoc extends NormalisedDoc {
  header: ArticleHeader;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

export interface RecognisedDoc extends SegmentedDoc {
  entities: EntityMention[];
  timexes: Timex[];
  quotes: Quote[];
}

export interface LinkedDoc extends RecognisedDoc {
  entityTable: EntityEntry[];
}

/** Options of a pipeline run. Recorded in the output header. */
/**
 * Whose conventions the entity spans follow. `news`: the project's own (../shared/data/news-gold/GUIDELINES.md:
 * named institutions such as «الجيش الإسرائيلي» and «وزارة الخارجية» are ORG, «قطاع غزة» and «مكة المكرمة» are whole
 * names). `anercorp`: ANERcorp's (Benajiba et al. 2007), which leaves generic institutions untagged and tags the bare
 * name («غزة», «مكة»); the tagger was trained on ANERcorp, so this setting lets its spans stand.
 */
export type EntityGuidelines = 'news' | 'anercorp';
export const ENTITY_GUIDELINES: readonly EntityGuidelines[] = ['news', 'anercorp'];

export interface PipelineOptions {
  normalise: NormaliseOptions;
  /** Annotation conventions of the entity layer (default `news`). */
  entityGuidelines: EntityGuidelines;
  /** Anchor date for temporal resolution when the article has no publication date (YYYY-MM-DD). */
  anchorDate?: string;
  /** Whether tokens (with clitic segments) are written to the output. */
  tokens: boolean;
  layers: { entities: boolean; timex: boolean; quotes: boolean };
}
