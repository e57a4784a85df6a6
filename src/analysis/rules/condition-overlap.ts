import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

export const conditionOverlap: Rule = {
  code: 'condition-overlap',
  needsValidProtocol: true,
  *check(ctx) {
    const { graph, paths } = ctx;
    for (const { step } of graph.steps.values()) {
      if (step.type !== 'route' || !graph.reachable().steps.has(step)) continue;
      const route = paths.route(step);
      if (route.limited || route.infeasible) continue;
      const reported = new Set<number>();
      for (const { first, second, example } of route.overlaps) {
        // A route that is never chosen at all is condition-never-true; report each route once.
        if (route.shadowedBy[second] !== undefined || reported.has(second)) continue;
        // Suspected from the possible answers one by one; a real walk must produce it.
        const realized = ctx.realized;
        const seen = realized.complete ? realized.byStep.get(step)?.overlaps.get(`${first},${second}`) : example;
        if (seen === undefined) continue;
        reported.add(second);
        yield {
          node: step.routes[second]!,
          key: 'when',
          message: `route ${second + 1} en route ${first + 1} van ${stepName(step)} gelden allebei als ${seen}; dan gaat route ${first + 1} voor`,
          hint: 'Maak de voorwaarden elkaar uitsluitend (bijvoorbeeld met min/max of not:), zodat de volgorde niet uitmaakt.',
        };
      }
    }
  },
};
