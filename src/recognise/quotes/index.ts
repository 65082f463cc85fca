import type { EntityMention, Quote, SegmentedDoc, Sentence, TextSpan, Token } from '../../types';
import { findQuotations, type MarkedQuote } from './marks';
import { originalToView } from '../../normalise';
import { findCues, type CueHit } from './cues';
import type { Agreement } from './lexicon';
import { subjectReach, stemOf, mentionStart, phraseAfter, phraseBefore, snapToEntities, isTitleWord, type SpeakerPhrase } from './speaker';
import { quoteKind } from './kind';
import { ANAPHORIC_HEADS, NP_STOP } from './words';

export { findQuotations } from './marks';
export { findCues } from './cues';
export { cueLexicon } from './lexicon';

type Via = NonNullable<Quote['speaker']>['via'];

/** A speaker known at some point of the text: the explicit subject of a cue, or a quotation's resolved speaker. */
interface SpeakerEvent {
  pos: number;
  start: number;
  end: number;
  agreement?: Agreement;
  named: boolean;
  description?: string;
  paragraph: number;
}

interface Doc extends SegmentedDoc {
  entities: EntityMention[];
}

/** Index of the first token whose end is after pos (the token at or after pos). */
function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Can this cue after a quotation attribute it? Phrases (بحسب، وفق ما أورد، حسب تعبيره) can; a bare past verb only
 * right after the closing mark and a comma («…»، قال X), not one opening a new clause (وأكدت، كما أكدت، في حين اتهم).
 */
function postPosed(c: CueHit, closeTok: number, tokens: Token[]): boolean {
  if (c.type === 'phrase' || c.first < c.last) return true;
  // «…»، قال X / «…»، كما قال أحد أقاربها
  const gap = c.first - closeTok;
  return c.form === 'past' && (gap <= 2 || (gap <= 3 && tokens[c.first - 1]?.norm === 'كما'));
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

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

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

function explicitSpeaker(doc: Doc, cue: CueHit, names: TextSpan[]): { phrase?: SpeakerPhrase; via: Via; agreement?: Agreement } {
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
    if (tokens[k + 1]?.norm === 'عن') {
      const source = phraseAfter(tokens, k + 2, limit, false, doc.entities);
      if (source) return { phrase: snap(source), via: 'explicit' };
    }
  }
  if (after) return { phrase: snap(after), via: 'explicit', agreement };
  const before = phraseBefore(tokens, cue.first, floor);
  if (before) return { phrase: snap(before), via: 'explicit', agreement };
  return { via: 'agreement', agreement };
}

const fits = (a: Agreement | undefined, b: Agreement | undefined) => !a || !b || a === b;

const PREPOSITIONS = new Set(['في', 'من', 'عن', 'الي', 'علي', 'مع', 'عبر', 'لدي', 'عند', 'حول', 'بين', 'ضد', 'نحو', 'امام', 'خلال']);

/** An entity mention that can be the subject of a later verb: not after a preposition (رسالة إلى بارلر), no ب/ل. */
function subjectLike(doc: Doc, m: EntityMention): boolean {
  const t = doc.tokens[tokenAt(doc.tokens, m.start)];
  if (!t) return false;
  if (t.start < m.start && /[بلك]/.test(doc.text.slice(t.start, m.start))) return false;
  const prev = doc.tokens[t.index - 1];
  return !(prev && PREPOSITIONS.has(prev.norm));
}

/**
 * A dropped subject (وأضافت، مضيفا، لكنه أضاف): the most recent speaker or subject-like entity mention that agrees
 * with the verb. Organisations and places are grammatically feminine; persons masculine unless a verb said otherwise.
 */
function resolveByAgreement(doc: Doc, events: SpeakerEvent[], pos: number, agreement: Agreement | undefined, inQuote: (p: number) => boolean): SpeakerEvent | undefined {
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
    const g: Agreement = known?.agreement ?? (m.type === 'PER' ? 'm' : 'f');
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
function resolveDescription(doc: Doc, p: SpeakerPhrase, agreement: Agreement | undefined, events: SpeakerEvent[], paragraph: number): SpeakerEvent | undefined {
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

/**
 * The sentence of a token, joined with the sentences before it that ended on a full stop glued to the next word
 * (ممزورلد.كوم): those are not real sentence ends, and the cue may sit before them.
 */
function effectiveSentence(doc: Doc, index: number): Sentence {
  const { sentences, tokens } = doc;
  let s = sentences[index] ?? sentences[0];
  let start = s.tokenStart;
  while (start > 0) {
    const stop = tokens[start - 1];
    const prev = sentences[stop.sentence];
    if (!prev || prev.paragraph !== s.paragraph || stop.norm !== '.' || stop.end !== tokens[start].start) break;
    start = prev.tokenStart;
  }
  if (start !== s.tokenStart) s = { ...s, tokenStart: start, start: tokens[start].start };
  return s;
}

/** Quotations with their kind, cue and speaker. */
export function recogniseQuotes(doc: Doc): Quote[] {
  const { text, tokens, sentences } = doc;
  if (!tokens.length) return [];
  const marked = findQuotations(text, doc.paragraphs);
  const insideQuote = (pos: number) => marked.some((q) => pos >= q.start && pos < q.end);
  const cues = findCues(tokens).filter((c) => !insideQuote(tokens[c.first].start));
  const paraOf = (tok: number) => sentences[tokens[tok].sentence]?.paragraph ?? 0;

  // explicit speakers of every cue, quotation or not: the pool that dropped subjects resolve against
  // short quoted stretches may be names (مؤتمر نظمته "مجاهدي خلق"): candidates for «المجلس» -> the full name
  const names = marked.filter((q) => q.end - q.start < 60).map((q) => span(text, q.start, q.end));
  const explicit = cues.map((c) => explicitSpeaker(doc, c, names));
  const events: SpeakerEvent[] = [];
  const addEvent = (e: SpeakerEvent) => {
    const same = events.findIndex((x) => x.pos === e.pos);
    if (same >= 0) events.splice(same, 1);
    events.push(e);
    events.sort((x, y) => x.pos - y.pos);
  };
  cues.forEach((c, k) => {
    const ex = explicit[k];
    if (!ex.phrase) return;
    const pos = tokens[c.first].start;
    const paragraph = paraOf(c.first);
    const resolved = ex.phrase.named ? undefined : resolveDescription(doc, ex.phrase, ex.agreement, events, paragraph);
    if (resolved) addEvent({ ...resolved, pos, agreement: ex.agreement ?? resolved.agreement, paragraph });
    else addEvent({ pos, start: ex.phrase.start, end: ex.phrase.end, agreement: ex.agreement, named: ex.phrase.named, paragraph, ...(ex.phrase.named ? {} : { description: text.slice(ex.phrase.start, ex.phrase.end) }) });
  });

  const out: Quote[] = [];
  let prevSpeech: { q: Quote; marked: MarkedQuote } | undefined;
  for (const mq of marked) {
    const openTok = tokenAt(tokens, mq.open.start);
    const closeTok = mq.close ? tokenAt(tokens, mq.close.start) : tokenAt(tokens, mq.end - 1);
    const sOpen = effectiveSentence(doc, tokens[openTok]?.sentence ?? 0);
    const sClose = sentences[tokens[closeTok]?.sentence] ?? sOpen;
    const paragraph = paraOf(openTok);

    // the governing cue: nearest before the quotation in its sentence; else a post-posed one (…"، قال X / بحسب ما أعلن)
    const before = cues.filter((c) => c.last < openTok && c.first >= sOpen.tokenStart && !insideQuote(tokens[c.first].start));
    const adjunct = (c: CueHit) => c.type === 'phrase' && !c.speakerAfter && !c.anaphoric;
    let cue: CueHit | undefined = [...before].reverse().find((c) => !adjunct(c)) ?? before[before.length - 1];
    let cueIsAfter = false;
    const nextOpen = marked.find((o) => o.open.start > mq.open.start)?.open.start ?? Infinity;
    const after = cues.find((c) => c.first > closeTok && c.last < sClose.tokenEnd && tokens[c.first].start < nextOpen && postPosed(c, closeTok, tokens));
    // a post-posed cue right after the quotation («…» للنظام الإيراني، وفق ما أورد بيان) beats a distant one before
    const introduced = openTok > 0 && (tokens[openTok - 1].norm === ':' || ['ان', 'انه', 'انها', 'انهم', 'انهما'].includes(tokens[openTok - 1].norm));
    if (after && (!cue || (!introduced && !after.anaphoric && after.first - closeTok <= 6 && openTok - cue.last > 2 * (after.first - closeTok) && openTok - cue.last > 8))) {
      cue = after;
      cueIsAfter = true;
    }
    // continuation: nothing but punctuation since the previous speech quotation, in this or the previous paragraph
    let continuation = false;
    if (!cue && prevSpeech && prevSpeech.marked.close) {
      const gap = text.slice(prevSpeech.marked.close.end, mq.open.start);
      continuation = /^[\s.,،:;؛!?؟]*$/.test(gap) && paragraph - paraOf(tokenAt(tokens, prevSpeech.q.start)) <= 1;
    }
    const prevTok = openTok > 0 && tokens[openTok - 1].start >= doc.paragraphs[paragraph]?.start ? tokens[openTok - 1] : undefined;
    const words = tokens.slice(openTok + 1, closeTok).filter((t) => t.kind !== 'punct').length;
    const k = quoteKind({
      prev: prevTok,
      // skip a lone ب/بـ between a naming word and the mark (ما يسمى بـ"…")
      prev2: prevTok && prevTok.norm === 'ب' ? tokens[openTok - 2] : prevTok && openTok > 1 ? tokens[openTok - 2] : undefined,
      // بـ"…"، لـ"…"، كـ"…": a preposition glued to the mark introduces words (و"…" only joins a list)
      glued: mq.open.start > 0 && /[بلكـ]/.test(text[mq.open.start - 1]) && !/الـ?$/.test(text.slice(Math.max(0, mq.open.start - 3), mq.open.start)),
      words,
      single: words === 1 ? tokens.slice(openTok + 1, closeTok).find((t) => t.kind !== 'punct') : undefined,
      next: mq.close ? tokens[closeTok + 1] : undefined,
      cue,
      cueAdjacent: !!cue && !cueIsAfter && cue.last === openTok - 1,
      continuation,
      inner: text.slice(mq.start, mq.end),
      entities: doc.entities,
      start: mq.start,
      end: mq.end,
    });

    const q: Quote = {
      ...span(text, mq.start, mq.end),
      kind: k.kind,
      open: mq.open,
      ...(mq.close ? { close: mq.close } : {}),
      ...(mq.partial ? { partial: true } : {}),
      confidence: k.confidence,
    };
    if (k.kind === 'speech') {
      if (cue) {
        const cueStart = tokens[cue.first].start;
        const cueEnd = cue.splitsNext ? mentionStart(tokens[cue.last]) : tokens[cue.last].end;
        q.cue = span(text, cueStart, cueEnd);
        const ex = explicit[cues.indexOf(cue)];
        let found: SpeakerEvent | undefined;
        let via: Via = ex.via;
        let description: string | undefined;
        if (ex.phrase) {
          found = { pos: cueStart, start: ex.phrase.start, end: ex.phrase.end, agreement: ex.agreement, named: ex.phrase.named, paragraph };
          if (!ex.phrase.named) {
            const resolved = resolveDescription(doc, ex.phrase, ex.agreement, events, paragraph);
            if (resolved) found = { ...resolved, pos: cueStart, paragraph };
            else description = text.slice(ex.phrase.start, ex.phrase.end);
          }
        } else {
          const r = resolveByAgreement(doc, events, cueStart, ex.agreement, insideQuote);
          if (r) {
            found = { ...r, pos: cueStart, agreement: ex.agreement ?? r.agreement, paragraph };
            description = r.description;
          }
        }
        if (found) {
          q.speaker = { ...span(text, found.start, found.end), via, ...(description ? { description } : {}) };
          // the resolved speaker becomes the latest known one (وأضافت … وخلصت)
          addEvent({ ...found, description });
        }
        if (!found) q.confidence = Math.min(q.confidence, 0.6);
      } else if (continuation && prevSpeech?.q.speaker) {
        const s = prevSpeech.q.speaker;
        q.speaker = { start: s.start, end: s.end, text: s.text, via: 'continuation', ...(s.description ? { description: s.description } : {}) };
      }
      prevSpeech = { q, marked: mq };
    }
    out.push(q);
  }
  return out;
}
