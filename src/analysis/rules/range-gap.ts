import { span, stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';
import { rangeIntervals } from './ranges.js';

export const rangeGap: Rule = {
  code: 'range-gap',
  needsValidProtocol: false,
  *check({ graph }) {
    for (const { step } of graph.steps.values()) {
      if (step.type !== 'number') continue;
      if (step.min > step.max) {
        yield {
          node: step,
          key: 'min',
          message: `${stepName(step)} heeft min ${step.min} en max ${step.max}: geen enkel getal is een geldig antwoord`,
          hint: 'Draai min en max om.',
        };
        continue;
      }
      if (!step.ranges?.length) continue;
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
