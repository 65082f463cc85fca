import type { EntityMention, Quote, SegmentedDoc, TextSpan, Token } from '../../types';
import { originalToView } from '../../normalise';
import type { CueHit } from './cues';
import type { Agreement } from './lexicon';
import { subjectReach, stemOf, mentionStart, phraseAfter, phraseBefore, snapToEntities, isTitleWord, type SpeakerPhrase } from './speaker';
import { ANAPHORIC_HEADS, NP_STOP } from './words';

/**
 * Attribution: the explicit speaker of a cue, and the resolution of dropped subjects (agreement with the most
 * recent fitting speaker), definite descriptions (the person they named before) and short names (المجلس -> the
 * council named in full before).
 */
export type Via = NonNullable<Quote['speaker']>['via'];

/** A speaker known at some point of the text: the explicit subject of a cue, or a quotation's resolved speaker. */
export interface SpeakerEvent {
  pos: number;
  start: number;
  end: number;
  agreement?: Agreement;
  named: boolean;
  description?: string;
  paragraph: number;
}

export interface Doc extends SegmentedDoc {
  entities: EntityMention[];
}

/** Index of the first token whose end is after pos (the token at or after pos). */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pronoun subjects before a verb (لكنه أضاف، وهي تقول): their gender. */
function pronounSubject(t: Token | undefined): Agreement | undefined {
  if (!t || t.kind !== 'arabic') return undefined;
  const n = t.norm.replace(/^[وف]/, '');
  if (/^(لكن|ان|لان)ه$/.test(n) || n === 'هو') return 'm';
  if (/^(لكن|ان|لان)ها$/.test(n) || n === 'هي') return 'f';
  if (/^(لكن|ان|لان)(هم|هما)$/.test(n) || n === 'هم') return 'pl';
  return undefined;
}

export const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

/**
 * «وقال المجلس» after «المجلس الوطني للمقاومة الإيرانية»: a one-word definite phrase that begins a longer name given
 * earlier (an entity mention or a quoted name) stands for that name; the speaker becomes the earlier full mention.
 */
function expandShortName(doc: Doc, p: SpeakerPhrase, names: TextSpan[]): SpeakerPhrase {
  const { tokens, norm } = doc;
  const a = tokenAt(tokens, p.start);
  const t = tokens[a];
  if (!t || t.end < p.end || !t.norm.startsWith('ال') || isTitleWord(t)) return p;
  const viewOf = (x: TextSpan) => norm.view.slice(originalToView(norm, x.start), originalToView(norm, x.end));
  const key = t.norm + ' ';
  const cands = [...doc.entities, ...names].filter((n) => n.end <= p.start).sort((x, y) => y.start - x.start);
  const hit = cands.find((n) => viewOf(n).startsWith(key));
  return hit ? { start: hit.start, end: hit.end, named: true } : p;
}

/** The explicit speaker of a cue, or how to find it (dropped subject / pronoun), without looking at other cues. */
/** Index of the token where the subject area after a cue ends (see subjectReach). */
function subjectReachIndex(tokens: Token[], from: number, limit: number): number {
  const pos = subjectReach(tokens, from, limit);
  return tokenAt(tokens, pos);
}

export function explicitSpeaker(doc: Doc, cue: CueHit, names: TextSpan[]): { phrase?: SpeakerPhrase; via: Via; agreement?: Agreement } {
  const { tokens, sentences } = doc;
  const sent = sentences[tokens[cue.first].sentence];
  const limit = sent ? sent.tokenEnd : tokens.length;
  const floor = sent ? sent.tokenStart : 0;
  const agreement = cue.agreement;
  const reach = tokens[subjectReachIndex(tokens, cue.last + 1, limit)]?.start ?? 0;
  const snap = (p: SpeakerPhrase | null) => (p ? expandShortName(doc, snapToEntities(p, doc.entities, Math.max(p.end, reach), tokens), names) : undefined);
  if (cue.type === 'phrase') {
    if (cue.anaphoric) return { via: 'pronoun', agreement };
    if (cue.speakerAfter) {
      const p = cue.splitsNext ? phraseAfter(tokens, cue.last, limit, true) : phraseAfter(tokens, cue.last + 1, limit);
      if (p) return { phrase: snap(p), via: 'explicit' };
    }
    return { via: 'agreement', agreement };
  }
  if (cue.form === 'part') return { via: 'agreement', agreement };
  const pron = pronounSubject(tokens[cue.first - 1]);
  if (pron) return { via: 'pronoun', agreement: pron };
  // «الوزيرة التي قالت»: the antecedent of the relative pronoun is the subject
  const rel = tokens[cue.first - 1];
  const ante = tokens[cue.first - 2];
  if (rel && ante && cue.first - 2 >= floor && ['التي', 'الذي', 'اللذان', 'اللتان', 'الذين', 'اللواتي', 'اللاتي'].includes(rel.norm) && ante.kind === 'arabic') {
    return { phrase: snap({ start: mentionStart(ante), end: ante.end, named: !isTitleWord(ante) }), via: 'explicit', agreement };
  }
  let i = cue.last + 1;
  if (tokens[i] && ['ايضا', 'كذلك', 'بدوره', 'بدورها'].includes(tokens[i].norm)) i++;
  // a weak (transitive) verb after its subject: «الشمال اتهم وفده بـ…» — the noun after it is the object
  if (!cue.strong) {
    const before = phraseBefore(tokens, cue.first, floor);
    if (before && tokens[tokenAt(tokens, before.start) - 1]?.kind !== 'arabic') return { phrase: snap(before), via: 'explicit', agreement };
    if (before && ['ان', 'لكن', 'غير'].includes(tokens[tokenAt(tokens, before.start) - 1]?.norm ?? '')) return { phrase: snap(before), via: 'explicit', agreement };
  }
  if (agreement === 'pl') {
    // a plural verb follows its subject (VSO verbs stay singular): the noun after it is its object
    const before = phraseBefore(tokens, cue.first, floor, true);
    return before ? { phrase: snap(before), via: 'explicit', agreement } : { via: 'agreement', agreement };
  }
  const after = phraseAfter(tokens, i, limit, false, doc.entities);
  // «نقلت وكالة رويترز عن أوليفييه جاكوب»: the one quoted is the speaker, the agency only relays
  if (after && tokens[cue.first].norm.replace(/^[وف]/, '').startsWith('نقل')) {
    const k = tokenAt(tokens, after.end - 1);
    // «نقلت وكالة الطلبة الإيرانية للأنباء عن روحاني»: عن within a few words after the agency
    for (let m = k + 1; m < Math.min(limit, k + 5); m++) {
      if (tokens[m].norm !== 'عن') continue;
      const source = phraseAfter(tokens, m + 1, limit, false, doc.entities);
      if (source) return { phrase: snap(source), via: 'explicit' };
      break;
    }
  }
  if (after) return { phrase: snap(after), via: 'explicit', agreement };
  const before = phraseBefore(tokens, cue.first, floor);
  if (before) return { phrase: snap(before), via: 'explicit', agreement };
  return { via: 'agreement', agreement };
}

export const fits = (a: Agreement | undefined, b: Agreement | undefined) => !a || !b || a === b;

const PREPOSITIONS = new Set(['في', 'من', 'عن', 'الي', 'علي', 'مع', 'عبر', 'لدي', 'عند', 'حول', 'بين', 'ضد', 'نحو', 'امام', 'خلال']);

/** An entity mention that can be the subject of a later verb: not after a preposition (رسالة إلى بارلر), no ب/ل. */
function subjectLike(doc: Doc, m: EntityMention): boolean {
  const t = doc.tokens[tokenAt(doc.tokens, m.start)];
  if (!t) return false;
  if (t.start < m.start && /[بلك]/.test(doc.text.slice(t.start, m.start))) return false;
  const prev = doc.tokens[t.index - 1];
  if (prev && PREPOSITIONS.has(prev.norm)) return false;
  // inside a prepositional phrase as a genitive: «على موقع تويتر»، «في مقر الأمم المتحدة»
  const prev2 = doc.tokens[t.index - 2];
  return !(prev && prev2 && prev.kind === 'arabic' && !prev.norm.startsWith('ال') && PREPOSITIONS.has(prev2.norm));
}

/**
 * Gender of a person mention from its left context: a feminine verb (أسفت بونثيلا) or a feminine title (الوزيرة
 * X، رئيسة الوزراء X) right before it; masculine otherwise.
 */
function personGender(doc: Doc, m: EntityMention): Agreement {
  const i = tokenAt(doc.tokens, m.start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = doc.tokens[k];
    if (t.kind !== 'arabic') break;
    if (isTitleWord(t)) return /ه$/.test(stemOf(t)) ? 'f' : 'm';
    if (k === i - 1 && !t.norm.startsWith('ال') && /[^ا]ت$/.test(t.norm) && t.norm.length >= 4) return 'f';
  }
  return 'm';
}

/**
 * A dropped subject (وأضافت، مضيفا، لكنه أضاف): the most recent speaker or subject-like entity mention that agrees
 * with the verb. Organisations and places are grammatically feminine; persons masculine unless a verb said otherwise.
 */
export function resolveByAgreement(doc: Doc, events: SpeakerEvent[], pos: number, agreement: Agreement | undefined, inQuote: (p: number) => boolean): SpeakerEvent | undefined {
  let best: SpeakerEvent | undefined;
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    if (e.pos < pos && fits(e.agreement, agreement)) {
      best = e;
      break;
    }
  }
  // the subject of a speech verb earlier in the same sentence (وذكر ترمب … أن …، مضيفاً) beats names in between
  const sentenceOf = (p: number) => doc.tokens[tokenAt(doc.tokens, p)]?.sentence;
  if (best && sentenceOf(best.pos) === sentenceOf(pos)) return best;
  // places speak less often than people and bodies: the latest fitting person or organisation first
  let place: SpeakerEvent | undefined;
  for (let k = doc.entities.length - 1; k >= 0; k--) {
    const m = doc.entities[k];
    if (m.end > pos || inQuote(m.start)) continue;
    if (best && m.start <= best.pos) break;
    if (best && best.start < m.end && best.end > m.start) break;
    const known = events.find((e) => e.start < m.end && e.end > m.start && e.agreement);
    const g: Agreement = known?.agreement ?? (m.type === 'PER' ? personGender(doc, m) : 'f');
    if (!fits(g, agreement) || !subjectLike(doc, m)) continue;
    const found = { pos: m.start, start: m.start, end: m.end, agreement: g, named: true, paragraph: -1 };
    if (m.type !== 'LOC') return found;
    place ??= found;
  }
  return best ?? place;
}

/**
 * A definite description (حاكم البنك المركزي الصيني، رئيس الوزراء الأسترالي، المسؤول الأممي) usually refers to someone
 * named before: the name that followed the same description earlier, else the last named speaker of the same gender
 * a few paragraphs up. Indefinite descriptions (مصدر أمني) are left as they are.
 */
export function resolveDescription(doc: Doc, p: SpeakerPhrase, agreement: Agreement | undefined, events: SpeakerEvent[], paragraph: number): SpeakerEvent | undefined {
  const { tokens, norm } = doc;
  const a = tokenAt(tokens, p.start);
  const b = tokenAt(tokens, p.end - 1);
  // definite by the article, or by construct with a definite noun or a quoted name (حاكم "بنك الشعب الصيني")
  const next = tokens[a + 1];
  const definite = tokens.slice(a, b + 1).some((t) => t.norm.startsWith('ال')) || (b === a && !!next && next.kind === 'punct' && next.norm === '"');
  if (!definite) return undefined;
  const key = norm.view.slice(tokens[a].viewStart, tokens[b].viewEnd);
  let at = norm.view.lastIndexOf(key, tokens[a].viewStart - 1);
  while (at >= 0) {
    const endTok = tokenAt(tokens, norm.origEnd[at + key.length - 1] - 1);
    let k = endTok + 1;
    if (tokens[k]?.kind === 'punct' && tokens[k].norm === ',') k++;
    const ent = doc.entities.find((e) => e.type === 'PER' && e.start >= tokens[endTok].end && e.start <= (tokens[k]?.start ?? 0));
    if (ent) return { pos: ent.start, start: ent.start, end: ent.end, named: true, agreement, paragraph };
    let m = k;
    while (m < tokens.length && m - k < 3 && tokens[m].kind === 'arabic' && !tokens[m].norm.startsWith('ال') && !NP_STOP.has(tokens[m].norm) && !tokens[m].segments?.some((s) => s.role === 'proclitic') && !isTitleWord(tokens[m])) m++;
    const stop = tokens[m];
    const ends = !stop || stop.kind === 'punct' || NP_STOP.has(stop.norm) || stop.norm.startsWith('ال') || !!stop.segments?.some((g) => g.role === 'proclitic');
    if (m > k && ends) {
      return { pos: tokens[k].start, start: tokens[k].start, end: tokens[m - 1].end, named: true, agreement, paragraph };
    }
    at = at > 0 ? norm.view.lastIndexOf(key, at - 1) : -1;
  }
  if (!ANAPHORIC_HEADS.has(stemOf(tokens[a]))) return undefined;
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    if (e.pos >= p.start || !e.named) continue;
    if (paragraph - e.paragraph > 3) break;
    return fits(e.agreement, agreement) ? e : undefined;
  }
  return undefined;
}

