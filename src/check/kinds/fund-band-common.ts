// The points a printed scoring band (record.md fundScoreBand) gives a computed rate.
import { Decimal } from 'decimal.js';
import type { ScoreBandStep } from '../../model/record.js';
import type { Interval } from '../decimal.js';
import type { ComputedRate } from './rate-common.js';

/** Where the band is printed, as messages name it. */
export const BAND_PRINTED = { header: '表头', note: '表下注释' } as const;

/** Whether a step holds some rate of the interval. An end the form leaves open (included
 *  null) holds its own number: either step beside it may be meant. */
function stepMeets(s: ScoreBandStep, iv: Interval): boolean {
  if (s.from !== null && (s.fromIncluded === false ? iv.hi.lte(s.from) : iv.hi.lt(s.from))) return false;
  if (s.to !== null && (s.toIncluded === false ? iv.lo.gte(s.to) : iv.lo.gt(s.to))) return false;
  return true;
}

function distinct(steps: ScoreBandStep[]): string[] {
  const out: string[] = [];
  for (const s of steps) if (!out.some((p) => new Decimal(p).eq(s.points))) out.push(s.points);
  return out;
}

/** The points the band allows for the rate (`possible`: every step its interval meets) and
 *  the points for the rate as computed (`expected`: the steps holding its point value);
 *  null when no step holds the rate — the band says nothing of it. */
export function bandPoints(steps: ScoreBandStep[], rate: ComputedRate): { possible: string[]; expected: string[] } | null {
  const possible = steps.filter((s) => stepMeets(s, rate.interval));
  if (possible.length === 0) return null;
  const atPoint = steps.filter((s) => stepMeets(s, { lo: rate.point, hi: rate.point }));
  return { possible: distinct(possible), expected: distinct(atPoint.length ? atPoint : possible) };
}
