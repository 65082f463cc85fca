import { hashString, mix } from './features';
import { addEmissions, NT as N_TAGS, TAGS, viterbi, type Model } from './model';

// A module-local copy: an imported binding read in a hot loop can cost a getter call per read (esbuild's CommonJS
// output, which tsx runs).
const NT = N_TAGS;

/**
 * Second-pass ("stacked") features, after Krishnan & Manning (2006): what the first pass said about the same word
 * form elsewhere in the document. A name is often tagged confidently in one sentence (after a title, inside a
 * known phrase) and missed where it recurs alone; one reading per document carries the easy occurrence over.
 *
 * The same model decodes twice: first without these features, then with them added to the emission scores (the
 * model saw them in half of its training presentations, so it is sound in both passes). The second pass costs a
 * few weight look-ups per token it concerns and one Viterbi per sentence holding such a token: the base features
 * are not extracted or scored again.
 *
 * Used when the model file says `stacked: true`, as the shipped one does (scripts/train-ner.ts; --no-stacked trains
 * a one-pass model). Measured with 5-fold CV on ANERcorp, with 2^20 feature buckets: the tagger alone 0.763 ->
 * 0.781, the whole pipeline under the ANERcorp guidelines 0.779 -> 0.785 (its name propagation, ./propagate.ts,
 * already gives one reading per document, so the two overlap); news dev gold and Wojood within 2 entities / 0.3
 * points of the one-pass model.
 */

/** At most this many stacked features per token. */
export const MAX_STACKED = 10;

/** Types 0 = O, 1 = PER, 2 = ORG, 3 = LOC: tags are O, then B-X, I-X pairs. */
const TYPE_CODES = ['O', 'PER', 'ORG', 'LOC'].map((t) => hashString(t));
const TAG_CODES = TAGS.map((t) => hashString(t));

// The features' hashes (before the bucket mask), one per value.
const MAJOR = TYPE_CODES.map((c) => mix(70, c, 0));
const ELSEWHERE = TAG_CODES.map((c) => mix(71, c, 0));
const LEFT_MAJOR = TYPE_CODES.map((c) => mix(72, c, 0));
const RIGHT_MAJOR = TYPE_CODES.map((c) => mix(73, c, 0));
const OWN = TAG_CODES.map((c) => mix(74, c, 0));

// Scratch: open-addressing table form code -> slot, tag counts per slot, slot and majority per token.
let keys = new Uint32Array(2048);
let slots = new Int32Array(2048);
let tagCounts = new Int32Array(1024 * NT);
let slotOf = new Int32Array(1024);
let major = new Int8Array(1024);

function reserve(n: number): void {
  if (slotOf.length >= n) return;
  const size = Math.max(n, slotOf.length * 2);
  keys = new Uint32Array(size * 2);
  slots = new Int32Array(size * 2);
  tagCounts = new Int32Array(size * NT);
  slotOf = new Int32Array(size);
  major = new Int8Array(size);
}

/**
 * Stacked features of the n tokens of one document. `forms[i]` is a code of token i's word form (0: a token that
 * is not a word, never counted), `tags[i]` its first-pass tag. Writes MAX_STACKED slots per token to `out` and
 * the number used to `counts`.
 *
 * Only forms the first pass read as a name at least once in the document take features (and their neighbours):
 * the rest of the text keeps its first-pass scores, so most sentences need no second Viterbi.
 */
export function stackedFeatures(forms: Uint32Array, tags: Uint8Array, n: number, bits: number, out: Int32Array, counts: Int32Array): void {
  const mask = (1 << bits) - 1;
  reserve(n);
  // tag counts per distinct form (slot: the form's first occurrence); the table holds at most n keys in 2n cells
  let cap = 1;
  while (cap < 2 * n) cap <<= 1;
  keys.fill(0, 0, cap);
  for (let i = 0; i < n; i++) {
    const f = forms[i];
    if (f === 0) {
      slotOf[i] = -1;
      continue;
    }
    let h = Math.imul(f, 0x9e3779b1) >>> 0;
    for (;;) {
      h &= cap - 1;
      if (keys[h] === 0) {
        keys[h] = f;
        slots[h] = i;
        for (let t = i * NT; t < i * NT + NT; t++) tagCounts[t] = 0;
        break;
      }
      if (keys[h] === f) break;
      h++;
    }
    const s = slots[h];
    slotOf[i] = s;
    tagCounts[s * NT + tags[i]]++;
  }
  // majority type of the form's other occurrences; -1 when it has none or was never read as a name
  for (let i = 0; i < n; i++) {
    major[i] = -1;
    const s = slotOf[i];
    if (s < 0) continue;
    const c = s * NT;
    const own = tags[i];
    // the other occurrences by type (type y > 0 is tags 2y-1 = B and 2y = I), this one taken out
    const oCount = tagCounts[c] - (own === 0 ? 1 : 0);
    const per = tagCounts[c + 1] + tagCounts[c + 2] - (own === 1 || own === 2 ? 1 : 0);
    const org = tagCounts[c + 3] + tagCounts[c + 4] - (own === 3 || own === 4 ? 1 : 0);
    const loc = tagCounts[c + 5] + tagCounts[c + 6] - (own === 5 || own === 6 ? 1 : 0);
    const names = per + org + loc;
    const total = oCount + names;
    // ties go to the entity types: a name tagged once and missed once is more likely a name
    let best = 0;
    let bestCount = oCount;
    if (per > 0 && per >= bestCount) { best = 1; bestCount = per; }
    if (org > 0 && org >= bestCount) { best = 2; bestCount = org; }
    if (loc > 0 && loc >= bestCount) best = 3;
    if (total === 0 || (names === 0 && own === 0)) continue;
    major[i] = best;
  }
  for (let i = 0; i < n; i++) {
    const base = i * MAX_STACKED;
    let f = 0;
    const m = major[i];
    if (m >= 0) {
      const c = slotOf[i] * NT;
      out[base + f++] = MAJOR[m] & mask;
      // every tag the form had elsewhere (B-PER, I-ORG …): where in a name it stands
      for (let t = 1; t < NT && f < MAX_STACKED - 3; t++) if (tagCounts[c + t] - (t === tags[i] ? 1 : 0) > 0) out[base + f++] = ELSEWHERE[t] & mask;
    }
    // the neighbours' readings elsewhere: the other half of a recurring two-word name
    if (i > 0 && major[i - 1] > 0) out[base + f++] = LEFT_MAJOR[major[i - 1]] & mask;
    if (i + 1 < n && major[i + 1] > 0) out[base + f++] = RIGHT_MAJOR[major[i + 1]] & mask;
    // the token's own first-pass tag (jack-knifed in training, so the model learns how far to trust it): +0.4
    // points of tagger CV micro-F1 over the features of other occurrences alone, 4 folds of 5 up
    if (f > 0 || tags[i] !== 0) out[base + f++] = OWN[tags[i]] & mask;
    counts[i] = f;
  }
}

let sFeats = new Int32Array(1024 * MAX_STACKED);
let sCounts = new Int32Array(1024);

/**
 * The second pass over a document already decoded once: `scores` (n * NT) and `tags` (n) hold the first pass and
 * are updated in place; `ranges` holds the [from, to) token range of each sentence, as pairs, decoded separately.
 */
export function secondPass(m: Model, forms: Uint32Array, n: number, ranges: ArrayLike<number>, scores: Float32Array, tags: Uint8Array): void {
  if (sCounts.length < n) {
    sFeats = new Int32Array(n * 2 * MAX_STACKED);
    sCounts = new Int32Array(n * 2);
  }
  stackedFeatures(forms, tags, n, m.bits, sFeats, sCounts);
  addEmissions(m, sFeats, sCounts, MAX_STACKED, n, scores);
  for (let s = 0; s + 1 < ranges.length; s += 2) {
    const from = ranges[s];
    const to = ranges[s + 1];
    let changed = false;
    for (let k = from; k < to && !changed; k++) changed = sCounts[k] > 0;
    if (changed) viterbi(m, scores, to - from, tags, from);
  }
}
