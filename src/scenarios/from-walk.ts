// A finished walk as a scenario (`incident --save-scenario`): the answers that were given and the
// advice they led to as expectations, so a coordinator can pin today's behaviour in scenarios/.
// Pure: the caller turns the result into YAML.
import type { AdviceResult } from '../engine/index.js';
import type { Scenario } from '../model/core.js';

/** The scenario for a walk's advice. The name says which walk; the coordinator may sharpen it. */
export function scenarioFromAdvice(advice: AdviceResult, name: string): Scenario {
  const answers: Scenario['answers'] = {};
  for (const a of advice.answers) {
    // Answers the walk settled without asking are not part of what a user gives.
    if ((a as { inferred?: boolean }).inferred) continue;
    answers[a.step] = a.value as Scenario['answers'][string];
  }
  const expect: Scenario['expect'] = {};
  if (advice.partners.length > 0) expect.partners = Object.fromEntries(advice.partners.map((p) => [p.id, p.urgency]));
  if (advice.rules.length > 0) expect.rules = advice.rules.map((r) => r.id);
  const first = advice.actions[0];
  if (first && first.urgency === 'immediate') expect.first = first.text;
  return { name, answers, expect };
}

/** "Opgeslagen wandeling 2026-12-04: Fysiek geweld, 14" — the answers' own labels, clipped. */
export function scenarioName(advice: AdviceResult, date: string): string {
  const summary = advice.answers.map((a) => a.answer).join(', ');
  const clipped = summary.length > 80 ? `${summary.slice(0, 79)}…` : summary;
  return `Opgeslagen wandeling ${date}: ${clipped}`;
}
