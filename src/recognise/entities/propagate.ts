import type { EntityType, Token } from '../../types';
import type { TokenView } from './text';
import { tokenAt, type Candidate } from './candidates';

/**
 * One name, one reading per document: a name found once (by the model or the lists) is found again where it
 * recurs untagged, and a person's surname alone (تورنبول after مالكولم تورنبول) is that person.
 */
export function propagate(tokens: readonly Token[], views: readonly TokenView[], kept: Candidate[], isTrigger: (key: string) => boolean = () => false): Candidate[] {
  const names = new Map<string, { type: EntityType; confidence: number }>();
  const add = (key: string, type: EntityType, confidence: number) => {
    if (key.replace(/ /g, '').length < 3 || isTrigger(key)) return;
    const prev = names.get(key);
    if (!prev || prev.confidence < confidence) names.set(key, { type, confidence });
  };
  for (const c of kept) {
    if (c.component === 'header' || c.component === 'rule' || c.confidence < 0.5) continue;
    const from = tokenAt(tokens, c.start);
    const to = tokenAt(tokens, c.end - 1) + 1;
    if (from < 0 || to <= from) continue;
    const words = [];
    for (let k = from; k < to; k++) words.push(k === from ? views[k].core : views[k].w);
    // a single word the tagger found is spread only when it is sure and the word is not a definite noun (البنك)
    // (a lone first name or adjective-like word, نادر، سلامة, is spread only through a full name: see below)
    if (words.length > 1 || c.component !== 'model' || (c.confidence >= 0.9 && c.type !== 'PER' && (!views[from].def || c.type === 'LOC'))) {
      add(words.join(' '), c.type, c.confidence);
    }
    if (c.type === 'PER' && words.length >= 2) add(views[to - 1].w, 'PER', c.confidence * 0.9);
  }
  if (names.size === 0) return kept;
  const maxLen = Math.max(...[...names.keys()].map((k) => k.split(' ').length));
  const firstWords = new Set([...names.keys()].map((k) => k.split(' ')[0]));
  const covered = new Uint8Array(tokens.length);
  for (const c of kept) {
    for (let k = tokenAt(tokens, c.start); k >= 0 && k < tokens.length && tokens[k].start < c.end; k++) covered[k] = 1;
  }
  const added: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || (tokens[i].kind !== 'arabic' && tokens[i].kind !== 'latin') || !firstWords.has(views[i].core)) continue;
    for (let len = Math.min(maxLen, tokens.length - i); len >= 1; len--) {
      let ok = true;
      let key = views[i].core;
      for (let k = i + 1; k < i + len; k++) {
        if (covered[k] || tokens[k].sentence !== tokens[i].sentence) ok = false;
        key += ' ' + views[k].w;
      }
      const hit = ok ? names.get(key) : undefined;
      if (!hit) continue;
      added.push({ start: views[i].spanStart, end: tokens[i + len - 1].end, type: hit.type, component: 'link', confidence: Math.round(hit.confidence * 0.8 * 1000) / 1000, rank: 4, tokens: len });
      for (let k = i; k < i + len; k++) covered[k] = 1;
      i += len - 1;
      break;
    }
  }
  return added.length ? [...kept, ...added].sort((a, b) => a.start - b.start) : kept;
}
