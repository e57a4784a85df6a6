// The path analysis against the engine: on random walks through the shipped protocol, every answer
// a walk actually has when it reaches a question must be one the analysis says is possible there.
// (The analysis computes these sets exactly; this samples real walks to check it never misses one.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/index.js';
import { answer, next, start, type WalkState } from '../../src/engine/index.js';
import { conditionsOf, factsOf, UNKNOWN, type AnswerValue, type QuestionStep } from '../../src/model/index.js';
import { shipped } from '../helpers/shipped.js';

const protocol = shipped().protocol!;
const ctx = new AnalysisContext(protocol, { today: '2026-04-01' });
const facts = [...new Set(protocol.flows.flatMap((f) => f.steps.flatMap((s) => conditionsOf(s).flatMap((c) => factsOf(c.condition).map((x) => x.step)))))];

/** A valid set of options for a multi step: an exclusive option ("Geen van deze") stands alone. */
function multiAnswer(step: QuestionStep & { type: 'multi' }, pick: number): string[] {
  const some = step.options.filter((_, i) => Math.floor(pick * 2 ** (i + 3)) % 2 === 1);
  // Nothing ticked is no answer: then one option.
  const chosen = some.length > 0 ? some : [step.options[Math.floor(pick * step.options.length)]!];
  const exclusive = chosen.find((o) => o.exclusive);
  return (exclusive && chosen.length > 1 ? [exclusive] : chosen).map((o) => o.value);
}

/** A possible answer for a question, chosen by `pick` (a number in 0..1). */
function answerFor(step: QuestionStep, pick: number): unknown {
  const options: unknown[] =
    step.type === 'yes-no'
      ? ['ja', 'nee']
      : step.type === 'choice'
        ? step.options.map((o) => o.value)
        : step.type === 'multi'
          ? [multiAnswer(step, pick)]
          : [step.min + Math.floor(pick * (step.max - step.min + 1))];
  if (step.unknown) options.push(UNKNOWN);
  return options[Math.min(options.length - 1, Math.floor(pick * options.length))];
}

const current = (state: WalkState, id: string): AnswerValue | undefined => [...state.answers].reverse().find((a) => a.step === id)?.value;

describe('path analysis soundness', () => {
  it('never rules out an answer a real walk has', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 40, maxLength: 40 }), (picks) => {
        let state = start(protocol);
        for (let i = 0; ; i++) {
          const q = next(state);
          if (q.kind === 'done') break;
          const step = ctx.graph.info(q.step.id)!.step;
          for (const fact of facts) {
            const cls = ctx.paths.classesOf(fact)!.classOf(current(state, fact))!;
            const mask = ctx.paths.maskAt(step, fact);
            expect((mask >> BigInt(cls)) & 1n, `${fact} at ${step.id}`).toBe(1n);
          }
          const result = answer(state, answerFor(q.step, picks[i % picks.length]!));
          expect(result.ok).toBe(true);
          if (result.ok) state = result.state;
        }
      }),
      { numRuns: 300, seed: 20251001 },
    );
  });
});
