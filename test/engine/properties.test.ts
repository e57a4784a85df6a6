// Property-based: for random valid protocols and random answers, the engine never throws,
// always terminates, and keeps its promises about the advice (merged, ordered by urgency).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviceOf, answer, back, next, optionsOf, start, urgencyRank, type WalkState } from '../../src/engine/index.js';
import { buildProtocol, categoriesArb, categoriesProtocol, shapeArb } from '../helpers/random-protocol.js';
import type { PartnerAdvice } from '../../src/model/index.js';

/**
 * Merged advice never lists one task of a partner under two urgencies: each task (key, else text)
 * once per partner, at the most urgent urgency any advice gave it; the partner as urgent as its
 * most urgent task.
 */
function expectTasksOnce(state: WalkState): void {
  const advice = adviceOf(state);
  // Per partner and task identity: the most urgent rank, and the first text given at that rank.
  const expected = new Map<string, { partner: string; rank: number; text: string }>();
  for (const { advice: given, kind } of state.collected) {
    if (kind !== 'partner') continue;
    const a = given as PartnerAdvice;
    const id = `${a.partner}/${a.key ?? a.task}`;
    const rank = urgencyRank(a.urgency);
    const seen = expected.get(id);
    if (!seen || rank < seen.rank) expected.set(id, { partner: a.partner, rank, text: a.task });
  }
  for (const p of advice.partners) {
    const got = p.taskItems.map((t) => `${t.text}@${urgencyRank(t.urgency)}`).sort();
    const want = [...expected.values()]
      .filter((e) => e.partner === p.id)
      .map((e) => `${e.text}@${e.rank}`)
      .sort();
    expect(got).toEqual(want);
    expect(new Set(p.tasks).size).toBe(p.tasks.length);
    expect(urgencyRank(p.urgency)).toBe(Math.min(...p.taskItems.map((t) => urgencyRank(t.urgency))));
  }
  expect(advice.partners.reduce((n, p) => n + p.taskItems.length, 0)).toBe(expected.size);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Picks a valid answer for the current question from a random number. */
function validAnswer(state: WalkState, pick: number): unknown {
  const q = next(state);
  if (q.kind !== 'question') return undefined;
  const options = optionsOf(q.step).map((o) => o.value);
  if (q.step.type === 'number') return pick % 5 === 0 ? 'weet-niet' : q.step.min + (pick % (q.step.max - q.step.min + 1));
  if (q.step.type === 'multi') {
    if (pick % 7 === 0) return 'weet-niet';
    const values = options.filter((v) => v !== 'weet-niet');
    const some = values.filter((_, i) => (pick >> i) & 1);
    // Nothing ticked is no answer: then one option.
    const ticked = some.length > 0 ? some : [values[pick % values.length]!];
    // An exclusive option only on its own.
    const alone = q.step.options.filter((o) => o.exclusive).map((o) => o.value);
    return ticked.length > 1 ? ticked.filter((v) => !alone.includes(v)) : ticked;
  }
  return options[pick % options.length];
}

describe('engine properties', () => {
  it('terminates and never throws for random valid protocols and random valid answers', () => {
    fc.assert(
      fc.property(shapeArb, fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }), (shape, picks) => {
        const protocol = buildProtocol(shape);
        let state = start(protocol);
        let asked = 0;
        for (const pick of picks) {
          if (next(state).kind === 'done') break;
          if (pick % 11 === 0 && state.previous) {
            state = back(state);
            continue;
          }
          const r = answer(state, validAnswer(state, pick));
          expect(r.ok).toBe(true);
          if (r.ok) state = r.state;
          asked++;
        }
        // Forward-only targets and calls to later flows: a walk cannot be longer than this.
        const bound = protocol.flows.reduce((n, f) => n + f.steps.length, 0) ** 3 + 10;
        expect(asked).toBeLessThan(bound);
        const advice = adviceOf(state);
        const ranks = advice.partners.map((p) => urgencyRank(p.urgency));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(advice.partners.map((p) => p.id)).size).toBe(advice.partners.length);
        expect(advice.fault).toBeUndefined();
        // Ask once: every step answered (asked or settled by a preset) at most once.
        const answered = state.answers.map((a) => a.step);
        expect(new Set(answered).size).toBe(answered.length);
        expectTasksOnce(state);
      }),
      { numRuns: RUNS, seed: 20251001 },
    );
  });

  it('a walk with several categories (a multi step whose options hand over to flows sharing a flow) asks no question twice', () => {
    fc.assert(
      fc.property(categoriesArb, fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }), (spec, picks) => {
        const protocol = categoriesProtocol(spec);
        let state = start(protocol);
        const asked: string[] = [];
        const atMost: number[] = [];
        for (const pick of picks) {
          const q = next(state);
          if (q.kind === 'done') break;
          asked.push(q.step.id);
          atMost.push(q.remainingAtMost);
          const r = answer(state, q.step.id === 'categorie' ? spec.chosen.map((c) => `c${c}`) : validAnswer(state, pick));
          expect(r.ok).toBe(true);
          if (r.ok) state = r.state;
        }
        expect(next(state).kind).toBe('done');
        expect(asked.length).toBe(new Set(asked).size);
        // "Nog hoogstens N vragen" holds: never fewer than the questions that still came.
        atMost.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(asked.length - i - 1));
        // A chosen flow with `before` asks the shared flow's first question right after the categories.
        const sharedSteps = protocol.flows.find((f) => f.id === 'gedeeld')!.steps.map((s) => s.id);
        if (spec.modes[Math.min(...spec.chosen)] === 'before') expect(asked[1]).toBe(sharedSteps[0]);
        expectTasksOnce(state);
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });

  it('answers of any shape are refused with a message, never thrown', () => {
    fc.assert(
      fc.property(shapeArb, fc.anything(), (shape, junk) => {
        const protocol = buildProtocol(shape);
        const state = start(protocol);
        const r = answer(state, junk);
        // Refused with a message to show, or taken: then the walk has one more answer.
        if (r.ok) expect(r.state.answers.length).toBeGreaterThan(state.answers.length);
        else expect(r.message).toMatch(/\S/);
      }),
      { numRuns: RUNS, seed: 20251001 },
    );
  });

  it('the same answers give the same advice (deterministic)', () => {
    fc.assert(
      fc.property(shapeArb, fc.array(fc.nat(1000), { minLength: 30, maxLength: 30 }), (shape, picks) => {
        const protocol = buildProtocol(shape);
        const run = () => {
          let state = start(protocol);
          for (const pick of picks) {
            if (next(state).kind === 'done') break;
            const r = answer(state, validAnswer(state, pick));
            if (r.ok) state = r.state;
          }
          return adviceOf(state);
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: Math.min(RUNS, 100), seed: 7 },
    );
  });
});
