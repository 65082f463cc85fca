import type { NormaliseOptions } from '../types';

/** Every operation on: the view used for matching and tagging. */
export const DEFAULT_NORMALISE_OPTIONS: Readonly<NormaliseOptions> = Object.freeze({
  bidi: true,
  presentationForms: true,
  tatweel: true,
  diacritics: true,
  alef: true,
  alefMaqsura: true,
  tehMarbuta: true,
  hamzaCarriers: true,
  digits: true,
  punctuation: true,
});

/** Every operation off: the view equals the original. */
export const NO_NORMALISATION: Readonly<NormaliseOptions> = Object.freeze({
  bidi: false,
  presentationForms: false,
  tatweel: false,
  diacritics: false,
  alef: false,
  alefMaqsura: false,
  tehMarbuta: false,
  hamzaCarriers: false,
  digits: false,
  punctuation: false,
});

export function normaliseOptions(partial: Partial<NormaliseOptions> = {}): NormaliseOptions {
  return { ...DEFAULT_NORMALISE_OPTIONS, ...partial };
}
