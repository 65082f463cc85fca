/**
 * A consonant skeleton shared by Arabic and Latin spellings of one name, so that بارلر and Parler, جوجل and Google,
 * أمازون and Amazon compare equal without a hand list. Both scripts are mapped onto coarse consonant classes (the
 * classes merge sounds that transliteration conventions swap: ج/غ/ق/ك ~ g/j/k/q, س/ص/ش/ز ~ s/z/sh, ب ~ b/p,
 * ف ~ f/v, ت/ط/ث ~ t/th); vowels, long-vowel letters, h, w, y, hamza and ain are dropped; repeats collapse.
 */
const AR: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'T', 'ج': 'K', 'غ': 'K', 'ق': 'K', 'ك': 'K', 'گ': 'K', 'خ': 'K',
  'د': 'D', 'ض': 'D', 'ذ': 'D', 'ظ': 'D', 'ر': 'R', 'ز': 'S', 'س': 'S', 'ص': 'S', 'ش': 'S', 'ف': 'F', 'ڤ': 'F',
  'ل': 'L', 'م': 'M', 'ن': 'N',
};

function latinClasses(s: string): string {
  const w = s.toLowerCase().replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const n = w[i + 1] ?? '';
    const two = c + n;
    if (two === 'ph') { out += 'F'; i++; continue; }
    if (two === 'th') { out += 'T'; i++; continue; }
    if (two === 'sh' || two === 'ch') { out += 'S'; i++; continue; }
    if (two === 'kh' || two === 'gh' || two === 'ck' || two === 'qu') { out += 'K'; i++; continue; }
    switch (c) {
      case 'b': case 'p': out += 'B'; break;
      case 'f': case 'v': out += 'F'; break;
      case 't': out += 'T'; break;
      case 'd': out += 'D'; break;
      case 'g': case 'j': case 'k': case 'q': out += 'K'; break;
      case 'c': out += 'eiy'.includes(n) ? 'S' : 'K'; break;
      case 'x': out += 'KS'; break;
      case 's': case 'z': out += 'S'; break;
      case 'l': out += 'L'; break;
      case 'm': out += 'M'; break;
      case 'n': out += 'N'; break;
      case 'r': out += 'R'; break;
      default: break; // vowels, h, w, y
    }
  }
  return out;
}

function arabicClasses(s: string): string {
  let out = '';
  for (const ch of s) out += AR[ch] ?? '';
  return out;
}

/** The consonant skeleton of a name in either script; the article ال of Arabic words is left out. */
export function skeleton(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  let out = '';
  for (const w of words) {
    if (/[A-Za-z]/.test(w)) out += latinClasses(w);
    else out += arabicClasses(w.length > 4 && w.startsWith('ال') ? w.slice(2) : w);
  }
  return out.replace(/(.)\1+/g, '$1');
}

export const isLatin = (s: string): boolean => /[A-Za-z]/.test(s) && !/[\u0600-\u06FF]/.test(s);
export const isArabic = (s: string): boolean => /[\u0600-\u06FF]/.test(s);
