// The analysis never throws, whatever the graph looks like: cycles, dangling targets, calls into
// missing or recursive flows, conditions on unknown or later steps, duplicate ids, empty ranges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateLoaded } from '../../src/analysis/index.js';
import { loadProtocolFiles } from '../../src/loader/index.js';
import { BASE } from '../helpers/protocol.js';
import { TODAY } from '../helpers/test-rule.js';

const STEP_IDS = ['a', 'b', 'c', 'd', 'e'];
const FLOW_IDS = ['main', 'f1', 'f2'];

function arbitraryProtocol(wild: boolean) {
  const target = wild ? fc.constantFrom(...STEP_IDS, 'end', 'x') : fc.constantFrom(...STEP_IDS, 'end');
  const fact = fc.record(
    {
      step: wild ? fc.constantFrom(...STEP_IDS, 'x') : fc.constantFrom(...STEP_IDS),
      is: fc.constantFrom('ja', 'nee', 'weet-niet', 'o1', 5, 'zz'),
      min: fc.integer({ min: -2, max: 12 }),
      max: fc.integer({ min: -2, max: 12 }),
    },
    { requiredKeys: ['step'] },
  );
  const condition = fc.oneof(
    fact,
    fc.record({ all: fc.array(fact, { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: fact }),
    fc.record({ any: fc.array(fact, { minLength: 1, maxLength: 2 }) }),
  );
  const advice = fc.array(
    fc.oneof(
      fc.record({ info: fc.constant('Uitleg'), sources: fc.constant(['s1']), when: condition }, { requiredKeys: ['info', 'sources'] }),
      fc.record({ action: fc.constant('Doe iets'), urgency: fc.constant('today'), sources: fc.constant(['s1']) }),
    ),
    { maxLength: 2 },
  );
  const branch = fc.record({ next: target, call: wild ? fc.constantFrom(...FLOW_IDS, 'nergens') : fc.constantFrom(...FLOW_IDS), advice }, { requiredKeys: [] });
  const step = (id: string) =>
    fc.oneof(
      fc.record(
        { id: fc.constant(id), type: fc.constant('yes-no'), question: fc.constant('V?'), yes: branch, no: branch, unknown: branch, next: target },
        { requiredKeys: ['id', 'type', 'question'] },
      ),
      fc.record(
        {
          id: fc.constant(id),
          type: fc.constant('choice'),
          question: fc.constant('V?'),
          options: fc.constant([
            { value: 'o1', label: 'O1' },
            { value: 'o2', label: 'O2', next: 'end' },
          ]),
          next: target,
        },
        { requiredKeys: ['id', 'type', 'question', 'options'] },
      ),
      fc.record(
        {
          id: fc.constant(id),
          type: fc.constant('multi'),
          question: fc.constant('V?'),
          options: fc.constant([
            { value: 'o1', label: 'O1', call: 'f1' },
            { value: 'o2', label: 'O2' },
          ]),
          next: target,
        },
        { requiredKeys: ['id', 'type', 'question', 'options'] },
      ),
      fc.record(
        {
          id: fc.constant(id),
          type: fc.constant('number'),
          question: fc.constant('V?'),
          min: fc.integer({ min: 0, max: 5 }),
          max: fc.integer({ min: 3, max: 10 }),
          ranges: fc.array(fc.record({ min: fc.integer({ min: -1, max: 11 }), max: fc.integer({ min: -1, max: 11 }), next: target }, { requiredKeys: [] }), { maxLength: 3 }),
          unknown: branch,
          next: target,
        },
        { requiredKeys: ['id', 'type', 'question', 'min', 'max'] },
      ),
      fc.record(
        {
          id: fc.constant(id),
          type: fc.constant('route'),
          routes: fc.array(fc.record({ when: condition, next: target, advice }, { requiredKeys: ['when'] }), { minLength: 1, maxLength: 3 }),
          otherwise: branch,
        },
        { requiredKeys: ['id', 'type', 'routes'] },
      ),
    );
  return fc.tuple(...STEP_IDS.map(step), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 })).map((parts) => {
    const steps = parts.slice(0, STEP_IDS.length);
    const owners = parts[STEP_IDS.length] as number[];
    if (!wild) {
      // Every reference resolves: all steps in main, and two small flows to call.
      const small = (id: string) => ({ id, title: id, steps: [{ id: `${id}-s`, type: 'yes-no', question: 'V?', next: 'end' }] });
      return { flows: [{ id: 'main', title: 'main', steps }, small('f1'), small('f2')] };
    }
    const flows = FLOW_IDS.map((id, f) => ({ id, title: id, steps: steps.filter((_, i) => (i === 0 ? 0 : owners[i]) === f) })).filter((f) => f.steps.length > 0);
    return { flows };
  });
}

describe('analysis robustness', () => {
  it.each([
    ['with dangling references (only the local checks run)', true],
    ['with valid references (every check runs)', false],
  ])('never throws on arbitrary step graphs %s', (_name, wild) => {
    fc.assert(
      fc.property(arbitraryProtocol(wild), (p) => {
        const loaded = loadProtocolFiles([
          { name: 'base.yaml', text: BASE },
          { name: 'flows.yaml', text: stringify(p) },
        ]);
        const diagnostics = validateLoaded(loaded, { today: TODAY });
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThan(0);
          expect(d.file).not.toBe('<onbekend>');
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
