// The wizard: asks what the engine says is next, hands the answer back, and repeats; then a review
// of the answers (with the option to change one) before the advice. It decides nothing itself: the
// questions, their order, "weet ik niet" and what is urgent all come from the protocol via the engine.
import { answer, answersOf, back, immediateSoFar, next, start, type Next, type WalkState } from '../engine/index.js';
import { UNKNOWN, type AnswerValue, type Protocol } from '../model/core.js';
import { Cancelled } from './cancelled.js';
import { BACK, type Back, type Prompter, type QuestionBase } from './prompter.js';

export interface WizardOptions {
  /** Aborted on Ctrl-C outside a prompt: the wizard stops with `Cancelled` before the next question. */
  signal?: AbortSignal;
}

/** Walks the protocol with the user; resolves with the finished walk once the answers are confirmed. */
export async function runWizard(protocol: Protocol, prompter: Prompter, options: WizardOptions = {}): Promise<WalkState> {
  let state = start(protocol);
  /** Earlier answers per step, offered as the default when a question comes round again. */
  const earlier = new Map<string, AnswerValue>();
  for (;;) {
    if (options.signal?.aborted) throw new Cancelled();
    const q = next(state);
    if (q.kind === 'done') {
      if (state.answers.length === 0) return state;
      const decision = await prompter.review(
        answersOf(state).map(({ step, question, answer, inferred }) => ({ step, question, answer, ...(inferred ? { inferred: true as const } : {}) })),
      );
      if (decision.kind === 'advice') return state;
      state = rewind(state, decision.index);
      continue;
    }
    const now = immediateSoFar(state);
    const reply = await ask(prompter, q, earlier.get(q.step.id), state.previous !== null, now);
    if (options.signal?.aborted) throw new Cancelled();
    if (reply === BACK) {
      state = back(state);
      continue;
    }
    const result = answer(state, reply);
    if (!result.ok) throw new Error(`the prompter returned an invalid answer for "${q.step.id}": ${result.message}`);
    earlier.set(q.step.id, result.state.answers.at(-1)!.value);
    // Shown the moment any answer raises immediate advice (again only what is new).
    const raised = immediateSoFar(result.state).filter((line) => !now.includes(line));
    if (raised.length > 0) prompter.urgent(raised);
    state = result.state;
  }
}

/** The walk as it was just before the answer at `index` was given. */
function rewind(state: WalkState, index: number): WalkState {
  let s = state;
  while (s.answers.length > Math.max(0, index) && s.previous) s = s.previous;
  return s;
}

type Question = Extract<Next, { kind: 'question' }>;

function ask(prompter: Prompter, q: Question, earlier: AnswerValue | undefined, canGoBack: boolean, now: readonly string[]): Promise<AnswerValue | Back> {
  const step = q.step;
  const base: QuestionBase = {
    step: step.id,
    question: step.question,
    ...(step.help ? { help: step.help } : {}),
    flowTitle: q.flowTitle,
    number: q.answered + 1,
    remainingAtMost: q.remainingAtMost,
    canGoBack,
    ...(now.length > 0 ? { now } : {}),
  };
  const allowUnknown = step.unknown !== undefined;
  switch (step.type) {
    case 'choice':
    case 'yes-no': {
      const question = { ...base, choices: q.options, ...(typeof earlier === 'string' ? { default: earlier } : {}) };
      return step.type === 'choice' ? prompter.select(question) : prompter.yesNo(question);
    }
    case 'number':
      return prompter.number({
        ...base,
        min: step.min,
        max: step.max,
        ...(step.unit ? { unit: step.unit } : {}),
        allowUnknown,
        ...(typeof earlier === 'number' || earlier === UNKNOWN ? { default: earlier } : {}),
      });
    case 'multi':
      return prompter.multi({
        ...base,
        choices: q.options.filter((o) => o.value !== UNKNOWN).map((o) => (step.options.find((s) => s.value === o.value)?.exclusive ? { ...o, exclusive: true } : o)),
        allowUnknown,
        ...(Array.isArray(earlier) || earlier === UNKNOWN ? { default: earlier as readonly string[] | typeof UNKNOWN } : {}),
      });
  }
}
