import type { EntityType, Token } from '../../types';
import type { TokenView } from './text';

/**
 * Gazetteers compiled by scripts/build-gazetteers.ts into resources/entities/gazetteer.json: the ANERGazet lists
 * (source "a") and the project's own lists of organisations, places and people (source "h", with a canonical Latin
 * name the linker uses), plus trigger words. Keys are folded token forms joined by single spaces.
 */
export interface GazetteerFile {
  /** One entry per line: TYPE \t SOURCE \t key \t canonical Latin name (may be empty). */
  entries: string;
  triggers: Record<string, string[]>;
}

export interface GazEntry {
  type: EntityType;
  /** From the project's own hand-written lists (precise) rather than ANERGazet (broad, noisy). */
  hand: boolean;
  latin?: string;
}

export interface Gazetteer {
  /** Entries by key; a key may name entities of several types (ANERGazet has a few such). */
  byKey: Map<string, GazEntry[]>;
  /** Longest entry length (in tokens) by first word. */
  maxLen: Map<string, number>;
  /** Every word prefix of a multi-word key, shorter than the key («الاتحاد الدولي» of «الاتحاد الدولي لكره القدم»):
   * matching stops as soon as the words read so far start no entry. */
  prefixes: Set<string>;
  /** Trigger sets by role, folded. */
  triggers: Map<string, Set<string>>;
  /** Longest trigger (in tokens) by role. */
  triggerMaxLen: Map<string, number>;
  /** Last words of all triggers: a quick test before looking a trigger up. */
  triggerLast: Set<string>;
}

export function compileGazetteer(file: GazetteerFile): Gazetteer {
  const byKey = new Map<string, GazEntry[]>();
  const maxLen = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const line of file.entries.split('\n')) {
    if (!line) continue;
    const [type, source, key, latin] = line.split('\t');
    const entry: GazEntry = { type: type as EntityType, hand: source === 'h', ...(latin ? { latin } : {}) };
    const list = byKey.get(key);
    if (list) {
      if (!list.some((e) => e.type === entry.type && e.hand === entry.hand)) list.push(entry);
    } else byKey.set(key, [entry]);
    const words = key.split(' ');
    maxLen.set(words[0], Math.max(maxLen.get(words[0]) ?? 0, words.length));
    for (let n = 2; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  // Hand entries first: they decide the type when both lists hold a key.
  for (const list of byKey.values()) list.sort((a, b) => Number(b.hand) - Number(a.hand));
  const triggers = new Map<string, Set<string>>();
  const triggerMaxLen = new Map<string, number>();
  const triggerLast = new Set<string>();
  for (const [role, words] of Object.entries(file.triggers)) {
    triggers.set(role, new Set(words));
    triggerMaxLen.set(role, Math.max(0, ...words.map((w) => w.split(' ').length)));
    for (const w of words) triggerLast.add(w.split(' ').pop()!);
  }
  return { byKey, maxLen, prefixes, triggers, triggerMaxLen, triggerLast };
}

let cached: Gazetteer | undefined;

/** The committed gazetteer, loaded once (require() so Node and bundlers both resolve it). */
export function defaultGazetteer(): Gazetteer {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = compileGazetteer(require('../../../resources/entities/gazetteer.json') as GazetteerFile);
  }
  return cached;
}

const PROCLITIC_LETTERS = 'وفبلك';
/** Letters peeled off a word the segmenter left whole; ك and ف start too many names (كابل، فرنسا) to guess. */
const PEELABLE = 'ولب';
const MARKS = /[\u0640\u064B-\u065F\u0670]/;

/**
 * Forms under which a phrase may start at this token, with the original offset where the span would start.
 * The clitic segmenter's view comes first; when it left a word whole (لبارلر: the stem is too rare in the corpus
 * lexicon to split), one proclitic letter is peeled off as a fallback, and «لل» is read as ل + ال.
 */
export function startForms(t: Token, v: TokenView): { form: string; spanStart: number }[] {
  const out = [{ form: v.core, spanStart: v.spanStart }];
  if (v.w !== v.core) out.push({ form: v.w, spanStart: t.start });
  if (t.kind === 'arabic' && !v.pre && v.w.length >= 5 && PEELABLE.includes(v.w[0])) {
    // original offset after the first letter and any marks attached to it
    let o = t.start + 1;
    while (o < t.end && MARKS.test(t.text[o - t.start])) o++;
    const rest = v.w.slice(1);
    if (rest.startsWith('ل') && v.w[0] === 'ل') {
      // «لل» + noun: the article written as one ل
      let o2 = o + 1;
      while (o2 < t.end && MARKS.test(t.text[o2 - t.start])) o2++;
      out.push({ form: 'ا' + rest, spanStart: o2 });
    } else {
      out.push({ form: rest, spanStart: o });
      // و + ب/ل/ك + word
      if (PROCLITIC_LETTERS.includes(rest[0]) && (v.w[0] === 'و' || v.w[0] === 'ف') && rest.length >= 4) {
        let o2 = o + 1;
        while (o2 < t.end && MARKS.test(t.text[o2 - t.start])) o2++;
        out.push({ form: rest.slice(1), spanStart: o2 });
      }
    }
  }
  return out;
}

export interface GazMatch {
  /** Token range [from, to). */
  from: number;
  to: number;
  /** Original offset where the span starts (after proclitics). */
  spanStart: number;
  key: string;
  entries: GazEntry[];
}

/**
 * Longest gazetteer match starting at token i (within [i, limit)), or undefined. Words after the first are
 * compared by their whole folded form; a trailing enclitic or proclitic inside a name is not expected.
 */
export function matchAt(g: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], i: number, limit: number, handOnly = false): GazMatch | undefined {
  const t = tokens[i];
  if (t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'number') return undefined;
  const v = views[i];
  // fast path: most tokens start no entry under any of their forms
  if (!g.maxLen.has(v.core) && !g.maxLen.has(v.w) && (v.pre || t.kind !== 'arabic' || v.w.length < 5 || !PEELABLE.includes(v.w[0]))) return undefined;
  let best: GazMatch | undefined;
  for (const { form, spanStart } of startForms(t, v)) {
    const n = g.maxLen.get(form);
    if (!n) continue;
    let key = form;
    for (let j = i + 1; j <= Math.min(limit, i + n); j++) {
      if (j > i + 1) key += ' ' + views[j - 1].w;
      const entries = g.byKey.get(key);
      if (!entries) {
        // no entry goes on from these words (a 23,000-entry list has many first words such as جامعه، مجلس، الاتحاد)
        if (j > i + 1 && !g.prefixes.has(key)) break;
        continue;
      }
      const usable = handOnly ? entries.filter((e) => e.hand) : entries;
      if (usable.length === 0) continue;
      if (!best || j > best.to) best = { from: i, to: j, spanStart, key, entries: usable };
    }
  }
  return best;
}

/** Does a trigger of this role end at token i (inclusive)? Returns its length in tokens, or 0. */
export function triggerEndingAt(g: Gazetteer, views: readonly TokenView[], i: number, role: string, from = 0): number {
  const set = g.triggers.get(role);
  if (!set) return 0;
  const n = g.triggerMaxLen.get(role) ?? 1;
  let best = 0;
  for (let len = 1; len <= n && i - len + 1 >= from; len++) {
    // the first word of a trigger may carry proclitics (وقال الرئيس, لشركة): use its core form
    let key = views[i - len + 1].core;
    for (let m = i - len + 2; m <= i; m++) key += ' ' + views[m].w;
    if (set.has(key)) best = len;
  }
  return best;
}
