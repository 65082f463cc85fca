export { IngestError } from './errors';
export { decodeBytes, unifyNewlines } from './decode';
export { extractHtml } from './html';
export { readJsonlArticles, readJsonlStream, parseJsonlLine } from './jsonl';
export { readArticles, readSingleArticle, articleFromBytes, expandInputs, isArticleFile, DEFAULT_MAX_CHARS, type IngestResult, type IngestOptions } from './files';
