// Random valid protocols for property tests: a random shape (flows, steps, targets, calls,
// advice) turned into a protocol that passes the schema. Forward-only targets and calls only to
// later flows, so every walk ends.
import fc from 'fast-check';
import { ProtocolFile, URGENCIES, type Protocol } from '../../src/model/index.js';

export interface Shape {
  flows: { steps: { type: number; targets: number[]; calls: number[]; advice: number[]; bound: number }[] }[];
}

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  flows: fc.array(
    fc.record({
      steps: fc.array(
        fc.record({
          type: fc.nat(4),
          targets: fc.array(fc.nat(10), { minLength: 4, maxLength: 4 }),
          calls: fc.array(fc.nat(3), { maxLength: 2 }),
          advice: fc.array(fc.nat(7), { maxLength: 3 }),
          bound: fc.integer({ min: 0, max: 30 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Builds a valid protocol from a random shape: forward-only targets, calls only to later flows. */
export function buildProtocol(shape: Shape): Protocol {
  const stepId = (f: number, s: number) => `f${f}-s${s}`;
  const flows = shape.flows.map((flow, f) => ({
    id: `f${f}`,
    title: `Flow ${f}`,
    steps: flow.steps.map((st, s) => {
      const forward = (k: number) => {
        const later = flow.steps.length - s - 1;
        return later > 0 && k % 3 !== 0 ? stepId(f, s + 1 + (k % later)) : 'end';
      };
      const calls = st.calls.filter((c) => c > f && c < shape.flows.length).map((c) => `f${c}`);
      const advice = st.advice.map((a, i) =>
        a % 4 === 0
          ? { partner: `p${a % 2}`, urgency: URGENCIES[a % 4]!, task: `taak ${a}`, sources: ['s'] }
          : a % 4 === 1
            ? { action: `actie ${a}`, urgency: URGENCIES[(a + i) % 4]!, sources: ['s'] }
            : a % 4 === 2
              ? { rule: 'r', conclusion: `conclusie ${a}`, sources: ['s'], when: { step: stepId(0, 0), answered: true } }
              : { partner: `p${a % 2}`, urgency: URGENCIES[(a + 1) % 4]!, task: `taak ${a}`, sources: ['s'], when: { step: stepId(f, Math.max(0, s - 1)), min: st.bound } },
      );
      const branch = (k: number) => ({ next: forward(st.targets[k]!), advice, ...(calls.length ? { call: calls } : {}) });
      const base = { id: stepId(f, s), question: `Vraag ${f}.${s}?`, unknown: branch(3) };
      switch (st.type) {
        case 0:
          return { ...base, type: 'yes-no' as const, yes: branch(0), no: branch(1) };
        case 1:
          return { ...base, type: 'choice' as const, options: [0, 1, 2].map((k) => ({ value: `o${k}`, label: `Optie ${k}`, ...branch(k) })) };
        case 2:
          return { ...base, type: 'number' as const, min: 0, max: 30, ranges: [{ max: st.bound, ...branch(0) }, { min: st.bound + 1, ...branch(1) }] };
        case 3:
          return { ...base, type: 'multi' as const, next: forward(st.targets[0]!), options: [0, 1].map((k) => ({ value: `m${k}`, label: `Keuze ${k}`, advice, ...(calls.length ? { call: calls } : {}) })) };
        default:
          return {
            type: 'route' as const,
            id: stepId(f, s),
            routes: [{ when: { any: [{ step: stepId(0, 0), is: ['ja', 'o1'] }, { not: { step: stepId(f, 0), answered: true } }] }, ...branch(0) }],
            otherwise: branch(1),
          };
      }
    }),
  }));
  const file = {
    protocol: { id: 'fuzz', title: 'Fuzz', region: 'R', version: '1', signed: '2025-10-01', evaluation: '2026-10-01', start: 'f0' },
    sources: [{ id: 's', kind: 'covenant' as const, title: 'S' }],
    partners: [0, 1].map((i) => ({ id: `p${i}`, name: `P${i}`, kind: 'core' as const })),
    rules: [{ id: 'r', title: 'R', sources: ['s'] }],
    flows,
  };
  const parsed = ProtocolFile.parse(file); // the generator must produce valid protocols
  return { meta: parsed.protocol!, sources: parsed.sources!, partners: parsed.partners!, rules: parsed.rules!, flows: parsed.flows!, checklist: [] };
}
