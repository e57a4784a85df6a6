// Random protocol folders (YAML through the real loader), cycles, presets, `before` and every
// condition operator included: every folder that loads is walked with random answers. The walk
// ends within as many answers as the folder has questions, its advice keeps the JSON contract, and
// the analysis of the folder does not throw. A walk the engine has to stop on a fault (a loop
// without questions, a flow that hands over to itself) is a cycle `validate` reports as an error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { adviceOf, answer, back, next, start } from '../../src/engine/index.js';
import { hashFiles, loadProtocolFiles } from '../../src/loader/index.js';
import { renderAdviceJson } from '../../src/render/advice-json.js';
import { expectAdviceContract } from '../helpers/advice-contract.js';
import { folderArb, randomAnswer } from '../helpers/random-folder.js';
import { TODAY } from '../helpers/test-rule.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20260401);
const GENERATED = new Date('2026-04-01T09:00:00Z');

describe('random protocol folders', () => {
  it('every folder that loads is walked to its end with random answers; the advice keeps the contract; the analysis does not throw', () => {
    let walked = 0;
    let faults = 0;
    fc.assert(
      fc.property(folderArb, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (files, picks) => {
        const loaded = loadProtocolFiles(files);
        const diagnostics = validateLoaded(loaded, { today: TODAY });
        for (const d of diagnostics) expect(d.line, `${d.code} ${d.message}`).toBeGreaterThan(0);
        if (!loaded.ok) return;
        walked++;
        const protocol = loaded.protocol!;
        const questions = protocol.flows.flatMap((f) => f.steps).filter((s) => s.type !== 'route').length;
        // Random answers, now and then a step back; then on until the walk is done.
        let state = start(protocol);
        let answers = 0;
        for (let i = 0; next(state).kind === 'question'; i++) {
          const pick = picks[i % picks.length]! + i;
          if (i < picks.length && pick % 9 === 0 && state.previous) {
            state = back(state);
            continue;
          }
          const r = answer(state, randomAnswer(state, pick));
          expect(r.ok, r.ok ? '' : r.message).toBe(true);
          if (r.ok) state = r.state;
          // Ask once: a walk never has more answers than the folder has questions.
          expect(state.answers.length).toBeLessThanOrEqual(questions);
          expect(++answers, 'the walk does not end').toBeLessThanOrEqual(picks.length + questions);
        }
        const advice = adviceOf(state);
        expectAdviceContract(renderAdviceJson({ advice, protocol, sha256: hashFiles(files), generated: GENERATED }));
        if (advice.fault) {
          faults++;
          expect(
            diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
            `fault "${advice.fault}" not reported by validate`,
          ).toContain('cycle');
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator is useful: most folders load, and some walks (not most) run into a cycle.
    expect(walked).toBeGreaterThan(RUNS / 2);
    if (RUNS >= 50) expect(faults).toBeGreaterThan(0);
    expect(faults).toBeLessThan(walked / 2);
  });
});
