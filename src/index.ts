/** Library entry: `import { annotate } from 'arabic-news-annotator'`. */
export { annotate, annotateArticle, analyse, pipelineOptions, toArticle, type AnnotateInput, type AnnotateOptions } from './pipeline';
export { normaliseText, viewToOriginal, originalToView, DEFAULT_NORMALISE_OPTIONS, NO_NORMALISATION } from './normalise';
export { segment } from './segment';
export { toAnnotationDocument, serialiseDocument, sha256Hex } from './emit/json';
export { offsetConverter } from './emit/offsets';
export type { AnnotationDocument } from './emit/format';
export type * from './types';
export { PIPELINE_VERSION } from './version';
export { exportDocument } from './export';
export { importBrat, importTei, importJson, importConll, importWebAnno } from './import';
export { Scorer, formatReport, type ScoreReport } from './score';
