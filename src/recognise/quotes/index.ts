import type { EntityMention, Quote, SegmentedDoc, TextSpan, Token } from '../../types';
import { findQuotations, type MarkedQuote } from './marks';
import { findCues, type CueHit } from './cues';
import type { Agreement } from './lexicon';
import { mentionStart, phraseAfter, phraseBefore, snapToEntities, isTitleWord, type SpeakerPhrase } from './speaker';
import { quoteKind } from './kind';
import { NP_STOP } from './words';

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

/** The explicit speaker of a cue, or how to find it (dropped subject / pronoun), without looking at other cues. */
function explicitSpeaker(doc: Doc, cue: CueHit): { phrase?: SpeakerPhrase; via: Via; agreement?: Agreement } {
  const { tokens, sentences } = doc;
  const sent = sentences[tokens[cue.first].sentence];
  const limit = sent ? sent.tokenEnd : tokens.length;
  const floor = sent ? sent.tokenStart : 0;
  const agreement = cue.agreement;
  const snap = (p: SpeakerPhrase | null) => (p ? snapToEntities(p, doc.entities) : undefined);
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
  if (agreement === 'pl') {
    const before = phraseBefore(tokens, cue.first, floor);
    if (before) return { phrase: snap(before), via: 'explicit', agreement };
  }
  const after = phraseAfter(tokens, i, limit);
  if (after) return { phrase: snap(after), via: 'explicit', agreement };
  const before = phraseBefore(tokens, cue.first, floor);
  if (before) return { phrase: snap(before), via: 'explicit', agreement };
  return { via: 'agreement', agreement };
}

const fits = (a: Agreement | undefined, b: Agreement | undefined) => !a || !b || a === b;

/** The most recent speaker agreeing with the verb; then the most recent fitting entity mention. */
function resolveByAgreement(events: SpeakerEvent[], entities: EntityMention[], pos: number, agreement: Agreement | undefined): SpeakerEvent | undefined {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    if (e.pos < pos && fits(e.agreement, agreement)) return e;
  }
  for (let k = entities.length - 1; k >= 0; k--) {
    const m = entities[k];
    if (m.end > pos) continue;
    const g: Agreement = m.type === 'PER' ? 'm' : 'f';
    if (fits(g, agreement)) return { pos: m.start, start: m.start, end: m.end, agreement: g, named: true, paragraph: -1 };
  }
  return undefined;
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
  const definite = tokens[a].norm.startsWith('ال') || (b > a && tokens[a + 1].norm.startsWith('ال'));
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
    if (m > k && (!stop || stop.kind === 'punct' || NP_STOP.has(stop.norm))) {
      return { pos: tokens[k].start, start: tokens[k].start, end: tokens[m - 1].end, named: true, agreement, paragraph };
    }
    at = at > 0 ? norm.view.lastIndexOf(key, at - 1) : -1;
  }
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    if (e.pos >= p.start || paragraph - e.paragraph > 3) break;
    if (e.named && fits(e.agreement, agreement)) return e;
    if (!fits(e.agreement, agreement)) return undefined;
  }
  return undefined;
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
  const explicit = cues.map((c) => explicitSpeaker(doc, c));
  const events: SpeakerEvent[] = [];
  const addEvent = (e: SpeakerEvent) => {
    events.push(e);
    events.sort((x, y) => x.pos - y.pos);
  };
  cues.forEach((c, k) => {
    const ex = explicit[k];
    if (ex.phrase) addEvent({ pos: tokens[c.first].start, start: ex.phrase.start, end: ex.phrase.end, agreement: ex.agreement, named: ex.phrase.named, paragraph: paraOf(c.first) });
  });

  const out: Quote[] = [];
  let prevSpeech: { q: Quote; marked: MarkedQuote } | undefined;
  for (const mq of marked) {
    const openTok = tokenAt(tokens, mq.open.start);
    const closeTok = mq.close ? tokenAt(tokens, mq.close.start) : tokenAt(tokens, mq.end - 1);
    const sOpen = sentences[tokens[openTok]?.sentence] ?? sentences[0];
    const sClose = sentences[tokens[closeTok]?.sentence] ?? sOpen;
    const paragraph = paraOf(openTok);

    // the governing cue: nearest before the quotation in its sentence; else a post-posed one (…"، قال X / بحسب ما أعلن)
    const before = cues.filter((c) => c.last < openTok && c.first >= sOpen.tokenStart && !insideQuote(tokens[c.first].start));
    const adjunct = (c: CueHit) => c.type === 'phrase' && !c.speakerAfter && !c.anaphoric;
    let cue: CueHit | undefined = [...before].reverse().find((c) => !adjunct(c)) ?? before[before.length - 1];
    let cueIsAfter = false;
    if (!cue) {
      const nextOpen = marked.find((o) => o.open.start > mq.open.start)?.open.start ?? Infinity;
      cue = cues.find((c) => c.first > closeTok && c.last < sClose.tokenEnd && tokens[c.first].start < nextOpen && (c.type === 'phrase' || c.form !== 'part'));
      cueIsAfter = !!cue;
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
      glued: mq.open.start > 0 && /[\p{L}ـ]/u.test(text[mq.open.start - 1]),
      words,
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
          const r = resolveByAgreement(events, doc.entities, cueStart, ex.agreement);
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
