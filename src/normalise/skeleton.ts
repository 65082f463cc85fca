import type { NormaliseOptions } from '../types';
import { NO_NORMALISATION } from './options';

/**
 * The "skeleton" of Arabic text: invisible marks, presentation forms, tatweel and diacritics removed, but every
 * letter kept as written (hamza forms, ة, ى). Lexicon look-ups for clitic segmentation use it, because the full
 * analysis view conflates forms the segmenter must tell apart (إلغاء vs ال+غاء, حكومة vs حكوم+ه).
 */
export const SKELETON_OPTIONS: Readonly<NormaliseOptions> = Object.freeze({
  ...NO_NORMALISATION,
  bidi: true,
  presentationForms: true,
  tatweel: true,
  diacritics: true,
});
