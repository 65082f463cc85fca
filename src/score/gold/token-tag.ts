/**
 * Readers for `token tag…` gold (ANERcorp, Wojood): tokens are joined with single spaces into sentences, one
 * sentence per line, and sentences grouped into documents of a fixed size, so the pipeline sees article-like text.
 * Every token keeps its code-point offsets (the text is built here, so they are exact).
 */
import type { GoldDocument, GoldSpan } from '../types';

export interface TaggedToken {
  token: string;
  tags: string[];
}

/** Marks that some ANERcorp tokens carry; they are not part of the word. */
const INVISIBLE = /[\u200e\u200f\u200b\u202a-\u202e\ufeff]/g;

export function parseTokenTagLines(content: string, sentenceEnd: (t: TaggedToken, next?: TaggedToken) => boolean | 'drop'): TaggedToken[][] {
  const sentences: TaggedToken[][] = [];
  let cur: TaggedToken[] = [];
  const lines = content.split(/\r?\n/);
  const toks: TaggedToken[] = [];
  for (const line of lines) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 1 && parts[0] === '') {
      toks.push({ token: '', tags: ['<blank>'] });
      continue;
    }
    if (parts.length < 2) continue;
    const token = parts[0].replace(INVISIBLE, '');
    if (!token) continue; // an empty token (ANERcorp has a few) carries no text
    toks.push({ token, tags: parts.slice(1) });
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.tags[0] === '<blank>') {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    const end = sentenceEnd(t, toks[i + 1]);
    if (end === 'drop') {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
    if (end) {
      sentences.push(cur);
      cur = [];
    }
  }
  if (cur.length) sentences.push(cur);
  return sentences;
}

/** BIO spans over token indices; `typeOf` maps a gold label to the scored type (or null to leave it out). */
export function bioSpans(tags: string[][], typeOf: (label: string) => string | null): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  const open = new Map<string, number>(); // label -> start token of the span currently open
  const close = (label: string, end: number) => {
    const start = open.get(label)!;
    open.delete(label);
    const type = typeOf(label);
    if (type) out.push({ start, end, type });
  };
  for (let i = 0; i < tags.length; i++) {
    const seen = new Set<string>();
    const begins: string[] = [];
    for (const tag of tags[i]) {
      const m = /^([BI])-(.+)$/.exec(tag);
      if (!m) continue;
      const [, bi, label] = m;
      if (bi === 'B' || !open.has(label)) begins.push(label);
      else seen.add(label);
    }
    for (const label of [...open.keys()]) if (!seen.has(label)) close(label, i);
    for (const label of begins) {
      if (open.has(label)) close(label, i);
      open.set(label, i);
    }
  }
  for (const label of [...open.keys()]) close(label, tags.length);
  return out;
}

/** Build gold documents from sentences of tagged tokens: `chunk` sentences per document. */
export function documentsFromSentences(
  sentences: TaggedToken[][],
  idPrefix: string,
  chunk: number,
  typeOf: (label: string) => string | null,
  layers: GoldDocument['layers'],
): GoldDocument[] {
  const docs: GoldDocument[] = [];
  for (let d = 0; d * chunk < sentences.length; d++) {
    const group = sentences.slice(d * chunk, (d + 1) * chunk);
    const tokens: { start: number; end: number }[] = [];
    const tags: string[][] = [];
    let text = '';
    for (const sent of group) {
      if (text) text += '\n';
      sent.forEach((t, i) => {
        if (i > 0) text += ' ';
        const start = [...text].length;
        text += t.token;
        tokens.push({ start, end: start + [...t.token].length });
        tags.push(t.tags);
      });
    }
    const entities: GoldSpan[] = [];
    const timex: GoldSpan[] = [];
    for (const s of bioSpans(tags, typeOf)) {
      const span = { start: tokens[s.start].start, end: tokens[s.end - 1].end, type: s.type };
      if (['DATE', 'TIME', 'DURATION', 'SET'].includes(s.type)) timex.push(span);
      else entities.push(span);
    }
    docs.push({ id: `${idPrefix}-${d + 1}`, text, tokens, layers, entities, timex, quotes: [] });
  }
  return docs;
}
