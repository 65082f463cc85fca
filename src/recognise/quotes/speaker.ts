import type { EntityMention, Token } from '../../types';
import { AUDIENCE, DOCUMENT_HEADS, GENERIC_HEADS, HONORIFICS, NP_STOP, TITLE_HEADS } from './words';
import { verbCue } from './cues';

/** A speaker noun phrase found next to a cue, before any resolution. */
export interface SpeakerPhrase {
  start: number;
  end: number;
  /** True when the phrase names someone (a name, or an entity mention); false for a description (مصدر أمني). */
  named: boolean;
}

const ARABIC_DIACRITIC = /[\u064B-\u0652]/;

/** The token's view form without its proclitics (بملف -> ملف, الرئيس -> رئيس): the stem segment when there is one. */
export function stemOf(t: Token): string {
  const s = t.segments?.find((g) => g.role === 'stem');
  return s ? s.form : t.norm;
}

function proclitics(t: Token): string[] {
  return (t.segments ?? []).filter((g) => g.role === 'proclitic').map((g) => g.form);
}

/** Start of a speaker mention in token t: after its proclitics, keeping the article ال unless it follows ل (لل). */
export function mentionStart(t: Token): number {
  const segs = t.segments;
  if (!segs) return t.start;
  let start = t.start;
  let afterL = false;
  for (const g of segs) {
    if (g.role !== 'proclitic') break;
    if (g.form === 'ال' && !afterL) break;
    afterL = g.form === 'ل';
    start = g.end;
  }
  return start;
}

const isPunct = (t: Token | undefined, ...chars: string[]) => !!t && t.kind === 'punct' && (chars.length === 0 || chars.includes(t.norm));

/** Is the token a word that can sit inside a speaker noun phrase? */
function npWord(t: Token | undefined): boolean {
  if (!t || (t.kind !== 'arabic' && t.kind !== 'latin')) return false;
  if (NP_STOP.has(t.norm) || t.norm.length < 2) return false;
  // a preposition carrying a pronoun (عليها، منه، لها) is not a noun
  const stem = t.segments?.find((g) => g.role === 'stem');
  if (stem && t.segments!.some((g) => g.role === 'enclitic') && (NP_STOP.has(stem.form) || /^(ل|ب|ك)$/.test(stem.form))) return false;
  if (/^(علي|الي|من|عن|ل|ب|مع|في|لدي|عند)(ه|ها|هم|هما|هن|ي|نا|ك|كم)$/.test(t.norm)) return false;
  if (verbCue(t)) return false;
  // an adverbial accusative (مؤخرًا، علنًا) ends the phrase
  if (t.kind === 'arabic' && ARABIC_DIACRITIC.test(t.text) && /[\u064B]/.test(t.text)) return false;
  return true;
}

/** A word that can be part of a personal or organisation name: no proclitic but the article, not a closed-class word. */
function nameWord(t: Token | undefined): boolean {
  if (!npWord(t)) return false;
  const p = proclitics(t!);
  return p.every((f) => f === 'ال');
}

export function isTitleWord(t: Token): boolean {
  return TITLE_HEADS.has(stemOf(t)) || TITLE_HEADS.has(t.norm);
}

/**
 * The noun phrase starting at token i (VSO: the subject after the verb). A description (title head) may take
 * genitives with ل (الرئيس التنفيذي لأمازون) and an appositive name between commas, which then is the speaker.
 * A document head (تقرير نشرته مجلة Forbes، بيان للمجلس) yields its author. Returns null when no phrase starts here.
 */
export function phraseAfter(tokens: Token[], i: number, limit: number, firstSplit = false, entities: EntityMention[] = []): SpeakerPhrase | null {
  const first = tokens[i];
  // a quoted name as the subject, right before the reported words: «وقالت "ستاندارد اند بورز" إن …»
  if (first && isPunct(first, '"') && i < limit) {
    let k = i + 1;
    while (k < limit && k - i <= 6 && !isPunct(tokens[k], '"')) k++;
    const next = tokens[k + 1];
    if (k > i + 1 && isPunct(tokens[k], '"') && next && (['ان', 'انه', 'انها', 'انهم', 'في', 'عن'].includes(next.norm) || isPunct(next, ':'))) {
      return { start: tokens[i + 1].start, end: tokens[k - 1].end, named: true };
    }
    return null;
  }
  if (!first || i >= limit || !npWord(first)) return null;
  const firstProcl = proclitics(first);
  // a name the segmenter took for a proclitic and a stem (بوحجة): the entity tagger knows better
  const named = entities.find((e) => e.start <= first.start && e.end >= first.end);
  if (named && !firstSplit && firstProcl.length) return { start: named.start, end: named.end, named: true };
  if (!firstSplit && firstProcl.some((f) => f === 'ب' || f === 'ك' || f === 'و' || f === 'ف')) return null;
  if (!firstSplit && firstProcl.includes('ل')) return null;
  // an honorific stays outside the name it introduces (الدكتور فواز العلمي)
  if (HONORIFICS.has(stemOf(first)) && nameWord(tokens[i + 1]) && i + 1 < limit && !isTitleWord(tokens[i + 1])) {
    return phraseAfter(tokens, i + 1, limit);
  }
  const title = isTitleWord(first);
  let j = i;
  while (j + 1 < limit && j - i < 6) {
    const n = tokens[j + 1];
    if (!npWord(n)) break;
    // a name followed by its title (أوليفييه جاكوب محلل النفط): the name is the mention
    if (!title && isTitleWord(n)) break;
    // a description closed by a name ends there (وزير الخارجية الروسي سيرغي لافروف | الاتهامات البريطانية)
    if (title && n.norm.startsWith('ال')) {
      const plainName = (t: Token) => t.kind === 'arabic' && !t.norm.startsWith('ال') && !proclitics(t).length && !isTitleWord(t);
      let r = j;
      while (r > i && plainName(tokens[r])) r--;
      if (r < j && tokens[r].norm.startsWith('ال')) break;
    }
    const p = proclitics(n);
    // «المتحدث باسم الوزارة»: باسم continues a description
    if (title && n.norm === 'باسم') {
      j++;
      continue;
    }
    if (p.some((f) => f === 'و' || f === 'ف' || f === 'ب' || f === 'ك')) break;
    if (p.includes('ل')) {
      // genitive ل inside a description (الرئيس التنفيذي لأمازون), never an audience (للصحافيين)
      if (!title || AUDIENCE.has(stemOf(n))) break;
    }
    j++;
  }
  const start = mentionStart(first);
  let phrase: SpeakerPhrase = { start, end: tokens[j].end, named: !title };
  // document head: its author is the speaker
  if (DOCUMENT_HEADS.has(stemOf(first))) {
    let k = i + 1;
    if (isPunct(tokens[k], ',')) k++;
    if (tokens[k] && /^(نشر|اصدر|اورد|وزع)/.test(tokens[k].norm)) k++;
    // «البيان، الصادر عن المكتب الإعلامي للإنتربول»
    else if (tokens[k]?.norm === 'الصادر' && tokens[k + 1]?.norm === 'عن') k += 2;
    const author = tokens[k];
    if (author && k < limit) {
      const inner = phraseAfter(tokens, k, limit, proclitics(author).includes('ل'));
      if (inner) return inner;
    }
  }
  // generic head and a quoted name: موقع "تي إم زي" -> تي إم زي
  if (GENERIC_HEADS.has(stemOf(first)) && j === i && isPunct(tokens[i + 1], '"')) {
    let k = i + 2;
    while (k < limit && k - i < 8 && !isPunct(tokens[k], '"')) k++;
    if (isPunct(tokens[k], '"') && k > i + 2) return { start: tokens[i + 2].start, end: tokens[k - 1].end, named: true };
  }
  // generic head: the name after it (مجلة Forbes -> Forbes)
  // (only an indefinite head: «الشركة الفرنسية» is the company itself)
  if (GENERIC_HEADS.has(stemOf(first)) && !first.norm.startsWith('ال') && j > i) phrase = { start: mentionStart(tokens[i + 1]), end: tokens[j].end, named: true };
  // appositive name: «الرئيس التنفيذي للشركة ، جون ماتزي ،»
  if (title && isPunct(tokens[j + 1], ',') && j + 2 < limit) {
    let k = j + 2;
    while (k < limit && k - (j + 2) < 4 && nameWord(tokens[k]) && !isTitleWord(tokens[k])) k++;
    const after = tokens[k];
    const closes = !after || k >= limit || isPunct(after, ',', ':', '"', '.') || NP_STOP.has(after.norm) || proclitics(after).includes('ل') || isTitleWord(after);
    if (k > j + 2 && k - (j + 2) <= 4 && closes && !tokens[j + 2].norm.startsWith('ال')) {
      return { start: tokens[j + 2].start, end: tokens[k - 1].end, named: true };
    }
  }
  // a name closing a description: «حاكم البنك المركزي الصيني يي غانغ» -> «يي غانغ»
  if (title) {
    let k = j;
    while (k > i && !proclitics(tokens[k]).length && !tokens[k].norm.startsWith('ال') && !isTitleWord(tokens[k]) && tokens[k].kind === 'arabic') k--;
    if (k < j && k >= i && tokens[k].norm.startsWith('ال')) return { start: tokens[k + 1].start, end: tokens[j].end, named: true };
  }
  return phrase;
}

/**
 * The noun phrase right before token i (SVO: «وزير الخزانة، ستيفن منوتشين، رأى»), at most three words starting at a
 * clause boundary. Returns null unless the phrase is short and bounded, so a verb's object is not taken for it.
 */
export function phraseBefore(tokens: Token[], i: number, floor: number, unbounded = false): SpeakerPhrase | null {
  let j = i - 1;
  if (isPunct(tokens[j], ',')) j--;
  const end = j;
  // words of a noun phrase: names, and genitives with ب/ل inside a description (رئيسة مكتب الاتصال الخاص بميلانيا)
  const inPhrase = (t: Token | undefined) => nameWord(t) || (npWord(t) && !proclitics(t!).some((f) => f === 'و' || f === 'ف'));
  while (j >= floor && end - j < 7 && inPhrase(tokens[j])) j--;
  // the phrase starts with a plain word (no ب/ل) and, unless it is a description, is at most three words
  while (j + 1 <= end && !nameWord(tokens[j + 1])) j++;
  const len = end - j;
  if (len < 1 || (len > 3 && !isTitleWord(tokens[j + 1]))) return null;
  const before = tokens[j];
  const bounded = unbounded || j < floor || isPunct(before) || ['ان', 'لكن', 'غير'].includes(before.norm);
  if (!bounded) return null;
  const first = tokens[j + 1];
  return { start: mentionStart(first), end: tokens[end].end, named: !isTitleWord(first) };
}

/** Where the subject area after a cue ends: the complementizer, colon or quotation mark that opens the words. */
export function subjectReach(tokens: Token[], from: number, limit: number): number {
  for (let k = from; k < limit && k - from < 12; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && (t.norm === ':' || t.norm === '"')) return t.start;
    if (['ان', 'انه', 'انها', 'انهم', 'بان'].includes(t.norm)) return t.start;
  }
  return tokens[from]?.start ?? 0;
}

/**
 * Snap a phrase to the entity tagger's mentions: a person named inside a description wins; else a mention that
 * starts the phrase or follows a generic head. A description whose only mention is an organisation inside it
 * (الرئيس التنفيذي لأمازون) stays a description.
 */
export function snapToEntities(p: SpeakerPhrase, entities: EntityMention[], reach = p.end, tokens?: Token[]): SpeakerPhrase {
  const inside = entities.filter((e) => e.start < p.end && e.end > p.start);
  // a description followed, before the reported words, by the person's name introduced by an honorific or a comma
  // (… في التجارة الدولية الدكتور فواز العلمي أن), not a name in a genitive (باسم المدعية العامة في لوس أنجلس جاكي لايسي)
  if (tokens && !p.named && !inside.some((e) => e.type === 'PER')) {
    const later = entities.find((e) => e.type === 'PER' && e.start >= p.end && e.end <= reach);
    const before = later && tokens.filter((t) => t.end <= later.start).pop();
    if (later && before && (HONORIFICS.has(stemOf(before)) || isTitleWord(before) || (before.kind === 'punct' && before.norm === ','))) {
      return { start: later.start, end: later.end, named: true };
    }
  }
  if (!inside.length) return p;
  const per = inside.find((e) => e.type === 'PER');
  if (per) return { start: per.start, end: per.end, named: true };
  if (!p.named) return p;
  const first = inside[0];
  // a place or body right after a name is the verb's object (باتستسيغ باتمونخ تركيا): trim it off
  if (inside.length === 1 && first.type !== 'PER' && first.start > p.start + 1 && first.end >= p.end && tokens) {
    const prev = tokens.filter((t) => t.end <= first.start).pop();
    if (prev && prev.start >= p.start && prev.kind !== 'punct') return { start: p.start, end: prev.end, named: true };
  }
  if (first.start <= p.start + 1 || inside.length === 1) return { start: first.start, end: first.end, named: true };
  return p;
}
