import type { EntityGuidelines, EntityMention, SegmentedDoc, Token } from '../../types';
import { viewTokens, type TokenView } from './text';
import { defaultGazetteer, matchAt, type Gazetteer } from './gazetteer';
import { fromSpan, resolve, type Candidate } from './candidates';
import { extendByNationality, institutionNames, isNationalityAdjective, latinNames, nameStart, quotedAfterHead, stripHead } from './rules';
import { propagate, type NameLists } from './propagate';
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
 * Under the `anercorp` guidelines the rule for generic institutions (الجيش الإسرائيلي، وزارة الخارجية) is off and the
 * tagger's spans win over the gazetteer's (مكة, not مكة المكرمة): ANERcorp's conventions, which the tagger learned.
 * Over the 5 folds of ANERcorp this lifts exact F1 from 0.759 to 0.777; on the news gold it costs 5 points.
 */
/**
 * A name the segmenter left attached to the conjunction و: the word is no known name, and the word without و is a
 * person's in the lists (وجومانا), a definite name (والمعتز; not والتر, Walter), or a word the document has on its
 * own elsewhere (وهينان beside هينان; not وقاص, وينفري, whose rests occur nowhere).
 */
/** Words that join the parts of one name (folded): a word after them is still that name. */
const NAME_LINKS = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا', 'ام', 'ولد', 'عبد', 'ال']);

const nameAfterWa = (gaz: Gazetteer, w: string, words: () => ReadonlySet<string>) => {
  if (w.length <= 3 || !w.startsWith('و') || gaz.byKey.has(w)) return false;
  const rest = w.slice(1);
  return (gaz.byKey.get(rest)?.some((e) => e.type === 'PER') ?? false) || /^ال.{4,}/.test(rest) || words().has(rest);
};

/**
 * Where a second person's name begins when token k starts with the conjunction و: after the proclitic the segmenter
 * split off (والحسين), or after the و of a known first name it left attached (وجومانا, وعبير; not وليد, وينفري, ولد).
 * Undefined when token k is no conjunction.
 */
function conjoinedName(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], k: number, text: string, words: () => ReadonlySet<string>): number | undefined {
  const v = views[k];
  if (v.pre) return v.pre.startsWith('و') ? nameStart(gaz, tokens, views, k) : undefined;
  // after a link word the name goes on (سعد بن أبي وقاص)
  if (k > 0 && NAME_LINKS.has(views[k - 1].w)) return undefined;
  if (tokens[k].kind !== 'arabic' || !nameAfterWa(gaz, v.w, words)) return undefined;
  // the original may carry marks or tatweel after the و (وَعبير)
  let at = tokens[k].start + 1;
  while (at < tokens[k].end && /[\u0640\u064B-\u065F\u0670]/.test(text[at])) at++;
  return at;
}

/**
 * Where an organisation or place span the tagger drew is two names of the lists joined by و («جوجل وآبل», «مصر
 * والسودان»): the token where the second one starts, and its offset after the و. The lists know each name, so the
 * span is a coordination, not one name; a name with و inside that the lists hold whole («البوسنة والهرسك») or do
 * not hold at all («القرض العقاري والسياحي») is left as the tagger drew it.
 */
function twoListedNames(gaz: Gazetteer, tokens: readonly Token[], views: readonly TokenView[], from: number, to: number): { at: number; start: number } | undefined {
  if (matchAt(gaz, tokens, views, from, to, true)?.to === to) return undefined;
  for (let k = from + 1; k < to; k++) {
    if (!views[k].pre.startsWith('و') && !views[k].w.startsWith('و')) continue;
    const right = matchAt(gaz, tokens, views, k, to, true);
    if (right?.to !== to || right.spanStart === tokens[k].start) continue;
    if (matchAt(gaz, tokens, views, from, k, true)?.to === k) return { at: k, start: right.spanStart };
  }
  return undefined;
}

export function recogniseEntities(
  doc: SegmentedDoc,
  options: { gazetteer?: Gazetteer; model?: Model; guidelines?: EntityGuidelines } = {},
): EntityMention[] {
  const gaz = options.gazetteer ?? defaultGazetteer();
  const model = options.model ?? defaultModel();
  const anercorp = options.guidelines === 'anercorp';
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
    // Under the ANERcorp guidelines a listed institution that is only described by its head and a nationality or
    // place (الجيش اللبناني، مجلس النواب، الخارجية الأميركية) is left to the tagger, which learned that ANERcorp
    // mostly leaves such names untagged: the rule that finds them in the news guidelines tells them from proper names
    // (اليونيسكو، ريال مدريد). 5-fold CV with the lists of 3,500 organisations: 0.807 -> 0.812 (ORG 0.643 -> 0.662).
    let described: Candidate[] | undefined;
    const isDescribed = (start: number, end: number): boolean => {
      if (!described) institutionNames(gaz, tokens, views, s.tokenStart, s.tokenEnd, (described = []));
      return described.some((d) => d.start === start && d.end === end);
    };
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
      if (anercorp && m.entries[0].type === 'ORG' && isDescribed(m.spanStart, tokens[m.to - 1].end)) continue;
      cands.push({ start: m.spanStart, end: tokens[m.to - 1].end, type: m.entries[0].type, component: 'gazetteer', confidence: 0.9, rank: 1, tokens: m.to - m.from });
    }
  }

  // model
  // the document's word forms, for a name left attached to و (see nameAfterWa)
  // (built on first use: few documents need it)
  let wordSet: Set<string> | undefined;
  const words = (): ReadonlySet<string> => {
    if (!wordSet) {
      wordSet = new Set();
      for (let k = 0; k < tokens.length; k++) if (tokens[k].kind === 'arabic') wordSet.add(views[k].w);
    }
    return wordSet;
  };
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
    // Latin names are the Latin rule's and the gazetteer's: the tagger learned Arabic and slips on them
    // (a span «Forbes أن», or «Google and» in an English sentence)
    let latin = false;
    for (let k = from; k < to; k++) if (tokens[k].kind === 'latin') latin = true;
    if (latin) continue;
    const push = (a: number, b: number, start = nameStart(gaz, tokens, views, a)) =>
      cands.push({ start, end: tokens[b - 1].end, type: t.type, component: 'model', confidence: t.confidence, rank: 2, tokens: b - a });
    // a person's name has no conjunction inside: «الحسن والحسين», «فتحي عبد الوهاب وجومانا مراد» are two people
    // (organisations and places may have one: «البوسنة والهرسك», «وزارة الخارجية والتعاون»)
    let a = from;
    // a name that starts on such a token starts after its و too
    let aStart = t.type === 'PER' && !views[from].pre ? conjoinedName(gaz, tokens, views, from, doc.text, words) : undefined;
    if (t.type === 'PER') {
      for (let k = from + 1; k < to; k++) {
        const after = conjoinedName(gaz, tokens, views, k, doc.text, words);
        if (after === undefined) continue;
        push(a, k, aStart);
        a = k;
        aStart = after;
      }
    }
    const listedPair = t.type === 'PER' ? undefined : twoListedNames(gaz, tokens, views, a, to);
    if (listedPair) {
      push(a, listedPair.at);
      push(listedPair.at, to, listedPair.start);
      continue;
    }
    push(a, to, aStart);
  }

  // rules
  for (const s of doc.sentences) latinNames(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);
  for (const s of doc.sentences) quotedAfterHead(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);
  if (!anercorp) for (const s of doc.sentences) institutionNames(gaz, tokens, views, s.tokenStart, s.tokenEnd, cands);

  let kept = resolve(cands, anercorp).filter((c) => !isNationalityAdjective(gaz, tokens, views, c));
  extendByNationality(gaz, tokens, views, kept);
  const lists: NameLists = {
    isTrigger: (key) => [...gaz.triggers.values()].some((set) => set.has(key)),
    listed: (key, type) => gaz.byKey.get(key)?.some((e) => e.type === type) ?? false,
    common: (key) => model.clusters?.has(key) ?? false,
  };
  kept = propagate(tokens, views, kept, lists).filter((c) => !isNationalityAdjective(gaz, tokens, views, c));
  const out: EntityMention[] = [];
  for (const c of kept) {
    out.push({ start: c.start, end: c.end, text: doc.text.slice(c.start, c.end), type: c.type, confidence: c.confidence, component: c.component });
  }
  return out;
}
