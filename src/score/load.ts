import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { GoldDocument } from './types';
import { readAnercorp } from './gold/anercorp';
import { readWojood } from './gold/wojood';
import { readNewsGold } from './gold/news-json';
import { importBrat, importJson, importTei } from '../import';

export type GoldFormat = 'anercorp' | 'wojood' | 'json' | 'brat' | 'tei';
export const GOLD_FORMATS: GoldFormat[] = ['anercorp', 'wojood', 'json', 'brat', 'tei'];

/** Read gold documents from a file in one of the supported formats (Node side: reads files). */
export function loadGold(path: string, format: GoldFormat): GoldDocument[] {
  const content = readFileSync(path, 'utf8');
  const stem = basename(path).replace(/\.(gold\.json|json|txt|ann|xml)$/, '');
  switch (format) {
    case 'anercorp':
      return readAnercorp(content, stem);
    case 'wojood':
      return readWojood(content, stem);
    case 'json': {
      const raw = JSON.parse(content) as { source?: string; format?: string; text?: string };
      if (raw.format?.startsWith('arabic-news-annotator/')) {
        // the project's own JSON, e.g. annotations corrected by hand (importJson checks every span against the text)
        return [goldFromAnnotation(importJson(content))];
      }
      const src = raw.source ? join(dirname(path), basename(raw.source)) : path.replace(/\.gold\.json$/, '.txt');
      if (!existsSync(src)) throw new Error(`${path}: the text file it names (${src}) is missing`);
      return [readNewsGold(content, readFileSync(src, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), stem)];
    }
    case 'brat': {
      // PATH is the .ann file (or the .txt); the other one sits beside it with the same stem
      const stemPath = path.replace(/\.(ann|txt)$/, '');
      const ann = path.endsWith('.txt') ? readFileSync(`${stemPath}.ann`, 'utf8') : content;
      const txtPath = `${stemPath}.txt`;
      if (!existsSync(txtPath)) throw new Error(`the brat text file ${txtPath} is missing`);
      return [goldFromAnnotation(importBrat(readFileSync(txtPath, 'utf8'), ann, stem))];
    }
    case 'tei':
      return [goldFromAnnotation(importTei(content))];
  }
}

/** Gold from an annotation document in the project's JSON format (offsets already in code points). */
export function goldFromAnnotation(doc: import('../emit/format').AnnotationDocument): GoldDocument {
  const mentionEntity = new Map(doc.entities.map((m) => [m.id, m.entity ?? null]));
  return {
    id: doc.id,
    text: doc.text,
    ...(doc.metadata.published ? { published: doc.metadata.published } : {}),
    layers: { entities: true, timex: true, quotes: true },
    entities: doc.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text, ref: e.entity ?? null })),
    timex: doc.timex.map((t) => ({ start: t.start, end: t.end, type: t.type, text: t.text, ...(t.value !== undefined ? { value: t.value } : {}) })),
    quotes: doc.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      kind: q.kind,
      speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end, ref: q.speaker.entity ?? (q.speaker.mention ? mentionEntity.get(q.speaker.mention) ?? null : null) } : null,
    })),
  };
}
