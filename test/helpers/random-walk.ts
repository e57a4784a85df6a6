// One walk through the shipped protocol as a person might answer: the danger question and the
// categories as given, every other question answered by `random` (an option, a multi answer of one
// option or "weet ik niet", an age from 8 to 19). For tests that look at every category pair.
import { adviceOf, answer, next, start, type AdviceResult } from '../../src/engine/index.js';
import { UNKNOWN, type AnswerValue, type ChoiceStep, type Protocol } from '../../src/model/index.js';

/** A multi step's answer: the option ticked, or "weet ik niet" on its own. */
const ticked = (value: string): AnswerValue => (value === UNKNOWN ? value : [value]);

export function randomWalk(protocol: Protocol, categories: string[], danger: string, random: () => number): { advice: AdviceResult; answers: Record<string, AnswerValue> } {
  let state = start(protocol);
  const answers: Record<string, AnswerValue> = {};
  for (;;) {
    const q = next(state);
    if (q.kind !== 'question') break;
    const pick = () => q.options[Math.floor(random() * q.options.length)]!.value;
    const value: AnswerValue =
      q.step.id === 'acuut-gevaar'
        ? danger
        : q.step.id === 'categorie'
          ? categories
          : q.step.type === 'number'
            ? [8, 13, 15, 17, 19][Math.floor(random() * 5)]!
            : q.step.type === 'multi'
              ? ticked(pick())
              : pick();
    const result = answer(state, value);
    if (!result.ok) throw new Error(`${q.step.id}: ${result.message}`);
    answers[q.step.id] = value;
    state = result.state;
  }
  return { advice: adviceOf(state), answers };
}

/** The answers as one line, for a failure message. */
export const shownAnswers = (answers: Record<string, AnswerValue>): string =>
  `{ ${Object.entries(answers)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`)
    .join(', ')} }`;

/** The options of the category question (flow context's "Waar gaat het om?"). */
export const categoriesOf = (protocol: Protocol): string[] => (protocol.flows.flatMap((f) => f.steps).find((s) => s.id === 'categorie') as ChoiceStep).options.map((o) => o.value);

/**
 * Every single category and every pair, for each answer to the danger question, `walksPerCase`
 * times: the cases the shipped-protocol tests walk (in a fixed order, so a seeded `random` gives the
 * same walks on every run).
 */
export function* categoryCases(categories: readonly string[], dangers: readonly string[], walksPerCase: number): Generator<{ ticked: string[]; danger: string }> {
  for (let i = 0; i < categories.length; i++) {
    for (let j = i; j < categories.length; j++) {
      const ticked = i === j ? [categories[i]!] : [categories[i]!, categories[j]!];
      for (const danger of dangers) for (let k = 0; k < walksPerCase; k++) yield { ticked, danger };
    }
  }
}
