import { UNANSWERED_BIT } from '../answer-classes.js';
import { factsWithPolarity } from '../conditions.js';
import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

// A condition is worked out where its step is answered. "not: {step: X, ...}" about a question X that
// every walk asks only later is then always true, so the advice shows whatever X will be answered:
// easy to write by mistake, because the question does exist. (The positive case can never hold and is
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
        for (const { fact, positive } of factsWithPolarity(condition)) {
          if (positive || fact.answered !== undefined || fact.step === step.id || !graph.info(fact.step)) continue;
          if (paths.maskAt(step, fact.step) !== UNANSWERED_BIT) continue;
          yield {
            node: fact,
            key: 'step',
            message: `deze "not" geldt hier altijd: stap "${fact.step}" is op dit punt (${stepName(step)}) nog nooit beantwoord; die vraag komt pas later`,
            hint: `Een voorwaarde telt op het moment dat haar vraag beantwoord is. Verwijs naar een vraag die eerder komt, of zet het advies bij een vraag na "${fact.step}".`,
          };
        }
      }
    }
  },
};
