import { escapeHtml, jsonForScript } from './escape';
import { renderPage } from './page';
import { indexCss } from './style';
import { foldForSearch, foldTable } from './search-fold';
import type { ArticleSummary } from './summary';
import { INDEX_SCRIPT } from './client';

/** Names offered in a filter box's drop-down: the most frequent ones, so the list stays light on big corpora. */
const SUGGESTIONS = 1500;
const SPEAKERS_SHOWN = 3;

/**
 * The corpus page: one row per article (title linking to its page, date, counts, speakers), and two filter boxes,
 * by entity canonical name and by speaker. Rows are written in the HTML; the filter only hides and shows them.
 */
export function renderIndexPage(articles: readonly ArticleSummary[], title = 'المقالات المشروحة'): string {
  const rows = articles.map((a, i) => row(a, i)).join('\n');
  const data = {
    e: articles.map((a) => a.entityNames.map(foldForSearch).join('\n')),
    s: articles.map((a) => a.speakers.map(foldForSearch).join('\n')),
  };
  const body = `<header class="top"><h1>${escapeHtml(title)}</h1>
<div class="meta"><span>${articles.length} مقالة</span><span>${sum(articles, 'mentions')} إشارة</span><span>${sum(articles, 'timex')} تعبير زمني</span><span>${sum(articles, 'quotes')} اقتباس</span></div></header>
<div class="filters" role="search">
<label>الكيان <input id="f-entity" type="search" list="l-entity" autocomplete="off" placeholder="اسم الكيان / entity name"></label>
<label>المتكلم <input id="f-speaker" type="search" list="l-speaker" autocomplete="off" placeholder="المتكلم / speaker"></label>
<span id="count" aria-live="polite">${articles.length} / ${articles.length}</span>
</div>
${datalist('l-entity', articles.map((a) => a.entityNames))}
${datalist('l-speaker', articles.map((a) => a.speakers))}
<div class="rows" id="rows">
<div class="row head"><span class="t">العنوان</span><span class="d">التاريخ</span><span class="c">إشارات · كيانات · زمن · اقتباسات</span><span class="s">المتكلمون</span></div>
${rows}
</div>`;
  return renderPage({
    title,
    css: indexCss(),
    body,
    data: { 'index-data': jsonForScript(data), 'fold-table': jsonForScript(foldTable()) },
    script: INDEX_SCRIPT,
  });
}

function row(a: ArticleSummary, i: number): string {
  const c = a.counts;
  const speakers = a.speakers.slice(0, SPEAKERS_SHOWN).map((s) => `<bdi>${escapeHtml(s)}</bdi>`).join('، ') + (a.speakers.length > SPEAKERS_SHOWN ? ` +${a.speakers.length - SPEAKERS_SHOWN}` : '');
  return `<div class="row" data-i="${i}" data-id="${escapeHtml(a.id)}"><span class="t${a.untitled ? ' untitled' : ''}" dir="auto"><a href="${escapeHtml(encodeHref(a.href))}">${escapeHtml(a.title)}</a></span><span class="d"><bdi>${escapeHtml(a.published ?? '')}</bdi></span><span class="c"><bdi>${c.mentions} · ${c.entities} · ${c.timex} · ${c.quotes}</bdi></span><span class="s">${speakers}</span></div>`;
}

/** A file name as a relative URL: percent-encode what a URL would misread (#, ?, %, spaces). */
function encodeHref(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function datalist(id: string, perArticle: string[][]): string {
  const freq = new Map<string, number>();
  for (const names of perArticle) for (const n of new Set(names)) freq.set(n, (freq.get(n) ?? 0) + 1);
  const top = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, SUGGESTIONS);
  return `<datalist id="${id}">${top.map(([n]) => `<option value="${escapeHtml(n)}"></option>`).join('')}</datalist>`;
}

function sum(articles: readonly ArticleSummary[], k: keyof ArticleSummary['counts']): number {
  return articles.reduce((s, a) => s + a.counts[k], 0);
}
