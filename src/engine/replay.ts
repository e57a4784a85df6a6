// Replays a recorded walk (step id → answer), as from an answers file or a scenario.
import { start, answer, next, type WalkState } from './walk.js';
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
    if (!used.has(id)) problems.push({ step: id, kind: 'unused-answer', message: `antwoord voor "${id}" is niet gebruikt: die vraag komt in deze route niet voor` });
  }
  return { state, problems };
}
