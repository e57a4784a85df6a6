import type { Condition } from '../../model/core.js';
import { UNANSWERED_BIT } from '../answer-classes.js';
import { factsWithPolarity, staticFactProblems } from '../conditions.js';
import type { AnalysisContext } from '../context.js';
import { span, stepName } from '../finding-text.js';
import type { Finding, Rule } from '../rule.js';

export const conditionNeverTrue: Rule = {
  code: 'condition-never-true',
  needsValidProtocol: false,
  *check(ctx) {
    const { graph, paths } = ctx;
    for (const { step, outs } of graph.steps.values()) {
      // 1. Each fact on its own, wherever it is used.
      const broken = new Set<Condition>();
      for (const { condition } of graph.conditions(step)) {
        for (const { fact } of factsWithPolarity(condition)) {
          const target = graph.info(fact.step)?.step;
          if (!target) continue; // an unknown step: the loader reports dangling-ref
          const problems = staticFactProblems(fact, target);
          if (problems.length > 0) broken.add(condition);
          yield* problems;
        }
      }
      if (step.type === 'number') {
        for (const range of step.ranges ?? []) {
          if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
            yield { node: range, key: 'min', message: `bereik met min ${range.min} en max ${range.max} kan nooit gelden: min is groter dan max`, hint: 'Draai min en max om.' };
          } else if (step.min <= step.max && ((range.min ?? -Infinity) > step.max || (range.max ?? Infinity) < step.min)) {
            // (With the step's own min above its max, the loader reports that, once, at the step.)
            yield {
              node: range,
              message: `bereik ${span(range.min ?? -Infinity, range.max ?? Infinity)} valt buiten de vraag (${step.min} t/m ${step.max}): dit antwoord komt nooit voor`,
              hint: `Kies grenzen binnen ${step.min} t/m ${step.max}, of haal het bereik weg.`,
            };
          }
        }
      }

      // 2. Where the conditions are used: which answers are possible at that point.
      if (!ctx.complete || !graph.reachable().steps.has(step) || !paths.feasible(step)) continue;
      if (step.type === 'route') {
        const route = paths.route(step);
        if (!route.limited && !route.infeasible) {
          for (let i = 0; i < step.routes.length; i++) {
            const r = step.routes[i]!;
            if (broken.has(r.when)) continue;
            const subject = `route ${i + 1} van ${stepName(step)}`;
            if (!route.matchedEver[i]) {
              const masks = new Map(route.facts.map((f) => [f, paths.maskAt(step, f)]));
              yield explain(ctx, r, r.when, masks, subject);
            } else if (route.shadowedBy[i] !== undefined) {
              yield {
                node: r,
                key: 'when',
                message: `${subject} wordt nooit gekozen: steeds als ze geldt, geldt route ${route.shadowedBy[i]! + 1} ook, en die gaat voor`,
                hint: 'Zet deze route eerder, of maak de voorwaarden van de routes elkaar uitsluitend.',
              };
            }
          }
        }
      }
      const points: { out: (typeof outs)[number] | undefined; advice: readonly { when?: Condition }[] }[] = [
        ...(step.type !== 'route' && step.advice ? [{ out: undefined, advice: step.advice }] : []),
        ...outs.map((out) => ({ out, advice: out.advice })),
      ];
      for (const { out, advice } of points) {
        for (const item of advice) {
          if (!item.when || broken.has(item.when)) continue;
          const result = paths.conditionAt(step, out, item.when);
          if (result.infeasible || result.limited || result.satisfiable) continue;
          yield explain(ctx, item, item.when, result.masks, 'de voorwaarde van dit advies');
        }
      }
    }
  },
};

/** Points at the fact that cannot hold here, or else at the whole condition. */
function explain(ctx: AnalysisContext, owner: object, condition: Condition, masks: ReadonlyMap<string, bigint>, subject: string): Finding {
  for (const { fact, positive } of factsWithPolarity(condition)) {
    const mask = masks.get(fact.step);
    if (!positive || mask === undefined || mask === 0n) continue;
    if (ctx.paths.factCanHold(fact, fact.step, mask)) continue;
    const classes = ctx.paths.classesOf(fact.step)!;
    return mask === UNANSWERED_BIT
      ? {
          node: fact,
          key: 'step',
          message: `${subject} kan nooit gelden: stap "${fact.step}" is op dit punt nog nooit beantwoord`,
          hint: `Die vraag komt op geen enkele weg vóór dit punt. Verwijs naar een eerdere vraag, of zet de voorwaarde later in het protocol.`,
        }
      : {
          node: fact,
          message: `${subject} kan nooit gelden: stap "${fact.step}" kan hier alleen zijn: ${classes.labels(mask).join(', ')}`,
          hint: 'De antwoorden die hierheen leiden sluiten deze waarde uit. Pas de voorwaarde aan of haal haar weg.',
        };
  }
  const possible = [...masks].map(([f, m]) => `${f}: ${ctx.paths.classesOf(f)!.labels(m).join(' / ')}`).join('; ');
  return {
    node: owner,
    key: 'when',
    message: `${subject} kan nooit gelden: geen combinatie van mogelijke antwoorden maakt haar waar (${possible})`,
    hint: 'Controleer all/any/not en de waarden: zoals ze nu staat, klopt ze voor geen enkele wandeling.',
  };
}
