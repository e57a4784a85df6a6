// Which questions and advice items no scenario reaches: the gaps in a protocol's own tests.
import { adviceListsOf, type Advice, type Protocol, type QuestionStep, type Step } from '../model/core.js';

export interface ScenarioVisit {
  visitedSteps: readonly string[];
  givenAdvice: readonly object[];
}

export interface Coverage {
  questions: { total: number; missing: QuestionStep[] };
  advice: { total: number; missing: { advice: Advice; step: Step }[] };
}

export function scenarioCoverage(protocol: Protocol, visits: readonly ScenarioVisit[]): Coverage {
  const visited = new Set(visits.flatMap((v) => v.visitedSteps));
  const given = new Set(visits.flatMap((v) => v.givenAdvice));
  const coverage: Coverage = { questions: { total: 0, missing: [] }, advice: { total: 0, missing: [] } };
  for (const flow of protocol.flows) {
    for (const step of flow.steps) {
      if (step.type !== 'route') {
        coverage.questions.total++;
        if (!visited.has(step.id)) coverage.questions.missing.push(step);
      }
      for (const list of adviceListsOf(step)) {
        for (const advice of list.advice) {
          coverage.advice.total++;
          if (!given.has(advice)) coverage.advice.missing.push({ advice, step });
        }
      }
    }
  }
  return coverage;
}

/** A short name for an advice item: `partner politie (today)`, `actie "Bel 112."`. */
export function adviceLabel(advice: Advice): string {
  const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}...` : s).replace(/\s+/g, ' ');
  if ('partner' in advice) return `partner ${advice.partner} (${advice.urgency})`;
  if ('action' in advice) return `actie "${clip(advice.action)}"`;
  if ('rule' in advice) return `regelset ${advice.rule}`;
  return `info "${clip(advice.info)}"`;
}
