import type { EntityType, Token } from '../../types';
import type { TokenView } from './text';
import { tokenAt, type Candidate } from './candidates';

/**
 * One name, one reading per document: a name found once (by the model or the lists) is found again where it
 * recurs untagged, and a person's surname alone (تورنبول after مالكولم تورنبول) is that person.
 */
/** Last words of compound given names and of regnal names (عبد الله، نور الدين، عبد الله الثاني), and the links
 * inside a name (ولد، ابن، بنت، ابو، عبد) where the tagger cut one short («محمد سالم ولد»): not surnames. Spreading
 * «ولد» (Mauritanian "son of"; also "boy", "was born") made 13 false persons over the 5 ANERcorp folds, 0 true. */
const NOT_SURNAMES = new Set(['الله', 'الدين', 'الرحمن', 'الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'ولد', 'ابن', 'بنت', 'ابو', 'عبد']);

/** Final ي / ى in the original text (the normalised form may have folded ى into ي), marks allowed after it. */
const YA_FINAL = /\u064A[\u064B-\u065F]*$/;
const ALEF_MAQSURA_FINAL = /\u0649[\u064B-\u065F]*$/;

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC'];

/** What is known of a word: a trigger (never spread), listed with this type, common in the news corpus. */
export interface NameLists {
  isTrigger(key: string): boolean;
  listed(key: string, type: EntityType): boolean;
  /** Among the most frequent forms of the news corpus (the tagger's word clusters). */
  common(key: string): boolean;
}

const NO_LISTS: NameLists = { isTrigger: () => false, listed: () => false, common: () => false };

export function propagate(tokens: readonly Token[], views: readonly TokenView[], kept: Candidate[], lists: NameLists = NO_LISTS): Candidate[] {
  // each name's readings, summed confidence per type: the type most of its mentions had wins (the single most
  // confident one spread one slip, هونج كونج read PER once, over every later mention)
  const names = new Map<string, { votes: Record<string, number>; type: EntityType; confidence: number; yaFinal: boolean }>();
  const add = (key: string, type: EntityType, confidence: number, last: Token) => {
    if (key.replace(/ /g, '').length < 3 || lists.isTrigger(key)) return;
    let e = names.get(key);
    if (!e) names.set(key, (e = { votes: {}, type, confidence, yaFinal: false }));
    e.votes[type] = (e.votes[type] ?? 0) + confidence;
    e.confidence = Math.max(e.confidence, confidence);
    e.yaFinal ||= YA_FINAL.test(last.text);
  };
  for (const c of kept) {
    if (c.component === 'header' || c.component === 'rule' || c.confidence < 0.5) continue;
    const from = tokenAt(tokens, c.start);
    const to = tokenAt(tokens, c.end - 1) + 1;
    if (from < 0 || to <= from) continue;
    const words = [];
    for (let k = from; k < to; k++) words.push(k === from ? views[k].core : views[k].w);
    // a single word the tagger found is spread only when it is sure and the word is not a common definite noun
    // (البنك، المدينة): a definite word is spread when the lists know it with that type (الريف) or when it is rare
    // in the news corpus (الزهاري, a village). A lone first name or adjective-like word (نادر، سلامة) is spread
    // only through a full name: see below. «المدينة» (Medina once, "the city" after) made 20 false places over
    // the 5 ANERcorp folds, 0 true.
    if (words.length > 1 || c.component !== 'model' || (c.confidence >= 0.9 && c.type !== 'PER' && (!views[from].def || lists.listed(words[0], c.type) || !lists.common(words[0])))) {
      add(words.join(' '), c.type, c.confidence, tokens[to - 1]);
    }
    if (c.type === 'PER' && words.length >= 2 && !NOT_SURNAMES.has(views[to - 1].w)) add(views[to - 1].w, 'PER', c.confidence * 0.9, tokens[to - 1]);
  }
  if (names.size === 0) return kept;
  for (const e of names.values()) for (const t of TYPES) if ((e.votes[t] ?? 0) > (e.votes[e.type] ?? 0)) e.type = t;
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
      // the fold makes ى and ي one letter: the name علي is not the preposition على
      if (len === 1 && hit.yaFinal && ALEF_MAQSURA_FINAL.test(tokens[i].text)) continue;
      added.push({ start: views[i].spanStart, end: tokens[i + len - 1].end, type: hit.type, component: 'link', confidence: Math.round(hit.confidence * 0.8 * 1000) / 1000, rank: 4, tokens: len });
      for (let k = i; k < i + len; k++) covered[k] = 1;
      i += len - 1;
      break;
    }
  }
  return added.length ? [...kept, ...added].sort((a, b) => a.start - b.start) : kept;
}
