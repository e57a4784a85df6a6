// Property-based: for random valid protocols and random answers, the engine never throws,
// always terminates, and keeps its promises about the advice (merged, ordered by urgency).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviceOf, answer, back, next, optionsOf, start, urgencyRank, type WalkState } from '../../src/engine/index.js';
import { buildProtocol, shapeArb } from '../helpers/random-protocol.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Picks a valid answer for the current question from a random number. */
function validAnswer(state: WalkState, pick: number): unknown {
  const q = next(state);
  if (q.kind !== 'question') return undefined;
  const options = optionsOf(q.step).map((o) => o.value);
  if (q.step.type === 'number') return pick % 5 === 0 ? 'weet-niet' : q.step.min + (pick % (q.step.max - q.step.min + 1));
  if (q.step.type === 'multi') return pick % 7 === 0 ? 'weet-niet' : options.filter((v, i) => v !== 'weet-niet' && (pick >> i) & 1);
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
      }),
      { numRuns: RUNS, seed: 20251001 },
    );
  });

  it('answers of any shape are refused with a message, never thrown', () => {
    fc.assert(
      fc.property(shapeArb, fc.anything(), (shape, junk) => {
        const protocol = buildProtocol(shape);
        const state = start(protocol);
        const r = answer(state, junk);
        if (!r.ok) expect(typeof r.message).toBe('string');
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
