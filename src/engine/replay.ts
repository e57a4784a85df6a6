// Replays a recorded walk (step id → answer), as from an answers file or a scenario.
import { start, answer, next, normaliseAnswer, type WalkState } from './walk.js';
import { indexProtocol } from './index-protocol.js';
import type { Protocol } from '../model/core.js';

export interface ReplayProblem {
  /** The step the problem is about. */
  step: string;
  kind: 'missing-answer' | 'invalid-answer' | 'unused-answer';
  message: string;
}

export interface ReplayResult {
  state: WalkState;
  problems: ReplayProblem[];
}

/** Walks the protocol answering each question from `answers`; stops at the first question without an answer. */
export function replay(protocol: Protocol, answers: Readonly<Record<string, unknown>>): ReplayResult {
  let state = start(protocol);
  const used = new Set<string>();
  const problems: ReplayProblem[] = [];
  for (;;) {
    const q = next(state);
    if (q.kind === 'done') break;
    const id = q.step.id;
    if (!Object.prototype.hasOwnProperty.call(answers, id) || used.has(id)) {
      problems.push({ step: id, kind: 'missing-answer', message: `geen antwoord voor vraag "${id}" (${q.step.question})` });
      return { state, problems };
    }
    used.add(id);
    const result = answer(state, answers[id]);
    if (!result.ok) {
      problems.push({ step: id, kind: 'invalid-answer', message: `ongeldig antwoord voor "${id}": ${result.message}` });
      return { state, problems };
    }
    state = result.state;
  }
  for (const id of Object.keys(answers)) {
    if (used.has(id)) continue;
    const settled = settledAnswer(state, id);
    if (settled && sameAnswer(state, id, answers[id], settled.value)) continue;
    problems.push({
      step: id,
      kind: 'unused-answer',
      message: settled
        ? `antwoord voor "${id}" is niet gebruikt: eerdere antwoorden leggen die vraag al vast op "${settled.label}"`
        : `antwoord voor "${id}" is niet gebruikt: die vraag komt in deze route niet voor`,
    });
  }
  return { state, problems };
}

/** The answer a preset settled for `id` on this walk, with how it reads. */
function settledAnswer(state: WalkState, id: string): { value: unknown; label: string } | undefined {
  const i = state.answers.findIndex((a) => a.step === id && a.inferred);
  return i < 0 ? undefined : { value: state.answers[i]!.value, label: state.explained[i]!.answer };
}

/**
 * A recorded answer to a step a preset settled is fine when it says the same thing (answers files
 * and scenarios written before the preset existed keep working).
 */
function sameAnswer(state: WalkState, id: string, raw: unknown, settled: unknown): boolean {
  const step = indexProtocol(state.protocol).steps.get(id)?.step;
  if (!step || step.type === 'route') return false;
  const given = normaliseAnswer(step, raw);
  return given.ok && JSON.stringify(given.value) === JSON.stringify(settled);
}
