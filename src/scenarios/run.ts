// Runs scenario files against a protocol: answers in, expected advice checked, every failure
// reported with expected vs actual. Pure.
import { adviceOf, replay, type AdviceResult } from '../engine/index.js';
import type { Protocol, Scenario, Urgency } from '../model/core.js';

export interface ScenarioFailure {
  /** The expectation key or answer step the failure is about, to locate it in the file. */
  path: (string | number)[];
  message: string;
  expected?: string;
  actual?: string;
}

export interface ScenarioOutcome {
  name: string;
  passed: boolean;
  failures: ScenarioFailure[];
  advice: AdviceResult;
  /** Step ids answered and advice items given, for coverage. */
  visitedSteps: string[];
  givenAdvice: object[];
}

/** All advice text of a result, lower-cased, for `text:` expectations. */
export function adviceText(advice: AdviceResult): string {
  return [
    ...advice.partners.flatMap((p) => [p.name, ...p.tasks, ...p.reasons]),
    ...advice.actions.map((a) => a.text),
    ...advice.rules.flatMap((r) => [r.title, ...r.conclusions, ...r.steps]),
    ...advice.info.map((i) => i.text),
  ]
    .join('\n')
    .toLowerCase();
}

export function runScenario(protocol: Protocol, scenario: Scenario): ScenarioOutcome {
  const { state, problems } = replay(protocol, scenario.answers);
  const advice = adviceOf(state);
  const failures: ScenarioFailure[] = problems.map((p) => ({
    path: ['answers', ...(p.kind === 'missing-answer' ? [] : [p.step])],
    message: p.message,
  }));
  const expect = scenario.expect;
  const partners = new Map(advice.partners.map((p) => [p.id, p]));

  for (const [id, urgency] of Object.entries(expect.partners ?? {})) {
    const got = partners.get(id);
    if (!got) failures.push({ path: ['expect', 'partners', id], message: `partner "${id}" wordt niet geadviseerd`, expected: urgency, actual: 'niet geadviseerd' });
    else if (got.urgency !== urgency)
      failures.push({ path: ['expect', 'partners', id], message: `partner "${id}" heeft een andere urgentie`, expected: urgency, actual: got.urgency });
  }
  for (const [id, byUrgency] of Object.entries(expect.tasks ?? {})) {
    const got = partners.get(id);
    for (const [urgency, wanted] of Object.entries(byUrgency) as [Urgency, string][]) {
      const path = ['expect', 'tasks', id, urgency];
      if (!got) {
        failures.push({ path, message: `partner "${id}" wordt niet geadviseerd`, expected: `${urgency}: ${wanted}`, actual: 'niet geadviseerd' });
      } else if (!got.taskItems.some((t) => t.urgency === urgency && t.text.toLowerCase().includes(wanted.toLowerCase()))) {
        const actual = got.taskItems.map((t) => `${t.urgency}: ${t.text}`).join('; ');
        failures.push({ path, message: `partner "${id}" heeft geen taak "${wanted}" met urgentie ${urgency}`, expected: `${urgency}: ${wanted}`, actual });
      }
    }
  }
  for (const id of expect.absent ?? []) {
    const got = partners.get(id);
    if (got) failures.push({ path: ['expect', 'absent'], message: `partner "${id}" wordt geadviseerd maar hoort er niet bij`, expected: 'niet geadviseerd', actual: got.urgency });
  }
  const rules = new Set(advice.rules.map((r) => r.id));
  for (const id of expect.rules ?? []) {
    if (!rules.has(id)) failures.push({ path: ['expect', 'rules'], message: `regelset "${id}" is niet van toepassing`, expected: id, actual: [...rules].join(', ') || '(geen)' });
  }
  for (const id of expect['no-rules'] ?? []) {
    if (rules.has(id)) failures.push({ path: ['expect', 'no-rules'], message: `regelset "${id}" is van toepassing maar hoort er niet bij`, expected: `niet ${id}`, actual: id });
  }
  const text = adviceText(advice);
  for (const wanted of expect.text ?? []) {
    if (!text.includes(wanted.toLowerCase())) failures.push({ path: ['expect', 'text'], message: `tekst "${wanted}" staat niet in het advies`, expected: wanted });
  }
  for (const unwanted of expect['no-text'] ?? []) {
    if (text.includes(unwanted.toLowerCase()))
      failures.push({ path: ['expect', 'no-text'], message: `tekst "${unwanted}" staat in het advies maar hoort er niet in`, expected: `niet "${unwanted}"`, actual: unwanted });
  }
  if (expect.first !== undefined) {
    const first = advice.actions[0]?.text ?? '';
    if (!first.toLowerCase().includes(expect.first.toLowerCase())) {
      failures.push({ path: ['expect', 'first'], message: 'de eerste actie is een andere', expected: expect.first, actual: first || '(geen acties)' });
    }
  }
  const visitedSteps = [...new Set(state.answers.map((a) => a.step))];
  return { name: scenario.name, passed: failures.length === 0, failures, advice, visitedSteps, givenAdvice: state.collected.map((c) => c.advice) };
}
