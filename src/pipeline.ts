import type { Article, ArticleMeta, EntityGuidelines, LinkedDoc, NormaliseOptions, PipelineOptions, SourceInfo } from './types';
import { normalise, normaliseOptions } from './normalise';
import { segment } from './segment';
import { recognise } from './recognise';
import { link } from './link';
import { toAnnotationDocument } from './emit/json';
import type { AnnotationDocument } from './emit/format';
import { unifyNewlines } from './ingest/decode';

/** What a library user hands to `annotate`: the text, and whatever metadata they have. */
export interface AnnotateInput {
  text: string;
  id?: string;
  meta?: ArticleMeta;
  source?: Partial<SourceInfo>;
}

export interface AnnotateOptions {
  normalise?: Partial<NormaliseOptions>;
  anchorDate?: string;
  tokens?: boolean;
  layers?: Partial<PipelineOptions['layers']>;
  /** Entity annotation conventions: `news` (default) or `anercorp` (see EntityGuidelines). */
  entityGuidelines?: EntityGuidelines;
}

export function pipelineOptions(o: AnnotateOptions = {}): PipelineOptions {
  return {
    normalise: normaliseOptions(o.normalise),
    entityGuidelines: o.entityGuidelines ?? 'news',
    ...(o.anchorDate ? { anchorDate: o.anchorDate } : {}),
    tokens: o.tokens !== false,
    layers: { entities: true, timex: true, quotes: true, ...o.layers },
  };
}

/** An Article from library input: a BOM is dropped and newlines unified, as file ingest does. */
export function toArticle(input: AnnotateInput): Article {
  let text = input.text;
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const unified = unifyNewlines(text);
  return {
    id: input.id ?? 'article',
    text: unified,
    meta: input.meta ?? {},
    source: { path: '-', encoding: 'UTF-16', format: 'api', bomRemoved: bom || undefined, newlinesUnified: unified !== text || undefined, ...input.source },
  };
}

/** Run every analysis stage on one article: normalise -> segment -> recognise -> link. */
export function analyse(article: Article, options: PipelineOptions): LinkedDoc {
  return link(recognise(segment(normalise(article, options.normalise)), options));
}

/** The library's main entry: a text (and its metadata) in, its standoff annotation document out. */
export function annotate(input: AnnotateInput, options: AnnotateOptions = {}): AnnotationDocument {
  return annotateArticle(toArticle(input), pipelineOptions(options));
}

/** The same for an article that ingest has read (the CLI's path). */
export function annotateArticle(article: Article, options: PipelineOptions): AnnotationDocument {
  return toAnnotationDocument(analyse(article, options), options);
}
