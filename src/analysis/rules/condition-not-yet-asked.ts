import type { Condition, FactCondition } from '../../model/core.js';
import { UNANSWERED_BIT } from '../answer-classes.js';
import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

// A condition is worked out where it stands. A part about a question that no walk has asked by then
// (it comes later, or only on another branch) is fixed there: "{step: X, ...}" is false, so under a
// "not" or as one choice of an `any` the advice ignores whatever X will be answered. Easy to write by
// mistake, because the question does exist. (A condition that can never hold at all because of it is
// condition-never-true's.) An explicit `answered:` test asks about this on purpose and is left alone.
export const conditionNotYetAsked: Rule = {
  code: 'condition-not-yet-asked',
  needsValidProtocol: false,
  *check(ctx) {
    const { graph, paths } = ctx;
    if (!ctx.complete) return;
    for (const { step } of graph.steps.values()) {
      if (!graph.reachable().steps.has(step) || !paths.feasible(step)) continue;
      for (const { condition } of graph.conditions(step)) {
        for (const { fact, positive, alternative } of factParts(condition)) {
          if ((positive && !alternative) || fact.answered !== undefined || fact.step === step.id || !graph.info(fact.step)) continue;
          if (paths.maskAt(step, fact.step) !== UNANSWERED_BIT) continue;
          yield {
            node: fact,
            key: 'step',
            message: `dit deel van de voorwaarde telt hier niet mee: stap "${fact.step}" is op dit punt (${stepName(step)}) nog op geen enkele weg beantwoord; die vraag komt later, of op een andere weg`,
            hint: `Een voorwaarde wordt bekeken waar ze staat, met de antwoorden tot dan toe. Verwijs naar een vraag die eerder komt, of zet dit bij een vraag na "${fact.step}".`,
          };
        }
      }
    }
  },
};

/**
 * Each fact with its polarity, and whether it is one of several alternatives (under an `any`, or an
 * `all` inside a `not`): only there can a never-true part leave the condition itself able to hold.
 */
function* factParts(condition: Condition, positive = true, alternative = false): Generator<{ fact: FactCondition; positive: boolean; alternative: boolean }> {
  if ('all' in condition) for (const c of condition.all) yield* factParts(c, positive, alternative || !positive);
  else if ('any' in condition) for (const c of condition.any) yield* factParts(c, positive, alternative || positive);
  else if ('not' in condition) yield* factParts(condition.not, !positive, alternative);
  else yield { fact: condition, positive, alternative };
}
