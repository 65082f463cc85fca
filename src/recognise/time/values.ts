import type { UnitCode } from './lexicon';

/** TIMEX3 value pieces that do not depend on the anchor: 24-hour clock from a part of day, duration values. */

export function to24(h: number, part: string | undefined): number {
  if (part === 'EV' || part === 'NI') return h < 12 ? (part === 'NI' && h < 5 ? h : h + 12) : h;
  if (part === 'AF') return h < 12 ? h + 12 : h;
  if (part === 'MI') return h < 6 ? h + 12 : h;
  if (part === 'MO') return h === 12 ? 0 : h;
  return h;
}

const UNIT_TIMEX: Record<UnitCode, string> = { Y: 'Y', M: 'M', W: 'W', D: 'D', H: 'H', MIN: 'M', S: 'S', DE: 'DE', CE: 'CE' };

function isClockUnit(u: UnitCode): boolean {
  return u === 'H' || u === 'MIN' || u === 'S';
}

export function durationValue(n: number, u: UnitCode, half = false): string {
  const t = isClockUnit(u) ? 'T' : '';
  if (!half) return `P${t}${n}${UNIT_TIMEX[u]}`;
  const halves: Partial<Record<UnitCode, string>> = { Y: `P${n}Y6M`, M: `P${n}M15D`, W: `P${n}W3DT12H`, D: `P${n}DT12H`, H: `PT${n}H30M`, MIN: `PT${n}M30S` };
  return halves[u] ?? `P${t}${n + 0.5}${UNIT_TIMEX[u]}`;
}

export function vagueUnit(u: UnitCode): string {
  return (isClockUnit(u) ? 'TX' : 'X') + UNIT_TIMEX[u];
}
