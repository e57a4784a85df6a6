import { span, stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';
import { rangeIntervals } from './ranges.js';

export const rangeOverlap: Rule = {
  code: 'range-overlap',
  needsValidProtocol: false,
  *check({ graph }) {
    for (const { step } of graph.steps.values()) {
      if (step.type !== 'number') continue;
      const intervals = rangeIntervals(step);
      const unit = step.unit ? ` ${step.unit}` : '';
      for (let j = 0; j < intervals.length; j++) {
        const b = intervals[j]!;
        const a = intervals.slice(0, j).find((a) => Math.max(a.lo, b.lo) <= Math.min(a.hi, b.hi));
        if (!a) continue;
        yield {
          node: step.ranges![b.index]!,
          message: `bereik ${b.index + 1} van ${stepName(step)} overlapt met bereik ${a.index + 1} bij ${span(Math.max(a.lo, b.lo), Math.min(a.hi, b.hi))}${unit}`,
          hint: 'Een getal in beide bereiken telt alleen voor het eerste. Laat de bereiken aansluiten zonder overlap: het volgende bereik begint bij max + 1.',
        };
      }
    }
  },
};
