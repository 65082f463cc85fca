/** The temporal lexicon (resources/time/lexicon.json), loaded once and turned into lookup maps. */

export type UnitCode = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S' | 'DE' | 'CE';

interface RawLexicon {
  gregorianMonths: Record<string, number>;
  levantineMonths: Record<string, number>;
  levantineTwoWord: Record<string, Record<string, number>>;
  ambiguousMonths: string[];
  hijriMonths: Record<string, number>;
  hijriTwoWord: Record<string, Record<string, number>>;
  weekdays: Record<string, number>;
  cardinals: Record<string, number>;
  ordinals: Record<string, number>;
  tens: Record<string, number>;
  units: Record<UnitCode, string[]>;
  duals: string[];
  plurals: string[];
  decades: Record<string, number>;
  past: string[];
  future: string[];
  current: string[];
  edges: Record<string, 'start' | 'mid' | 'end'>;
  dayParts: Record<string, string>;
  seasons: Record<string, string>;
  timezones: Record<string, string>;
}

export interface TimeLexicon {
  months: Map<string, number>;
  twoWordMonths: Map<string, Record<string, number>>;
  ambiguousMonths: Set<string>;
  hijriMonths: Map<string, number>;
  hijriTwoWord: Map<string, Record<string, number>>;
  weekdays: Map<string, number>;
  cardinals: Map<string, number>;
  ordinals: Map<string, number>;
  tens: Map<string, number>;
  units: Map<string, UnitCode>;
  duals: Set<string>;
  plurals: Set<string>;
  decades: Map<string, number>;
  past: Set<string>;
  future: Set<string>;
  current: Set<string>;
  edges: Map<string, 'start' | 'mid' | 'end'>;
  dayParts: Map<string, string>;
  seasons: Map<string, string>;
  timezones: Map<string, string>;
}

let cached: TimeLexicon | undefined;

export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('../../../resources/time/lexicon.json') as RawLexicon;
  const units = new Map<string, UnitCode>();
  for (const [code, words] of Object.entries(raw.units) as [UnitCode, string[]][]) for (const w of words) units.set(w, code);
  cached = {
    months: new Map([...Object.entries(raw.gregorianMonths), ...Object.entries(raw.levantineMonths)]),
    twoWordMonths: new Map(Object.entries(raw.levantineTwoWord)),
    ambiguousMonths: new Set(raw.ambiguousMonths),
    hijriMonths: new Map(Object.entries(raw.hijriMonths)),
    hijriTwoWord: new Map(Object.entries(raw.hijriTwoWord)),
    weekdays: new Map(Object.entries(raw.weekdays)),
    cardinals: new Map(Object.entries(raw.cardinals)),
    ordinals: new Map(Object.entries(raw.ordinals)),
    tens: new Map(Object.entries(raw.tens)),
    units,
    duals: new Set(raw.duals),
    plurals: new Set(raw.plurals),
    decades: new Map(Object.entries(raw.decades)),
    past: new Set(raw.past),
    future: new Set(raw.future),
    current: new Set(raw.current),
    edges: new Map(Object.entries(raw.edges)),
    dayParts: new Map(Object.entries(raw.dayParts)),
    seasons: new Map(Object.entries(raw.seasons)),
    timezones: new Map(Object.entries(raw.timezones)),
  };
  return cached;
}
