import { Parser } from 'htmlparser2';

export interface ExtractedPage {
  text: string;
  title?: string;
  published?: string;
  url?: string;
}

/** Elements whose text is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'template', 'select', 'figcaption']);
/** Elements that make a paragraph of their own. */
const BLOCK = new Set(['p', 'head', 'ab', 'headline', 'hl1', 'hl2', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'div', 'section', 'article', 'td', 'br', 'pre', 'dd', 'dt', 'main', 'body']);

interface Block {
  text: string;
  inArticle: boolean;
  tag: string;
}

/**
 * Extract the main text of a news page: the text blocks inside <article> (or <main>, or the body when neither
 * exists), one paragraph per block, whitespace inside a block folded to single spaces. The extracted text is what
 * gets stored and annotated: offsets refer to it. With `xml`, the same rules read XML articles (TEI <p>/<head>/<ab>,
 * NewsML-like <headline>), parsed in XML mode. Title from og:title, <title> or the first <h1>; publication date
 * from article:published_time, <time datetime> or common meta names.
 */
export function extractHtml(html: string, options: { xml?: boolean } = {}): ExtractedPage {
  const blocks: Block[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let articleDepth = 0;
  let mainDepth = 0;
  let cur = '';
  let curTag = 'body';
  let title: string | undefined;
  let inTitle = false;
  let titleText = '';
  let h1: string | undefined;
  let published: string | undefined;
  let url: string | undefined;
  let sawArticle = false;
  let sawMain = false;

  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) blocks.push({ text: t, inArticle: articleDepth > 0 || (mainDepth > 0 && !sawArticle), tag: curTag });
    cur = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = attrs.content;
          if (content) {
            if (key === 'og:title' && !title) title = content.trim();
            if (['article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date'].includes(key) && !published) published = content.trim();
            if (key === 'og:url' && !url) url = content.trim();
          }
        }
        if (name === 'link' && attrs.rel === 'canonical' && attrs.href && !url) url = attrs.href;
        if (name === 'time' && attrs.datetime && !published) published = attrs.datetime.trim();
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'article') {
          articleDepth++;
          sawArticle = true;
        }
        if (name === 'main') {
          mainDepth++;
          sawMain = true;
        }
        if (BLOCK.has(name)) {
          flush();
          curTag = name;
        }
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (skipDepth > 0) return;
        const top = stack[stack.length - 1];
        if (top === 'title' || top === 'head') return;
        cur += text;
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (BLOCK.has(name)) {
          if (name === 'h1' && !h1) h1 = cur.replace(/\s+/g, ' ').trim() || undefined;
          flush();
        }
        if (name === 'article') articleDepth = Math.max(0, articleDepth - 1);
        if (name === 'main') mainDepth = Math.max(0, mainDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: !options.xml, xmlMode: options.xml === true },
  );
  parser.write(html);
  parser.end();
  flush();
  const inside = sawArticle || sawMain ? blocks.filter((b) => b.inArticle) : blocks;
  const chosen = inside.length ? inside : blocks;
  title = title ?? (titleText.replace(/\s+/g, ' ').trim() || h1);
  // A heading equal to the title is metadata, not body text.
  const body = chosen.filter((b, i) => !(i === 0 && b.tag === 'h1' && title && b.text === title)).map((b) => b.text);
  return { text: body.join('\n'), title, published, url };
}
