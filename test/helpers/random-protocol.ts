// Random valid protocols for property tests: a random shape (flows, steps, targets, calls,
// advice) turned into a protocol that passes the schema. Forward-only targets and calls only to
// later flows, so every walk ends.
import fc from 'fast-check';
import { URGENCIES, type Protocol } from '../../src/model/index.js';
import { ProtocolFile } from '../../src/model/schema.js';

export interface Shape {
  flows: {
    /** Later flows entered before this one (`before:`). */
    before?: number[];
    steps: { type: number; targets: number[]; calls: number[]; advice: number[]; bound: number; preset?: number }[];
  }[];
}

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  flows: fc.array(
    fc.record({
      before: fc.array(fc.nat(3), { maxLength: 2 }),
      steps: fc.array(
        fc.record({
          type: fc.nat(4),
          targets: fc.array(fc.nat(10), { minLength: 4, maxLength: 4 }),
          calls: fc.array(fc.nat(3), { maxLength: 2 }),
          advice: fc.array(fc.nat(7), { maxLength: 3 }),
          bound: fc.integer({ min: 0, max: 30 }),
          preset: fc.nat(3),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
    // Up to four flows: enough for two flows that both hand over to a shared later one.
    { minLength: 1, maxLength: 4 },
  ),
});

/**
 * Builds a valid protocol from a random shape: forward-only targets, calls and `before` only to
 * later flows (so a flow can be entered from several earlier ones, as a shared context flow is),
 * partner tasks of one key at different urgencies, presets and an exclusive multi option.
 */
export function buildProtocol(shape: Shape): Protocol {
  const stepId = (f: number, s: number) => `f${f}-s${s}`;
  const later = (f: number, ids: readonly number[] | undefined) => [...new Set((ids ?? []).filter((c) => c > f && c < shape.flows.length))].map((c) => `f${c}`);
  const flows = shape.flows.map((flow, f) => ({
    id: `f${f}`,
    title: `Flow ${f}`,
    ...(later(f, flow.before).length ? { before: later(f, flow.before) } : {}),
    steps: flow.steps.map((st, s) => {
      const forward = (k: number) => {
        const later = flow.steps.length - s - 1;
        return later > 0 && k % 3 !== 0 ? stepId(f, s + 1 + (k % later)) : 'end';
      };
      const calls = st.calls.filter((c) => c > f && c < shape.flows.length).map((c) => `f${c}`);
      // Tasks 4 and 7 share a key (one task, different texts and urgencies); 0 and 3 are keyed by their text.
      const key = (a: number) => (a === 4 || a === 7 ? { key: 'k' } : {});
      const advice = st.advice.map((a, i) =>
        a % 4 === 0
          ? { partner: `p${a % 2}`, urgency: URGENCIES[(a + s) % 4]!, task: `taak ${a}`, ...key(a), sources: ['s'] }
          : a % 4 === 1
            ? { action: `actie ${a}`, urgency: URGENCIES[(a + i) % 4]!, sources: ['s'] }
            : a % 4 === 2
              ? { rule: 'r', conclusion: `conclusie ${a}`, sources: ['s'], when: { step: stepId(0, 0), answered: true } }
              : {
                  partner: `p${a % 2}`,
                  urgency: URGENCIES[(a + 1 + i) % 4]!,
                  task: `taak ${a}`,
                  ...key(a),
                  sources: ['s'],
                  when: { step: stepId(f, Math.max(0, s - 1)), min: st.bound },
                },
      );
      const branch = (k: number) => ({ next: forward(st.targets[k]!), advice, ...(calls.length ? { call: calls } : {}) });
      // A preset settles the step once the first question is answered (or, for `answered: false`, before).
      const answer = st.preset === 3 ? 'weet-niet' : ((['ja', 'o1', st.bound, ['m0']] as const)[st.type] ?? 'weet-niet');
      const preset = st.preset ? { preset: [{ when: { step: stepId(0, 0), answered: st.preset !== 2 }, answer: answer as string | number | string[] }] } : {};
      const base = { id: stepId(f, s), question: `Vraag ${f}.${s}?`, unknown: branch(3), ...preset };
      switch (st.type) {
        case 0:
          return { ...base, type: 'yes-no' as const, yes: branch(0), no: branch(1) };
        case 1:
          return { ...base, type: 'choice' as const, options: [0, 1, 2].map((k) => ({ value: `o${k}`, label: `Optie ${k}`, ...branch(k) })) };
        case 2:
          return {
            ...base,
            type: 'number' as const,
            min: 0,
            max: 30,
            ranges: [
              { max: st.bound, ...branch(0) },
              { min: st.bound + 1, ...branch(1) },
            ],
          };
        case 3:
          return {
            ...base,
            type: 'multi' as const,
            next: forward(st.targets[0]!),
            options: [0, 1, 2].map((k) => ({
              value: `m${k}`,
              label: `Keuze ${k}`,
              ...(k === 2 ? { exclusive: true } : {}),
              advice,
              ...(calls.length && k < 2 ? { call: calls } : {}),
            })),
          };
        default: {
          const { id } = base;
          return {
            type: 'route' as const,
            id,
            routes: [{ when: { any: [{ step: stepId(0, 0), is: ['ja', 'o1'] }, { not: { step: stepId(f, 0), answered: true } }] }, ...branch(0) }],
            otherwise: branch(1),
          };
        }
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

/**
 * A categories protocol: a multi step whose options each hand over to a category flow; category
 * flows use a shared flow by `before`, by a `call` from their first step, or not at all.
 */
export interface CategoriesSpec {
  /** Per category: how it uses the shared flow. */
  modes: ('before' | 'call' | 'none')[];
  /** The chosen categories (indexes), in any order and possibly repeated. */
  chosen: number[];
  /** Number of questions in the shared flow and in each category flow. */
  sharedSteps: number;
  categorySteps: number;
  /** Per category: the urgency (0-3) of its police task "Meld het"; keyed so they merge. */
  urgencies: number[];
}

export const categoriesArb: fc.Arbitrary<CategoriesSpec> = fc
  .record({
    modes: fc.array(fc.constantFrom('before' as const, 'call' as const, 'none' as const), { minLength: 2, maxLength: 4 }),
    sharedSteps: fc.integer({ min: 1, max: 3 }),
    categorySteps: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.nat(100), { minLength: 8, maxLength: 8 }),
  })
  .map(({ modes, sharedSteps, categorySteps, seed }) => ({
    modes,
    sharedSteps,
    categorySteps,
    chosen: [...new Set(seed.slice(0, 1 + (seed[7]! % modes.length)).map((n) => n % modes.length))],
    urgencies: modes.map((_, i) => seed[i]! % 4),
  }));

export function categoriesProtocol(spec: CategoriesSpec): Protocol {
  const question = (id: string, i: number, extra: object = {}) =>
    i % 2 === 0
      ? { id, type: 'yes-no' as const, question: `${id}?`, unknown: { next: 'end' }, ...extra }
      : { id, type: 'choice' as const, question: `${id}?`, unknown: { next: 'end' }, options: [0, 1].map((k) => ({ value: `o${k}`, label: `O${k}` })), ...extra };
  const chain = (prefix: string, n: number, last: object = {}) =>
    Array.from({ length: n }, (_, i) => question(`${prefix}-${i}`, i, { next: i + 1 < n ? `${prefix}-${i + 1}` : 'end', ...(i + 1 === n ? last : {}) }));
  const flows = [
    {
      id: 'main',
      title: 'Incident',
      steps: [
        {
          id: 'categorie',
          type: 'multi' as const,
          question: 'Wat is er gebeurd?',
          next: 'end',
          options: spec.modes.map((_, c) => ({ value: `c${c}`, label: `Categorie ${c}`, call: `cat-${c}` })),
        },
      ],
    },
    { id: 'gedeeld', title: 'Gedeeld', steps: chain('gedeeld', spec.sharedSteps, { advice: [{ partner: 'p0', urgency: 'today', task: 'Overleg', sources: ['s'] }] }) },
    ...spec.modes.map((mode, c) => {
      const steps = chain(`cat${c}`, spec.categorySteps, {
        advice: [{ partner: 'p0', urgency: URGENCIES[spec.urgencies[c]!]!, task: `Meld het (${c})`, key: 'melden', sources: ['s'] }],
      });
      if (mode === 'call') Object.assign(steps[0]!, { yes: { call: 'gedeeld' } });
      return { id: `cat-${c}`, title: `Categorie ${c}`, ...(mode === 'before' ? { before: ['gedeeld'] } : {}), steps };
    }),
  ];
  const file = {
    protocol: { id: 'cat', title: 'Cat', region: 'R', version: '1', signed: '2025-10-01', evaluation: '2026-10-01', start: 'main' },
    sources: [{ id: 's', kind: 'covenant' as const, title: 'S' }],
    partners: [{ id: 'p0', name: 'P0', kind: 'core' as const }],
    flows,
  };
  const parsed = ProtocolFile.parse(file);
  return { meta: parsed.protocol!, sources: parsed.sources!, partners: parsed.partners!, rules: [], flows: parsed.flows!, checklist: [] };
}
