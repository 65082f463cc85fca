import type { Token } from '../../types';
import { cueLexicon, type Agreement, type CueForm } from './lexicon';

/** A speech cue found in the tokens: a verb form (قالت، وأضاف، مضيفا) or a phrase (بحسب، وفقا لـ، إلى القول). */
export interface CueHit {
  /** Token range [first, last] of the cue. */
  first: number;
  last: number;
  type: 'verb' | 'phrase';
  form?: CueForm['form'];
  agreement?: Agreement;
  strong: boolean;
  /** Phrase cues: the speaker is the noun phrase after the phrase. */
  speakerAfter?: boolean;
  anaphoric?: boolean;
  /** For a phrase cue ending in ل (وفقا لـ): the speaker starts inside the next token, after that proclitic. */
  splitsNext?: boolean;
}

/** The token's view form without one conjunction proclitic و/ف (وأضاف -> اضاف). */
function bare(t: Token, withObject = false): string[] {
  const n = t.norm;
  const out = /^[وف]/.test(n) && n.length > 3 ? [n, n.slice(1)] : [n];
  // an object pronoun on the verb (ووصفها، اعتبره): the verb without it
  const enc = t.segments?.filter((g) => g.role === 'enclitic').map((g) => g.form).join('');
  if (withObject && enc && n.endsWith(enc) && n.length - enc.length >= 3) {
    const v = n.slice(0, n.length - enc.length);
    out.push(v);
    if (/^[وف]/.test(v) && v.length > 3) out.push(v.slice(1));
  }
  return out;
}

/** The verb cue a token is, if any. */
export function verbCue(t: Token): CueForm | undefined {
  if (t.kind !== 'arabic') return undefined;
  // Runs on every token: the forms of bare(t) are looked up without building them into arrays first.
  const verbs = cueLexicon().verbs;
  const n = t.norm;
  const hit = verbs.get(n) ?? (CONJUNCTION.test(n) && n.length > 3 ? verbs.get(n.slice(1)) : undefined);
  if (hit) return hit;
  // a past verb with an object pronoun (ووصفها، اعتبره); imperfect ones are too often relative clauses (حساب تتابعه)
  if (!t.segments?.some((g) => g.role === 'enclitic')) return undefined;
  for (const f of bare(t, true)) {
    const h = verbs.get(f);
    if (h && h.form === 'past') return h;
  }
  return undefined;
}

const CONJUNCTION = /^[وف]/;

/** A phrase cue starting at token i, if any (the longest). */
export function phraseCue(tokens: Token[], i: number): CueHit | undefined {
  const first = tokens[i];
  if (!first || first.kind !== 'arabic') return undefined;
  const lex = cueLexicon();
  // most words start no phrase: say so before building anything (this runs on every token)
  const n0 = first.norm;
  if (!lex.phrasesByFirst.has(n0) && !(n0.startsWith('و') && n0.length > 3 && lex.phrasesByFirst.has(n0.slice(1)))) return undefined;
  // only و strips from a phrase (ووفقا); فحسب is "only", not ف + حسب
  const firstForms = bare(first).filter((f) => f === first.norm || first.norm.startsWith('و'));
  const candidates = firstForms.flatMap((f) => lex.phrasesByFirst.get(f) ?? []);
  let best: CueHit | undefined;
  for (const p of candidates) {
    const n = p.words.length;
    let ok = true;
    let splitsNext = false;
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[i + k];
      const w = p.words[k];
      if (!t || t.kind !== 'arabic') { ok = false; break; }
      const forms = k === 0 ? firstForms : [t.norm];
      if (k === n - 1 && w === 'ل' && n > 1) {
        // وفقا لـ / وفقا لتورنبول: the ل is a proclitic of the next token (or stands alone with a tatweel)
        ok = t.norm.startsWith('ل') && t.norm.length > 1;
        splitsNext = ok && t.norm !== 'ل';
      } else ok = forms.includes(w);
    }
    if (!ok) continue;
    const last = splitsNext ? i + n - 1 : i + n - 1;
    if (!best || last > best.last) {
      best = { first: i, last, type: 'phrase', strong: true, speakerAfter: p.speakerAfter, anaphoric: p.anaphoric, splitsNext };
    }
  }
  return best;
}

/** Every cue of the document, in text order (a verb inside a phrase belongs to the phrase). */
export function findCues(tokens: Token[]): CueHit[] {
  const out: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const ph = phraseCue(tokens, i);
    if (ph) {
      // «بحسب ما أعلن X»، «وفق ما أورد بيان»: the verb after «ما» carries the speaker; keep one cue spanning both
      const after = tokens[ph.last + 1];
      const v = after && !ph.speakerAfter && !ph.anaphoric && tokens[ph.last].norm === 'ما' ? verbCue(after) : undefined;
      if (v) {
        out.push({ first: i, last: ph.last + 1, type: 'verb', form: v.form, agreement: v.agreement, strong: true });
        i = ph.last + 1;
      } else {
        out.push(ph);
        i = ph.splitsNext ? ph.last - 1 : ph.last;
      }
      continue;
    }
    const v = verbCue(tokens[i]);
    // نقل is a cue only as «نقل X عن Y» (transport, transfer otherwise)
    if (v && v.lemma === 'نقل' && !tokens.slice(i + 1, i + 9).some((t) => /^عن(ه|ها|هم)?$/.test(t.norm))) continue;
    if (v) out.push({ first: i, last: i, type: 'verb', form: v.form, agreement: v.agreement, strong: v.strong });
  }
  return out;
}
