import type { AnnotationDocument } from '../emit/format';

/** What the corpus page knows of one article: enough to list it and filter it, not its text. */
export interface ArticleSummary {
  id: string;
  /** Page file name, relative to the index. */
  href: string;
  title: string;
  /** True when the document has no title and `title` is the opening words of the text. */
  untitled: boolean;
  published?: string;
  counts: { mentions: number; entities: number; timex: number; quotes: number };
  /** Canonical names of the article's entities (Arabic and Latin), and texts of mentions linked to none. */
  entityNames: string[];
  /** Who speaks in the article's speech quotes: the entity's canonical name, else the description or mention text. */
  speakers: string[];
}

const TITLE_CHARS = 110;

export function summarise(doc: AnnotationDocument, href: string): ArticleSummary {
  const t = articleTitle(doc);
  const tableNames = new Map(doc.entityTable.map((e) => [e.id, [e.name.ar, e.name.latin].filter((n): n is string => !!n)]));
  const names = new Set<string>();
  for (const e of doc.entityTable) for (const n of tableNames.get(e.id) ?? []) names.add(n);
  for (const m of doc.entities) if (!m.entity || !tableNames.has(m.entity)) names.add(m.text);
  const speakers = new Set<string>();
  for (const q of doc.quotes) {
    if (q.kind !== 'speech' || !q.speaker) continue;
    const n = q.speaker.entity ? tableNames.get(q.speaker.entity) : undefined;
    if (n && n.length) n.forEach((x) => speakers.add(x));
    else speakers.add(q.speaker.text || q.speaker.description || '');
  }
  speakers.delete('');
  return {
    id: doc.id,
    href,
    title: t.title,
    untitled: t.untitled,
    ...(doc.metadata.published ? { published: doc.metadata.published } : {}),
    counts: { mentions: doc.entities.length, entities: doc.entityTable.length, timex: doc.timex.length, quotes: doc.quotes.length },
    entityNames: [...names],
    speakers: [...speakers],
  };
}

/**
 * The title to show: metadata's, else the first line of text that is not the dateline/byline header, cut at a
 * word boundary.
 */
export function articleTitle(doc: AnnotationDocument): { title: string; untitled: boolean } {
  const given = doc.metadata.title?.trim();
  if (given) return { title: given, untitled: false };
  const headerEnd = Math.max(doc.metadata.dateline?.end ?? -1, doc.metadata.byline?.end ?? -1);
  let offset = 0; // code points
  for (const line of doc.text.split('\n')) {
    const len = [...line].length;
    const trimmed = line.trim();
    if (trimmed && offset >= headerEnd) return { title: cut(trimmed), untitled: true };
    offset += len + 1;
  }
  return { title: doc.id, untitled: true };
}

function cut(s: string): string {
  const chars = [...s];
  if (chars.length <= TITLE_CHARS) return s;
  const head = chars.slice(0, TITLE_CHARS).join('');
  const sp = head.lastIndexOf(' ');
  return (sp > TITLE_CHARS / 2 ? head.slice(0, sp) : head) + '…';
}
