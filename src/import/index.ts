/**
 * Imports back into the document model (ARCHITECTURE §5): corrected annotations from brat, TEI and JSON come
 * back for scoring (`ana score --gold-format brat|tei|json`); CoNLL and Web Annotation for round trips.
 * Every importer returns an AnnotationDocument with code-point offsets; layers a format cannot carry stay empty.
 */
export { importBrat } from './brat';
export { importTei } from './tei';
export { importJson, importNewsGold, type NewsGold } from './json';
export { importConll } from './conll';
export { importWebAnno } from './webanno';
export { ImportError, skeletonDocument } from './document';
