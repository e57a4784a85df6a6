import { MAX_COMBINATIONS } from '../paths.js';
import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

export const analysisLimit: Rule = {
  code: 'analysis-limit',
  needsValidProtocol: true,
  *check({ graph, paths }) {
    for (const { step } of graph.steps.values()) {
      if (step.type !== 'route' || !graph.reachable().steps.has(step)) continue;
      if (!paths.route(step).limited) continue;
      yield {
        node: step,
        key: 'id',
        message: `${stepName(step)} heeft meer dan ${MAX_COMBINATIONS} combinaties van antwoorden; overlap, dekking en onmogelijke routes zijn hier niet gecontroleerd`,
        hint: 'Splits de routestap in kleinere stappen die elk naar minder vragen kijken.',
      };
    }
  },
};
