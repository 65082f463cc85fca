import { normaliseText } from '../../normalise';

/** Grammatical agreement carried by a cue form: 3rd person masculine / feminine singular, or plural. */
export type Agreement = 'm' | 'f' | 'pl';

export interface CueForm {
  /** The lemma (past 3rd masc. sg.) in view form, for reports. */
  lemma: string;
  form: 'past' | 'imperf' | 'part';
  agreement: Agreement;
  /** A strong cue introduces reported words by itself (قال "..."); a weak one needs a complement. */
  strong: boolean;
}

export interface CuePhrase {
  /** View forms of the words; a final "ل" matches a ل proclitic on the next token (وفقا لـ / وفقا لتورنبول). */
  words: string[];
  /** The speaker is the noun phrase right after the phrase (بحسب X، وفقا لـX، نقلا عن X). */
  speakerAfter: boolean;
  /** Refers back to a speaker already named (حسب تعبيره). */
  anaphoric: boolean;
}

export interface CueLexicon {
  verbs: Map<string, CueForm>;
  phrases: CuePhrase[];
  /** The phrases by their first word, so a token is compared only with the phrases it could start. */
  phrasesByFirst: Map<string, CuePhrase[]>;
}

interface RawVerb { past: string; pastF?: string; pastPl?: string; imperf: string; part?: string; strong: boolean }
interface RawPhrase { words: string[]; speakerAfter?: boolean; anaphoric?: boolean }

/** The analysis-view form of a lexicon entry: the same folding the tokens' `norm` went through. */
export function viewForm(s: string): string {
  return normaliseText(s).view;
}

/** All inflected forms of one verb entry, by agreement. Defective verbs (ادعى، نفى) give their own feminine. */
function inflect(v: RawVerb): [string, CueForm['form'], Agreement][] {
  const out: [string, CueForm['form'], Agreement][] = [];
  const past = viewForm(v.past);
  out.push([past, 'past', 'm']);
  out.push([v.pastF ? viewForm(v.pastF) : past + 'ت', 'past', 'f']);
  out.push([v.pastPl ? viewForm(v.pastPl) : past + 'وا', 'past', 'pl']);
  if (!v.pastF) {
    out.push([past + 'ا', 'past', 'pl']); // dual masc.
    out.push([past + 'تا', 'past', 'pl']); // dual fem.
  }
  const imp = viewForm(v.imperf);
  out.push([imp, 'imperf', 'm']);
  if (imp.startsWith('ي')) out.push(['ت' + imp.slice(1), 'imperf', 'f']);
  if (!/[يو]$/.test(imp)) out.push([imp + 'ون', 'imperf', 'pl']);
  if (v.part) {
    const part = viewForm(v.part);
    const base = part.endsWith('ا') ? part.slice(0, -1) : part;
    // the bare form (مضيف، هاتف) is a noun far more often than an adverbial participle: only the accusative counts
    out.push([base + 'ا', 'part', 'm'], [base + 'ه', 'part', 'f'], [base + 'ين', 'part', 'pl']);
  }
  return out;
}

let cached: CueLexicon | undefined;

/** The cue lexicon (resources/quotes/cues.json), expanded to every inflected form and loaded once. */
export function cueLexicon(): CueLexicon {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('../../../resources/quotes/cues.json') as { verbs: RawVerb[]; phrases: RawPhrase[] };
  const verbs = new Map<string, CueForm>();
  for (const v of data.verbs) {
    const lemma = viewForm(v.past);
    for (const [f, form, agreement] of inflect(v)) {
      if (!verbs.has(f)) verbs.set(f, { lemma, form, agreement, strong: v.strong });
    }
  }
  const phrases = data.phrases.map((p) => ({
    words: p.words.map(viewForm),
    speakerAfter: p.speakerAfter === true,
    anaphoric: p.anaphoric === true,
  }));
  const phrasesByFirst = new Map<string, CuePhrase[]>();
  for (const p of phrases) {
    const list = phrasesByFirst.get(p.words[0]);
    if (list) list.push(p);
    else phrasesByFirst.set(p.words[0], [p]);
  }
  cached = { verbs, phrases, phrasesByFirst };
  return cached;
}
