import type { Quote, Sentence, Token } from '../../types';
import { findQuotations, type MarkedQuote } from './marks';
import { findCues, type CueHit } from './cues';
import { mentionStart } from './speaker';
import { quoteKind } from './kind';
import { explicitSpeaker, resolveByAgreement, resolveDescription, span, tokenAt, type Doc, type SpeakerEvent, type Via } from './attribution';

export { findQuotations } from './marks';
export { findCues } from './cues';
export { cueLexicon } from './lexicon';

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
