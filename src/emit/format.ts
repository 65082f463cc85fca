/**
 * The standoff JSON written for each article (ARCHITECTURE §4). All offsets are Unicode code points, 0-based,
 * end exclusive, into `text` (the original text as read: decoded, BOM dropped, newlines unified).
 * schema/annotation.schema.json describes the same shape for other languages' tools.
 */
export const FORMAT_NAME = 'arabic-news-annotator/standoff';
export const FORMAT_VERSION = '1.0';

export interface JsonSpan {
  start: number;
  end: number;
  text: string;
}

export interface JsonSegment extends JsonSpan {
  role: 'proclitic' | 'stem' | 'enclitic';
  form: string;
}

export interface JsonToken extends JsonSpan {
  id: string;
  kind: string;
  norm: string;
  sentence: string;
  segments?: JsonSegment[];
}

export interface JsonEntityMention extends JsonSpan {
  id: string;
  type: 'PER' | 'ORG' | 'LOC';
  entity?: string;
  confidence: number;
  component: string;
}

export interface JsonTimex extends JsonSpan {
  id: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value?: string;
  timezone?: string;
  anchor?: { value: string; source: string };
  hijri?: string;
  confidence: number;
  component: string;
}

export interface JsonQuote extends JsonSpan {
  id: string;
  kind: 'speech' | 'term';
  open: JsonSpan;
  close?: JsonSpan;
  partial?: boolean;
  cue?: JsonSpan;
  speaker?: JsonSpan & { mention?: string; entity?: string; description?: string; via: string };
  confidence: number;
}

export interface JsonEntityEntry {
  id: string;
  type: 'PER' | 'ORG' | 'LOC';
  name: { ar?: string; latin?: string };
  mentions: string[];
}

export interface AnnotationDocument {
  format: string;
  formatVersion: string;
  pipeline: { name: string; version: string };
  id: string;
  source: {
    path: string;
    line?: number;
    format: string;
    encoding: string;
    bomRemoved: boolean;
    newlinesUnified: boolean;
    sha256: string;
    /** Length in code points. */
    length: number;
    lengthUtf16: number;
  };
  metadata: {
    title?: string;
    published?: string;
    url?: string;
    outlet?: string;
    category?: string;
    dateline?: JsonSpan;
    byline?: JsonSpan;
  };
  options: Record<string, unknown>;
  text: string;
  offsets: string;
  paragraphs: (JsonSpan & { id: string })[];
  sentences: (JsonSpan & { id: string; paragraph: string })[];
  tokens?: JsonToken[];
  entities: JsonEntityMention[];
  timex: JsonTimex[];
  quotes: JsonQuote[];
  entityTable: JsonEntityEntry[];
}
