// Route combinations that real walks produce, collected by exploring engine walks (explore.ts).
// Used to confirm what dead-end and condition-overlap suspect from the path analysis.
import { evaluate, type WalkState } from '../engine/index.js';
import { factsOf, type AnswerValue, type RouteStep } from '../model/core.js';
import type { AnalysisContext } from './context.js';
import { explore } from './explore.js';

export interface RealizedRoute {
  /** A combination a walk reaches this step with and no route takes (without `otherwise`). */
  uncovered?: string;
  /** "i,j" → a combination a walk reaches this step with where routes i and j both hold. */
  overlaps: Map<string, string>;
}

export interface RealizedRoutes {
  /** False when the search stopped early: then nothing can be ruled out. */
  complete: boolean;
  byStep: Map<RouteStep, RealizedRoute>;
}

export function realizeRoutes(ctx: AnalysisContext): RealizedRoutes {
  const byStep = new Map<RouteStep, RealizedRoute>();
  // Only the route steps the path analysis has a suspicion about are worth a search.
  const suspects = new Set<RouteStep>();
  for (const step of ctx.graph.reachable().steps) {
    if (step.type !== 'route') continue;
    const route = ctx.paths.route(step);
    if (!route.limited && !route.infeasible && (route.uncovered !== undefined || route.overlaps.length > 0)) suspects.add(step);
  }
  if (suspects.size === 0) return { complete: true, byStep };
  const outcome = explore(ctx, {
    towards: suspects,
    onRoute(step, after, chosen) {
      let entry = byStep.get(step);
      if (!entry) byStep.set(step, (entry = { overlaps: new Map() }));
      const answers = new Map<string, AnswerValue>(after.answers.map((a) => [a.step, a.value]));
      const lookup = (id: string) => answers.get(id);
      const label = () => describe(ctx, step, after, answers);
      if (chosen < 0 && !step.otherwise) entry.uncovered ??= label();
      const matched = step.routes.flatMap((r, i) => (evaluate(r.when, lookup) ? [i] : []));
      for (let a = 0; a < matched.length; a++) {
        for (let b = a + 1; b < matched.length; b++) {
          const key = `${matched[a]},${matched[b]}`;
          if (!entry.overlaps.has(key)) entry.overlaps.set(key, label());
        }
      }
    },
  });
  return { complete: outcome === 'done', byStep };
}

/** "a = ja, b = 12 t/m 17": the route's facts, each as the class of answers it stands for. */
function describe(ctx: AnalysisContext, step: RouteStep, _after: WalkState, answers: ReadonlyMap<string, AnswerValue>): string {
  const facts = [...new Set(step.routes.flatMap((r) => factsOf(r.when).map((f) => f.step)))].filter((id) => ctx.graph.info(id));
  return facts
    .map((id) => {
      const value = answers.get(id);
      if (Array.isArray(value)) return `${id} = ${value.length > 0 ? `[${value.join(', ')}]` : '(niets aangevinkt)'}`;
      const classes = ctx.paths.classesOf(id)!;
      const index = classes.classOf(value);
      return `${id} = ${index === undefined ? String(value) : classes.classes[index]!.label}`;
    })
    .join(', ');
}
