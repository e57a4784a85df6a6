// The integer intervals of a number step's ranges, clipped to the step's min..max.
import type { NumberStep } from '../../model/core.js';

export interface Interval {
  index: number;
  lo: number;
  hi: number;
}

export function rangeIntervals(step: NumberStep): Interval[] {
  return (step.ranges ?? []).map((r, index) => ({ index, lo: Math.max(r.min ?? -Infinity, step.min), hi: Math.min(r.max ?? Infinity, step.max) })).filter((i) => i.lo <= i.hi);
}
