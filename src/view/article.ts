import type { AnnotationDocument } from '../emit/format';
import { classToken, escapeHtml } from './escape';
import { articleMarks } from './marks';
import { renderNested } from './nest';
import { renderPage } from './page';
import { articleCss, ENTITY_COLOURS, TIMEX_COLOURS, TYPE_LABELS_AR } from './style';
import { articleTitle } from './summary';
import { ARTICLE_SCRIPT } from './client';

export interface ArticlePageOptions {
  /** Link back to the corpus page (relative); none when the article is viewed alone. */
  indexHref?: string;
}

/** One self-contained HTML page for one annotated article. */
export function renderArticlePage(doc: AnnotationDocument, options: ArticlePageOptions = {}): string {
  const { marks, problems } = articleMarks(doc);
  const textHtml = renderNested(doc.text, marks, escapeHtml);
  const { title, untitled } = articleTitle(doc);
  const entityTypes = unique([...Object.keys(ENTITY_COLOURS), ...doc.entities.map((m) => m.type), ...doc.entityTable.map((e) => e.type)]).map(classToken);
  const timexTypes = unique([...Object.keys(TIMEX_COLOURS), ...doc.timex.map((t) => t.type)]).map(classToken);
  const speech = doc.quotes.filter((q) => q.kind === 'speech').length;
  const meta = [
    doc.metadata.published ? `<span>${escapeHtml(doc.metadata.published)}</span>` : '',
    doc.metadata.outlet ? `<span>${escapeHtml(doc.metadata.outlet)}</span>` : '',
    `<span>${doc.entities.length} إشارة إلى ${doc.entityTable.length} كيان</span>`,
    `<span>${doc.timex.length} تعبير زمني</span>`,
    `<span>${doc.quotes.length} اقتباس (${speech} كلام منسوب)</span>`,
    `<span><bdi>${escapeHtml(doc.source.path)}</bdi></span>`,
    options.indexHref ? `<span><a href="${escapeHtml(options.indexHref)}">كل المقالات</a></span>` : '',
  ].join('');
  const body = `<header class="top">
<h1 dir="auto"${untitled ? ' class="untitled"' : ''}>${escapeHtml(title)}</h1>
<div class="meta">${meta}</div>
${problems.length ? `<details class="warn"><summary>${problems.length} span(s) not shown: they do not fit the text</summary><ul>${problems.map((p) => `<li dir="auto">${escapeHtml(p)}</li>`).join('')}</ul></details>` : ''}
</header>
<main class="layout">
<article id="text" lang="ar" dir="rtl">${textHtml}</article>
<aside class="panel">
${legend(doc, entityTypes, timexTypes)}
${entityPanel(doc, options.indexHref)}
</aside>
</main>`;
  return renderPage({ title, css: articleCss(entityTypes, timexTypes), body, script: ARTICLE_SCRIPT });
}

function legend(doc: AnnotationDocument, entityTypes: string[], timexTypes: string[]): string {
  const present = new Set([...doc.entities.map((m) => classToken(m.type)), ...doc.timex.map((t) => classToken(t.type))]);
  // The standard types always, others only when the article has them.
  const ents = entityTypes.filter((t) => ['PER', 'ORG', 'LOC'].includes(t) || present.has(t));
  const label = (t: string) => (TYPE_LABELS_AR[t] ? `${TYPE_LABELS_AR[t]} <bdi>${t}</bdi>` : `<bdi>${escapeHtml(t)}</bdi>`);
  const items = [
    ...ents.map((t) => `<li><span class="sw m t-${t}">${label(t)}</span></li>`),
    ...timexTypes.map((t) => `<li><span class="sw tx-sw t-${t}">${label(t)}</span></li>`),
    `<li><span class="sw q">«اقتباس»</span></li>`,
    `<li><span class="sw cue">فعل القول</span></li>`,
    `<li><span class="sw spk">المتكلم</span></li>`,
  ];
  return `<h2>دليل الألوان</h2>
<ul class="legend">${items.join('')}</ul>
<p class="meta">مرِّر المؤشر فوق اقتباس لإبراز متكلمه وفعل القول، وفوق متكلم لإبراز أقواله، وفوق تعبير زمني لرؤية قيمته. انقر على كيان لإبراز كل إشاراته.</p>`;
}

function entityPanel(doc: AnnotationDocument, indexHref?: string): string {
  const entries = doc.entityTable
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.mentions.length - a.e.mentions.length || a.i - b.i)
    .map(({ e }) => e);
  const unlinked = doc.entities.filter((m) => !m.entity).length;
  const rows = entries
    .map((e) => {
      const names = `${e.name.ar ? `<span dir="auto">${escapeHtml(e.name.ar)}</span>` : ''}${e.name.ar && e.name.latin ? '<br>' : ''}${e.name.latin ? `<bdi class="latin">${escapeHtml(e.name.latin)}</bdi>` : ''}` || `<bdi>${escapeHtml(e.id)}</bdi>`;
      const id = escapeHtml(e.id);
      // A link to the corpus page filtered by this entity: the other articles that mention it.
      const name = e.name.ar ?? e.name.latin;
      const others = indexHref && name ? ` <a class="others" href="${escapeHtml(`${indexHref}#${new URLSearchParams({ entity: name })}`)}" title="كل المقالات التي تذكره">↗</a>` : '';
      return `<tr data-e="${id}"><td><span class="sw m t-${classToken(e.type)}"><bdi>${escapeHtml(e.type)}</bdi></span></td><td><button class="ent" type="button" data-e="${id}" aria-pressed="false">${names}</button></td><td class="n"><span class="count">${e.mentions.length}</span>${others}</td></tr>`;
    })
    .join('\n');
  return `<h2>الكيانات (${entries.length})</h2>
${entries.length ? `<table class="ents" id="ents"><tbody>\n${rows}\n</tbody></table>` : '<p class="meta" id="ents">لا يوجد جدول كيانات في هذا المستند.</p>'}
${unlinked ? `<p class="meta">${unlinked} إشارة غير مربوطة بكيان.</p>` : ''}`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
