// The optimised engine against the straightforward one it replaced (test/helpers/reference-engine):
// for many walks, every question the wizard is shown (with its options and progress), every
// "Nu direct" banner, every answer's outcome, every state and the final advice must be the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adviceOf, answer, back, immediateSoFar, next, replay, start, type HandOver, type WalkState } from '../../src/engine/index.js';
import * as ref from '../helpers/reference-engine/walk.js';
import { adviceOf as refAdviceOf, immediateSoFar as refImmediateSoFar } from '../helpers/reference-engine/advice.js';
import { buildProtocol, shapeArb } from '../helpers/random-protocol.js';
import { shipped } from '../helpers/shipped.js';
import { UNKNOWN, type AnswerValue, type Protocol, type QuestionStep } from '../../src/model/index.js';
import { seededRandom as random } from '../helpers/seeded-random.js';

/** An answer a user could give: any option, "weet ik niet", ticks of a multi, numbers at every range bound. */
function pick(step: QuestionStep, r: () => number): AnswerValue {
  if (step.unknown && r() < 0.1) return UNKNOWN;
  switch (step.type) {
    case 'yes-no':
      return r() < 0.5 ? 'ja' : 'nee';
    case 'choice':
      return step.options[Math.floor(r() * step.options.length)]!.value;
    case 'multi': {
      const ticked = step.options.filter(() => r() < 0.3);
      return (ticked.length > 1 ? ticked.filter((o) => !o.exclusive) : ticked).map((o) => o.value);
    }
    case 'number': {
      const points = [step.min, step.max, ...(step.ranges ?? []).flatMap((x) => [x.min, x.max])].filter((n): n is number => n !== undefined && n >= step.min && n <= step.max);
      return points[Math.floor(r() * points.length)]!;
    }
  }
}

/** Answers no step accepts, so both engines must refuse them with the same message. */
const INVALID: unknown[] = ['geen-optie', 3.5, ['geen-optie'], {}, UNKNOWN];

/** The engine's chain of hand-overs (newest first) as the reference's record: flow → question. */
function handOvers(via: HandOver | undefined): Record<string, string> | undefined {
  if (!via) return undefined;
  const record: Record<string, string> = {};
  for (let h: HandOver | undefined = via; h; h = h.earlier) record[h.flow] ??= h.step;
  return record;
}

/** What the user sees of a state and what later answers depend on (`via` as a record). */
const myView = (s: WalkState) => stateView(s, handOvers(s.via));
const refView = (s: ref.WalkState) => stateView(s, s.via ? { ...s.via } : undefined);

function stateView(s: WalkState | ref.WalkState, via: Record<string, string> | undefined) {
  return {
    at: s.at,
    stack: [...s.stack],
    answers: s.answers.map((a) => ({ ...a })),
    explained: s.explained.map((b) => ({ ...b })),
    collected: s.collected.map((c) => ({ ...c, because: c.because.map((b) => ({ ...b })) })),
    fault: s.fault,
    via,
    answered: s.answers.length,
  };
}

function nextView(q: ReturnType<typeof next> | ReturnType<typeof ref.next>) {
  if (q.kind === 'done') return { kind: 'done' };
  return {
    kind: q.kind,
    step: q.step.id,
    question: q.step.question,
    flowTitle: q.flowTitle,
    options: q.options.map((o) => ({ ...o })),
    answered: q.answered,
    remainingAtMost: q.remainingAtMost,
  };
}

interface WalkPlan {
  seed: number;
  /** Forces the answer of one step (the category question). */
  fixed?: { step: string; value: (r: () => number) => AnswerValue };
  /** Also try invalid answers and going back. */
  detours?: boolean;
}

/**
 * Walks both engines side by side, answering from the reference's question, and compares after
 * every call. Returns the recorded answers (step → raw answer) of the walk and its length.
 */
function walkBoth(protocol: Protocol, plan: WalkPlan): { answers: Record<string, AnswerValue>; steps: number } {
  const r = random(plan.seed);
  let mine = start(protocol);
  let theirs = ref.start(protocol);
  expect(myView(mine)).toEqual(refView(theirs));
  let steps = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const q = ref.next(theirs);
    expect(nextView(next(mine))).toEqual(nextView(q));
    expect(immediateSoFar(mine)).toEqual(refImmediateSoFar(theirs));
    if (q.kind === 'done') break;
    if (plan.detours && r() < 0.05) {
      const bad = INVALID[Math.floor(r() * INVALID.length)];
      const a = answer(mine, bad);
      const b = ref.answer(theirs, bad);
      expect(a.ok ? { ok: true } : a).toEqual(b.ok ? { ok: true } : b);
      if (a.ok && b.ok) {
        mine = a.state;
        theirs = b.state;
        expect(myView(mine)).toEqual(refView(theirs));
      }
      continue;
    }
    if (plan.detours && r() < 0.05 && theirs.previous) {
      mine = back(mine);
      theirs = ref.back(theirs);
      expect(myView(mine)).toEqual(refView(theirs));
      continue;
    }
    const value = plan.fixed && q.step.id === plan.fixed.step ? plan.fixed.value(r) : pick(q.step, r);
    const a = answer(mine, value);
    const b = ref.answer(theirs, value);
    expect(a.ok ? { ok: true } : a).toEqual(b.ok ? { ok: true } : b);
    if (!a.ok || !b.ok) continue;
    mine = a.state;
    theirs = b.state;
    steps++;
    expect(myView(mine)).toEqual(refView(theirs));
    // Going back gives the state before the answer, in both.
    expect(myView(back(mine))).toEqual(refView(ref.back(theirs)));
  }
  expect(next(mine).kind).toBe('done');
  expect(adviceOf(mine)).toEqual(refAdviceOf(theirs));
  const answers: Record<string, AnswerValue> = {};
  for (const given of mine.answers) if (!given.inferred) answers[given.step] = given.value;
  return { answers, steps };
}

describe('the engine gives the same walks as the reference engine', () => {
  const loaded = shipped();
  const protocol = loaded.protocol!;
  const categoryId = protocol.meta.context!.categories!;
  const categoryStep = protocol.flows.flatMap((f) => f.steps).find((s) => s.id === categoryId) as QuestionStep;
  const categories = categoryStep.type === 'multi' ? categoryStep.options.filter((o) => !o.exclusive).map((o) => o.value) : [];

  it('the shipped protocol has a multi category question with many categories', () => {
    expect(loaded.ok).toBe(true);
    expect(categories.length).toBeGreaterThanOrEqual(20);
  });

  it('one incident per category, 10 walks each: questions, options, progress, banners, states and advice', () => {
    let seed = 1;
    let total = 0;
    for (const category of categories) {
      for (let k = 0; k < 10; k++) {
        const { steps, answers } = walkBoth(protocol, { seed: seed++, fixed: { step: categoryId, value: () => [category] } });
        expect(answers[categoryId]).toEqual([category]);
        total += steps;
      }
    }
    // Real walks, not a question or two: the context questions and the category's own.
    expect(total / (categories.length * 10)).toBeGreaterThan(5);
  });

  it('long walks over many categories at once, with wrong answers and going back on the way', () => {
    for (let seed = 1000; seed < 1040; seed++) {
      walkBoth(protocol, {
        seed,
        detours: true,
        fixed: { step: categoryId, value: (r) => categories.filter(() => r() < 0.5) },
      });
    }
  });

  it('a recorded walk replays to the same advice as the reference walk gave', () => {
    for (let seed = 2000; seed < 2060; seed++) {
      const { answers } = walkBoth(protocol, { seed, fixed: { step: categoryId, value: (r) => categories.filter(() => r() < 0.15) } });
      const replayed = replay(protocol, answers);
      expect(replayed.problems).toEqual([]);
      const theirs = ref.start(protocol);
      let s = theirs;
      for (;;) {
        const q = ref.next(s);
        if (q.kind === 'done') break;
        const a = ref.answer(s, answers[q.step.id]);
        if (!a.ok) throw new Error(a.message);
        s = a.state;
      }
      expect(adviceOf(replayed.state)).toEqual(refAdviceOf(s));
    }
  });

  it('random protocols: routes, presets, number ranges, hand-overs and faults behave the same', () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 1, max: 1_000_000 }), (shape, seed) => {
        const random = buildProtocol(shape);
        walkBoth(random, { seed, detours: true });
      }),
      { numRuns: 300 },
    );
  });
});
