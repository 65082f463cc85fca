import type { EntityMention, EntityType, SegmentedDoc, Token } from '../../types';
import { viewTokens, type TokenView } from './text';
import { defaultGazetteer, matchAt, triggerEndingAt, type Gazetteer } from './gazetteer';
import { defaultModel } from './load';
import { tagDocument } from './tagger';
import type { Model } from './model';

export { fold, viewToken, viewTokens, type TokenView } from './text';
export { defaultGazetteer, type Gazetteer, type GazEntry } from './gazetteer';
export { defaultModel } from './load';

/**
 * Named entities (PER, ORG, LOC) of a segmented document, from four components:
 *   header     the dateline (LOC) and byline (PER) found by the segmenter;
 *   gazetteer  the project's own lists of organisations, places and people (clitic-aware);
 *   model      the averaged-perceptron BIO tagger (models/ner.json);
 *   rule       Latin-script names inside Arabic text, and quoted names after a generic head (شركة "…").
 * Candidates are merged longest first (ties: header, gazetteer, model, rule); spans leave attached proclitics
 * (و ف ب ل ك, and «لل») outside, generic heads (شركة، مجلة …) and titles (الرئيس، السيد …) outside, and
 * nationality adjectives (الحكومة السعودية) are dropped.
 */
export function recogniseEntities(doc: SegmentedDoc, resources: { gazetteer?: Gazetteer; model?: Model } = {}): EntityMention[] {
  const gaz = resources.gazetteer ?? defaultGazetteer();
  const model = resources.model ?? defaultModel();
  const tokens = doc.tokens;
  const views = viewTokens(tokens);
  const cands: Candidate[] = [];

  // header: the segmenter found the dateline place and the byline author
  // (a byline with digits or more than five words is a date or a sentence, not an author)
  const { dateline, byline } = doc.header;
  if (dateline && /^[\p{L}\p{M}\s]+$/u.test(dateline.text)) cands.push(fromSpan(dateline, 'LOC', 'header', 0.95, 0));
  if (byline && /^[\p{L}\p{M}\s.'’-]+$/u.test(byline.text) && byline.text.trim().split(/\s+/).length <= 5) cands.push(fromSpan(byline, 'PER', 'header', 0.9, 0));

  // gazetteer: the project's own lists (ANERGazet only feeds the model: it holds too many common words)
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (tokens[i].kind === 'hashtag') {
        // #السعودية: the name after the mark (words of a multi-word tag are joined by _)
        const entry = gaz.byKey.get(views[i].w.slice(1).replace(/_/g, ' '))?.find((e) => e.hand);
        if (entry) cands.push({ start: tokens[i].start + 1, end: tokens[i].end, type: entry.type, component: 'gazetteer', confidence: 0.85, rank: 1, tokens: 1 });
        continue;
      }
      const m = matchAt(gaz, tokens, views, i, s.tokenEnd, true);
      if (!m) continue;
      // أستراليًا with tanwin is an adverb (in Australian fashion), not the country
      if (/\u064B/.test(tokens[m.to - 1].text)) continue;
      cands.push({ start: m.spanStart, end: tokens[m.to - 1].end, type: m.entries[0].type, component: 'gazetteer', confidence: 0.9, rank: 1, tokens: m.to - m.from });
    }
  }

  // model
  const wordy = (k: number) => tokens[k].kind === 'arabic' || tokens[k].kind === 'latin' || tokens[k].kind === 'number';
  for (const t of tagDocument(doc, views, gaz, model)) {
    // a span starts and ends on words (not on an emoji or a bracket the tagger took in)
    let to = t.to;
    while (to > t.from && !wordy(to - 1)) to--;
    let from = t.from;
    while (from < to && !wordy(from)) from++;
    if (from >= to) continue;
    from = stripHead(gaz, views, from, to, t.type);
    if (from >= to) continue;
    // a span mixing scripts (Forbes أن) is a tagging slip: the Latin-name rule and the gazetteer cover the name
    let latin = false;
    let arabic = false;
    for (let k = from; k < to; k++) {
      if (tokens[k].kind === 'latin') latin = true;
      else if (tokens[k].kind === 'arabic') arabic = true;
    }
    // Latin names are the Latin rule's and the gazetteer's: the tagger learned Arabic (and tags "Google and")
    if (latin) continue;
    cands.push({ start: nameStart(gaz, tokens, views, from), end: tokens[to - 1].end, type: t.type, component: 'model', confidence: t.confidence, rank: 2, tokens: to - from });
  }

  // rules
  for (const s of doc.sentences) latinNames(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);
  for (const s of doc.sentences) quotedAfterHead(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);
  for (const s of doc.sentences) institutionNames(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);

  let kept = resolve(cands).filter((c) => !isNationalityAdjective(gaz, tokens, views, c));
  extendByNationality(gaz, tokens, views, kept);
  kept = propagate(tokens, views, kept).filter((c) => !isNationalityAdjective(gaz, tokens, views, c));
  const out: EntityMention[] = [];
  for (const c of kept) {
    out.push({ start: c.start, end: c.end, text: doc.text.slice(c.start, c.end), type: c.type, confidence: c.confidence, component: c.component });
  }
  return out;
}

/** Name particles whose first letter looks like a proclitic (فان نيستلروي، فون). */
const WHOLE_NAME_WORDS = new Set(['فان', 'فون', 'فال', 'لا', 'لي', 'لو', 'بن', 'بو', 'كي']);

/**
 * Where a name starting at token i begins: after its proclitics, unless the segmenter split a name whose first
 * letter only looks like one (ليون is Lyon, not ل + يون): the whole word is a known name and the rest is not.
 */
function nameStart(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], i: number): number {
  const v = views[i];
  if (!v.pre) return v.spanStart;
  if (WHOLE_NAME_WORDS.has(v.w) || (gaz.byKey.has(v.w) && !gaz.byKey.has(v.core))) return tokens[i].start;
  return v.spanStart;
}

interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  component: EntityMention['component'];
  confidence: number;
  /** Priority among candidates of equal length: lower wins. */
  rank: number;
  /** Length in tokens (longest first). */
  tokens: number;
}

function fromSpan(s: { start: number; end: number; text: string }, type: EntityType, component: EntityMention['component'], confidence: number, rank: number): Candidate {
  return { start: s.start, end: s.end, type, component, confidence, rank, tokens: s.text.split(/\s+/).length + 10 };
}

/** Keep the longest candidates first; a candidate overlapping a kept one is dropped. Output in text order. */
function resolve(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.tokens - a.tokens || a.rank - b.rank || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const HEAD_ROLES: Record<EntityType, string> = { ORG: 'org-head', LOC: 'loc-head', PER: 'per-title' };

/** First token of a tagged span after a generic head or title the span starts with (شركة، مجلة، الرئيس …). */
function stripHead(gaz: Gazetteer, views: readonly TokenView[], from: number, to: number, type: EntityType): number {
  let f = from;
  // a person's name does not start with a nationality adjective (الرئيس الفلبيني دوتيرتي)
  const nationalityAt = (k: number) => type === 'PER' && views[k].def && !views[k].pre && isNationality(gaz, views[k]);
  // «منظمة أوبك» -> «أوبك», but «منظمة التحرير الفلسطينية» keeps its head
  if (type === 'ORG' && to - from === 2 && triggerEndingAt(gaz, views, from, 'org-head-short', from) === 1) return from + 1;
  // titles can stack (الرئيس التنفيذي): strip while the longest trigger at the span start matches
  for (let guard = 0; guard < 3 && f < to - 1; guard++) {
    let len = 0;
    for (let j = f; j < to - 1 && j < f + 4; j++) if (triggerEndingAt(gaz, views, j, HEAD_ROLES[type], f) === j - f + 1) len = j - f + 1;
    if (!len && nationalityAt(f)) len = 1;
    if (!len) break;
    f += len;
  }
  return f;
}

const LATIN_STOP = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'is', 'at', 'by', 'with', 'from']);

/**
 * Latin-script names inside Arabic text (Parler, Forbes, AWS, Zendesk): a run of capitalised Latin words (inner
 * "of", "and"… allowed). Typed by the gazetteer when it knows the name, PER after a title, otherwise ORG: in
 * Arabic news a Latin name is most often a company, outlet or brand.
 */
function latinNames(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  let arabic = 0;
  for (let i = from; i < to; i++) if (tokens[i].kind === 'arabic') arabic++;
  if (arabic === 0) return; // an English sentence: not our business
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (t.kind !== 'latin' || !/^[A-Z]/.test(t.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const n = tokens[j];
      if (n.kind === 'latin' && /^[A-Z0-9]/.test(n.text) && n.start - tokens[j - 1].end <= 1) j++;
      else if (n.kind === 'latin' && LATIN_STOP.has(n.text.toLowerCase()) && j + 1 < to && tokens[j + 1].kind === 'latin' && /^[A-Z]/.test(tokens[j + 1].text)) j += 2;
      else if (n.kind === 'number' && tokens[j - 1].end === n.start - 1 && j - i === 1) j++;
      else break;
    }
    const key = views.slice(i, j).map((v) => v.w).join(' ');
    const entries = gaz.byKey.get(key);
    let type: EntityType = 'ORG';
    if (entries?.length) type = entries[0].type;
    else if (i > from && triggerEndingAt(gaz, views, i - 1, 'per-title', from)) type = 'PER';
    const single = j - i === 1;
    // a lone lower-information word (I, A) is no name
    if (!(single && t.text.length < 2)) {
      out.push({ start: t.start, end: tokens[j - 1].end, type, component: entries?.length ? 'gazetteer' : 'rule', confidence: entries?.length ? 0.9 : 0.6, rank: 3, tokens: j - i });
    }
    i = j;
  }
}

const OPEN_QUOTES = new Set(['"', '«', '“', "'"]);
const CLOSE_QUOTES = new Set(['"', '»', '”', "'"]);

/** A quoted name right after a generic organisation head: شركة "أردينت أدفايسوري أند أكاونتنج". */
function quotedAfterHead(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  for (let i = from + 1; i < to - 2; i++) {
    if (tokens[i].kind !== 'punct' || !OPEN_QUOTES.has(tokens[i].text)) continue;
    if (!triggerEndingAt(gaz, views, i - 1, 'org-head', from)) continue;
    let j = i + 1;
    while (j < to && j - i <= 6 && !(tokens[j].kind === 'punct' && CLOSE_QUOTES.has(tokens[j].text))) j++;
    if (j >= to || j - i > 6 || j === i + 1) continue;
    if (tokens.slice(i + 1, j).some((t) => t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'number')) continue;
    out.push({ start: views[i + 1].spanStart === tokens[i + 1].start ? tokens[i + 1].start : tokens[i + 1].start, end: tokens[j - 1].end, type: 'ORG', component: 'rule', confidence: 0.7, rank: 3, tokens: j - i - 1 });
  }
}

/** Is this token a nationality adjective (الأمريكي، الصينية، البلجيكية)? Its stem must name a known place. */
function isNationality(gaz: Gazetteer, v: TokenView): boolean {
  const m = /^(.{2,}?)(يه|يين|ييه|يون|ي)$/.exec(v.bare);
  if (!m) return false;
  const st = m[1];
  for (const form of [st, 'ال' + st, st + 'ا', st + 'يا', st + 'يه', 'ال' + st + 'يه']) {
    if (gaz.byKey.get(form)?.some((e) => e.type === 'LOC')) return true;
  }
  return false;
}

/** A definite nisba adjective after a definite noun (الحكومة السعودية) is no place, whatever the tagger said. */
function isNationalityAdjective(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], c: Candidate): boolean {
  if (c.type !== 'LOC' || c.component === 'header') return false;
  const i = tokenAt(tokens, c.start);
  if (i < 0 || tokens[i].end !== c.end) return false; // single-token mentions only
  const v = views[i];
  if (!v.def || v.pre || !/(ي|يه|يين|ييه)$/.test(v.bare)) return false;
  if (!isNationality(gaz, v) && !/(ي|يه)$/.test(v.bare)) return false;
  const p = i > 0 ? views[i - 1] : undefined;
  return !!p && tokens[i - 1].kind === 'arabic' && p.def && tokens[i - 1].sentence === tokens[i].sentence;
}

/**
 * Institutions named by a head and what follows it (ORG): وزارة الصحة، مجلس حقوق الإنسان، الشرطة الفلبينية،
 * البنك المركزي الصيني، موانئ دبي العالمية، المؤسسة الوطنية للنفط. An indefinite head (وزارة، مجلس، موانئ) takes a
 * definite noun, an idafa pair (حقوق الإنسان) or a place; a definite head (الشرطة، الجيش) needs a nisba adjective
 * (a bare «الشرطة» is no name). Then nisba adjectives, places and «لل» + noun may follow.
 */
/** Heads that name an institution only with a place or nationality in the phrase (سوق الأسهم السعودية). */
const WEAK_HEADS = new Set(['سوق', 'السوق', 'بورصه', 'البورصه', 'ميناء', 'موانء', 'موانيء', 'بنك', 'البنك', 'الخطوط', 'الشرطه', 'الجيش', 'القوات', 'الحرس']);
/** Adjectives that end institution names besides nationalities. */
const INSTITUTION_ADJ = new Set(['المركزي', 'المركزيه', 'الوطني', 'الوطنيه', 'العالمي', 'العالميه', 'الدولي', 'الدوليه', 'الاتحادي', 'الاتحاديه', 'العربي', 'العربيه', 'الاسلامي', 'الاسلاميه', 'الشعبي', 'الشعبيه', 'الفيدرالي', 'الفيدراليه', 'الاوروبي', 'الاوروبيه', 'الافريقي', 'الافريقيه', 'الخليجي', 'الخليجيه', 'الجويه', 'العليا', 'الاعلي', 'المتحده']);
const NOT_NAME_WORDS = new Set(['اداره', 'الاداره', 'رييس', 'مدير', 'اعضاء', 'عضو', 'الوزراء', 'الانباء']);

function institutionNames(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number, out: Candidate[]): void {
  const nation = (k: number) => k < to && tokens[k].kind === 'arabic' && views[k].def && !views[k].pre && isNationality(gaz, views[k]);
  const nisba = (k: number) => k < to && tokens[k].kind === 'arabic' && !views[k].pre && (INSTITUTION_ADJ.has(views[k].core) || nation(k));
  const place = (k: number) => (k < to ? matchAt(gaz, tokens, views, k, to) : undefined)?.entries.some((e) => e.type === 'LOC');
  const plain = (k: number) => k < to && tokens[k].kind === 'arabic' && !views[k].pre;
  for (let i = from; i < to - 1; i++) {
    if (tokens[i].kind !== 'arabic' || !gaz.triggerLast.has(views[i].core) || !triggerEndingAt(gaz, views, i, 'org-inside', i)) continue;
    const head = views[i];
    let j = i + 1;
    if (head.def) {
      if (!nisba(j)) continue;
    } else if (plain(j) && views[j].def && !NOT_NAME_WORDS.has(views[j].core)) j++;
    else if (plain(j) && !views[j].def && !NOT_NAME_WORDS.has(views[j].core) && !/(ي|يه)$/.test(views[j].bare) && plain(j + 1) && views[j + 1].def && !nisba(j + 1)) j += 2;
    else if (place(j)) {
      const m = matchAt(gaz, tokens, views, j, to)!;
      j = m.to;
    } else continue;
    let grounded = false;
    for (let k = i + 1; k < j; k++) if (place(k) || nation(k)) grounded = true;
    // the tail: nisba adjectives, places, «لل» + noun after an adjective
    for (;;) {
      if (nisba(j)) j++;
      else if (j < to && tokens[j].kind === 'arabic' && views[j].pre === 'ل' && views[j].def && nisba(j - 1)) j++;
      else break;
      if (nation(j - 1)) grounded = true;
    }
    if (WEAK_HEADS.has(head.core) && !grounded) continue;
    out.push({ start: head.spanStart, end: tokens[j - 1].end, type: 'ORG', component: 'rule', confidence: 0.65, rank: 3, tokens: j - i });
  }
}

/** An ORG or LOC name followed by a nationality adjective takes it (الكابيتول الأمريكي، مجلس النواب الأميركي). */
function extendByNationality(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], kept: Candidate[]): void {
  for (let c = 0; c < kept.length; c++) {
    const m = kept[c];
    if (m.type === 'PER' || m.component === 'header') continue;
    const last = tokenAt(tokens, m.end - 1);
    const k = last + 1;
    if (last < 0 || k >= tokens.length || tokens[k].sentence !== tokens[last].sentence || tokens[k].kind !== 'arabic') continue;
    if (tokens[k].start - m.end > 1) continue;
    const v = views[k];
    if (!v.def || v.pre || !isNationality(gaz, v)) continue;
    if (c + 1 < kept.length && kept[c + 1].start < tokens[k].end) continue;
    kept[c] = { ...m, end: tokens[k].end, tokens: m.tokens + 1 };
  }
}

/**
 * One name, one reading per document: a name found once (by the model or the lists) is found again where it
 * recurs untagged, and a person's surname alone (تورنبول after مالكولم تورنبول) is that person.
 */
function propagate(tokens: readonly Token[], views: readonly TokenView[], kept: Candidate[]): Candidate[] {
  const names = new Map<string, { type: EntityType; confidence: number }>();
  const add = (key: string, type: EntityType, confidence: number) => {
    if (key.replace(/ /g, '').length < 3) return;
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
    if (words.length > 1 || c.component !== 'model' || (c.confidence >= 0.9 && (!views[from].def || c.type === 'LOC'))) add(words.join(' '), c.type, c.confidence);
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

function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else if (tokens[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
