import { span, stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';
import { rangeIntervals } from './ranges.js';

export const rangeGap: Rule = {
  code: 'range-gap',
  needsValidProtocol: false,
  *check({ graph }) {
    for (const { step } of graph.steps.values()) {
      // min > max is the loader's error (invalid-value): no number to cover at all.
      if (step.type !== 'number' || step.min > step.max || !step.ranges?.length) continue;
      const sorted = rangeIntervals(step).sort((a, b) => a.lo - b.lo);
      const gaps: [number, number][] = [];
      let covered = step.min - 1;
      for (const { lo, hi } of sorted) {
        if (lo > covered + 1) gaps.push([covered + 1, lo - 1]);
        covered = Math.max(covered, hi);
      }
      if (covered < step.max) gaps.push([covered + 1, step.max]);
      const unit = step.unit ? ` ${step.unit}` : '';
      for (const [lo, hi] of gaps) {
        yield {
          node: step,
          key: 'ranges',
          atKey: true,
          message: `bij ${stepName(step)} valt ${span(lo, hi)}${unit} in geen enkel bereik`,
          hint: `De bereiken moeten samen ${step.min} t/m ${step.max} dekken (min en max tellen mee). Voeg een bereik toe of pas de grenzen aan.`,
        };
      }
    }
  },
};
