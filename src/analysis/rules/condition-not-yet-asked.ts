import type { Condition, FactCondition } from '../../model/core.js';
import { UNANSWERED_BIT } from '../answer-classes.js';
import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

// A condition is worked out where its step is answered. A part about a question that every walk asks
// only later is then fixed: "not: {step: X, ...}" always holds, and "{step: X, ...}" as one of the
// choices of an `any` never does, so the advice ignores whatever X will be answered. Easy to write by
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
            message: `${positive ? 'dit deel van de voorwaarde geldt hier nooit' : 'deze "not" geldt hier altijd'}: stap "${fact.step}" is op dit punt (${stepName(step)}) nog nooit beantwoord; die vraag komt pas later`,
            hint: `Een voorwaarde telt op het moment dat haar vraag beantwoord is. Verwijs naar een vraag die eerder komt, of zet het advies bij een vraag na "${fact.step}".`,
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
