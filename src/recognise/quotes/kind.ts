import type { EntityMention, Token } from '../../types';
import { stemOf, isTitleWord } from './speaker';
import { TERM_HEADS } from './words';
import type { CueHit } from './cues';

/** What the attribution step learnt about a quotation, as evidence for speech vs term. */
export interface KindEvidence {
  /** Token right before the opening mark (in the same paragraph), if any, and the one before it. */
  prev?: Token;
  prev2?: Token;
  /** The opening mark is glued to a proclitic or a tatweel (بـ"…", لـ"…"). */
  glued: boolean;
  /** Number of words between the marks. */
  words: number;
  /** The single word between the marks, when there is one (for its clitics). */
  single?: Token;
  /** Token right after the closing mark. */
  next?: Token;
  cue?: CueHit;
  /** The cue is the token right before the quotation (قال "…", واتهم "…"). */
  cueAdjacent: boolean;
  continuation: boolean;
  inner: string;
  entities: EntityMention[];
  start: number;
  end: number;
}

const COMPLEMENTIZERS = new Set(['ان', 'انه', 'انها', 'انهم', 'انهما', 'انني', 'اننا', 'بان', 'بانه', 'بانها', 'لان', 'القول', 'بالقول']);

/**
 * Speech or term. Reported words are introduced by a cue (before or after, in the same sentence), a colon or a
 * complementizer; names, titles and scare quotes sit after a head noun (صحيفة "…"، بملف "…"), are entity names, or
 * have no cue at all.
 */
export function quoteKind(e: KindEvidence): { kind: 'speech' | 'term'; confidence: number } {
  const inner = e.inner.trim();
  if (inner.startsWith('#')) return { kind: 'term', confidence: 0.9 };
  // the quotation is (mostly) one entity name: «وأوقفت "نتفليكس"»
  const covered = e.entities.filter((m) => m.start >= e.start - 1 && m.end <= e.end + 1).reduce((s, m) => s + (m.end - m.start), 0);
  if (e.words <= 5 && covered >= 0.6 * (e.end - e.start)) return { kind: 'term', confidence: 0.85 };
  const prev = e.prev;
  // «ما يسمى بـ"…"»، «المعروف باسم "…"»، «يطلق عليه "…"»: a name
  const named = [e.prev, e.prev2].some((t) => t && /^(ما)?(يسمي|تسمي|المسمي|المسماه|يعرف|تعرف|المعروف|المعروفه|باسم|اسم|اسمه|اسمها|يطلق|تطلق|عليه|عليها|لقب|بلقب)$/.test(t.norm));
  if (named && e.words <= 6) return { kind: 'term', confidence: 0.85 };
  if (prev && prev.kind === 'arabic') {
    const stem = stemOf(prev);
    // (also in the accusative: نشروا وسما "…")
    const forms = [stem, prev.norm, prev.norm.replace(/^[وف]/, '')].flatMap((f) => [f, f.replace(/ا$/, '')]);
    const head = forms.some((f) => TERM_HEADS.has(f));
    if (head && e.words <= 6) return { kind: 'term', confidence: 0.85 };
    // a title right before: the quotation names its institution (حاكم "بنك الشعب الصيني")
    if (isTitleWord(prev) && e.words <= 5) return { kind: 'term', confidence: 0.75 };
  }
  // «وقالت "ستاندارد اند بورز" إن …»، «ويقول نيكولا رفعت من مكتب "بيرينغ بوينت" إن …»: a short quotation right
  // before the complementizer or colon that opens the reported words belongs to the speaker's noun phrase
  if (e.next && (COMPLEMENTIZERS.has(e.next.norm) || e.next.norm === ':' || (e.cueAdjacent && e.next.norm === 'في'))) {
    if (e.words <= (e.cueAdjacent ? 5 : 3)) return { kind: 'term', confidence: 0.75 };
  }
  if (prev && prev.kind === 'punct' && prev.norm === ':') return { kind: 'speech', confidence: 0.95 };
  // one bare word (حادث "سويوز"، المقاومة "التهامية") is a name or a term; one word with a preposition or a
  // pronoun attached (هدد "بالانفصال"، عن "أسفه") is someone's word
  // a short name with a number (سيناء 2018، إم.إتش 17)
  if (e.words <= 3 && /\d/.test(inner) && !e.glued && !(prev && COMPLEMENTIZERS.has(prev.norm))) return { kind: 'term', confidence: 0.7 };
  if (e.words === 1 && e.single && !e.glued) {
    const clitic = (e.single.segments ?? []).some((g) => g.role === 'enclitic' || (g.role === 'proclitic' && g.form !== 'ال'));
    if (!clitic) return { kind: 'term', confidence: 0.65 };
  }
  // «لـ"العربية.نت"»، «في "العين"»: an audience or a place named in quotes
  if (e.words <= 3 && prev && (prev.norm === 'ل' || prev.norm === 'في')) return { kind: 'term', confidence: 0.7 };
  if (e.glued || (prev && COMPLEMENTIZERS.has(prev.norm))) return { kind: e.cue || e.words > 3 ? 'speech' : 'term', confidence: 0.85 };
  if (e.continuation) return { kind: 'speech', confidence: 0.8 };
  if (!e.cue) return e.words >= 8 ? { kind: 'speech', confidence: 0.55 } : { kind: 'term', confidence: 0.7 };
  // «بحسب "البوابة العربية للأخبار التقنية"»، «وفق "فرانس برس"»: the quoted words are the source's name
  if (e.cueAdjacent && e.cue?.speakerAfter && e.words <= 6) return { kind: 'term', confidence: 0.8 };
  if (e.cueAdjacent) {
    // a weak cue followed by the quotation as its object is a name (واتهم "المجلس الوطني …")
    if (!e.cue.strong && e.words <= 4) return { kind: 'term', confidence: 0.6 };
    return { kind: 'speech', confidence: 0.9 };
  }
  // a verb with an object pronoun right before a short quotation: its subject is the quoted name (نظمته "…")
  if (prev && prev.kind === 'arabic' && /ته$|تها$/.test(prev.norm) && e.words <= 3) return { kind: 'term', confidence: 0.6 };
  return { kind: 'speech', confidence: e.words >= 4 ? 0.8 : 0.65 };
}
