/** HTML views of annotated articles (`ana view`): pure functions from standoff JSON documents to page strings. */
export { renderArticlePage, type ArticlePageOptions } from './article';
export { renderIndexPage } from './index-page';
export { summarise, articleTitle, type ArticleSummary } from './summary';
export { renderNested, latinRuns, type Mark } from './nest';
export { escapeHtml, jsonForScript } from './escape';
