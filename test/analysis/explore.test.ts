// The engine search behind the confirmations: on the shipped protocol it sees every route step,
// only with combinations the path analysis allows, and within its budget.
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/index.js';
import { explore } from '../../src/analysis/explore.js';
import type { RouteStep } from '../../src/model/index.js';
import { shipped } from '../helpers/shipped.js';

describe('engine search', () => {
  const ctx = new AnalysisContext(shipped().protocol!, { today: '2026-04-01' });

  it('passes every route step of the shipped protocol, each time on a route the analysis allows', () => {
    const seen = new Map<RouteStep, Set<number>>();
    const outcome = explore(ctx, {
      onRoute(step, _after, chosen) {
        let set = seen.get(step);
        if (!set) seen.set(step, (set = new Set()));
        set.add(chosen);
      },
    });
    // Known limit since incident model v2: the category question is a multi-select with 28 options,
    // too many for every combination, so the search stops ('limit') instead of claiming it saw every
    // walk. The confirmations that use it then report analysis-limit rather than a false "no gap".
    expect(outcome).toBe('limit');
    const routes = [...ctx.graph.steps.values()].map((i) => i.step).filter((s): s is RouteStep => s.type === 'route');
    expect(routes.length).toBeGreaterThan(0);
    for (const [step, chosen] of seen) {
      const analysis = ctx.paths.route(step);
      for (const index of chosen) expect(analysis.selectable[index < 0 ? step.routes.length : index], `${step.id} route ${index}`).toBe(true);
    }
  });

  it('confirms nothing to report on the shipped protocol: no gaps, no overlaps', () => {
    const realized = ctx.realized;
    expect(realized.complete).toBe(true);
    for (const [, route] of realized.byStep) {
      expect(route.uncovered).toBeUndefined();
      expect([...route.overlaps]).toEqual([]);
    }
  });
});
