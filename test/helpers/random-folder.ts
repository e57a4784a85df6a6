// Random protocol folders as YAML files, for property tests that go through the real loader. Unlike
// random-protocol.ts (always valid, forward only), anything the schema allows can come out: `next`
// back to an earlier step or to itself, flows that call each other or themselves, `before` loops,
// every question type and the route step, conditions with every operator (all / any / not, and facts
// with is / min / max / answered, on any step, route steps included), presets, flow starts, context
// roles on steps of the wrong type. Most folders load; some do not (an invalid preset answer, a
// duplicate option): tests walk only those that load.
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { ProtocolSourceFile } from '../../src/loader/index.js';
import { next, optionsOf, type WalkState } from '../../src/engine/index.js';
import { URGENCIES } from '../../src/model/core.js';

type Json = Record<string, unknown>;

/** Flows f0..fN with steps f<i>-s<j>; per flow how many steps, and per step its type. */
interface Skeleton {
  types: ('yes-no' | 'choice' | 'multi' | 'number' | 'route')[][];
}

const TYPES = ['yes-no', 'choice', 'multi', 'number', 'route'] as const;
const stepId = (f: number, s: number) => `f${f}-s${s}`;
/** `arb` in about `percent` of the cases, else undefined. */
const optional = <T>(arb: fc.Arbitrary<T>, percent = 50) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
/** Drops undefined fields, so the YAML only has the keys that were chosen. */
const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function folderOf(sk: Skeleton): fc.Arbitrary<ProtocolSourceFile[]> {
  const flowIds = sk.types.map((_, f) => `f${f}`);
  const allSteps = sk.types.flatMap((types, f) => types.map((_, s) => stepId(f, s)));

  // ------------------------------------------------------------ conditions
  const literal = fc.oneof(fc.constantFrom('ja', 'nee', 'weet-niet', 'o0', 'o1', 'o2', 'm0', 'm1', 'm2'), fc.integer({ min: -1, max: 12 }));
  const fact = fc
    .record(
      {
        step: fc.constantFrom(...allSteps),
        is: fc.oneof(literal, fc.array(literal, { minLength: 1, maxLength: 3 })),
        min: fc.integer({ min: -1, max: 12 }),
        max: fc.integer({ min: -1, max: 12 }),
        answered: fc.boolean(),
      },
      { requiredKeys: ['step'] },
    )
    .map(compact);
  const { condition } = fc.letrec<{ condition: Json }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      fact,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }));

  // ------------------------------------------------------------ advice and branches
  const urgency = fc.constantFrom(...URGENCIES);
  const when = optional(condition, 30);
  const advice = fc.array(
    fc
      .oneof(
        fc.record({
          partner: fc.constantFrom('p0', 'p1'),
          urgency,
          task: fc.constantFrom('Bel', 'Meld', 'Overleg'),
          key: optional(fc.constant('k')),
          reason: optional(fc.constant('Omdat')),
          when,
          sources: fc.constant(['s']),
        }),
        fc.record({ action: fc.constantFrom('Zorg voor veiligheid', 'Noteer'), urgency, order: optional(fc.integer({ min: -2, max: 2 })), when, sources: fc.constant(['s']) }),
        fc.record({ rule: fc.constant('r'), conclusion: fc.constantFrom('Geldt', 'Geldt niet'), steps: optional(fc.constant(['Stap een'])), when, sources: fc.constant(['s']) }),
        fc.record({ info: fc.constant('Goed om te weten'), audience: optional(fc.constant('ouders')), when, sources: fc.constant(['s']) }),
      )
      .map(compact),
    { maxLength: 2 },
  );
  const calls = fc.oneof(fc.constantFrom(...flowIds), fc.uniqueArray(fc.constantFrom(...flowIds), { minLength: 1, maxLength: 2 }));
  /** A target in the flow: mostly forward or `end`, sometimes back (a cycle) or to itself. */
  const target = (f: number, s: number) => {
    const n = sk.types[f]!.length;
    const forward = Array.from({ length: n - s - 1 }, (_, k) => stepId(f, s + 1 + k));
    const backward = Array.from({ length: s + 1 }, (_, k) => stepId(f, k));
    return fc.oneof({ arbitrary: fc.constantFrom('end', ...forward), weight: 6 }, { arbitrary: fc.constantFrom(...backward), weight: 1 });
  };
  const branch = (f: number, s: number) => fc.record({ next: optional(target(f, s)), call: optional(calls, 15), advice: optional(advice) }).map(compact);

  // ------------------------------------------------------------ steps
  // Presets: a condition and a pick that becomes an answer the question accepts (see `settled`),
  // now and then a raw literal that may not fit (a load error).
  const presetArb = fc.record({ when: condition, pick: fc.nat(), raw: optional(literal, 3) });
  const questionFields = (f: number, s: number, type: (typeof TYPES)[number]) =>
    fc.record({
      id: fc.constant(stepId(f, s)),
      type: fc.constant(type),
      question: fc.constant(`Vraag ${f}.${s}?`),
      help: optional(fc.constant('Uitleg bij de vraag')),
      unknown: optional(branch(f, s), 60),
      preset: optional(fc.array(presetArb, { minLength: 1, maxLength: 2 }), 30),
      advice: optional(advice),
      next: optional(target(f, s)),
    });
  const stepArb = (f: number, s: number): fc.Arbitrary<Json> => stepOfType(f, s).map(settled);
  const stepOfType = (f: number, s: number): fc.Arbitrary<Json> => {
    const type = sk.types[f]![s]!;
    switch (type) {
      case 'yes-no':
        return fc.tuple(questionFields(f, s, type), optional(branch(f, s), 70), optional(branch(f, s), 70)).map(([q, yes, no]) => compact({ ...compact(q), yes, no }));
      case 'choice':
        return fc
          .tuple(questionFields(f, s, type), fc.array(branch(f, s), { minLength: 2, maxLength: 3 }))
          .map(([q, options]) => ({ ...compact(q), options: options.map((b, k) => ({ value: `o${k}`, label: `Optie ${k}`, ...b })) }));
      case 'multi':
        return fc
          .tuple(
            questionFields(f, s, type),
            fc.array(fc.record({ advice: optional(advice), call: optional(calls, 20), exclusive: optional(fc.boolean(), 30) }).map(compact), { minLength: 1, maxLength: 3 }),
          )
          .map(([q, options]) => ({ ...compact(q), options: options.map((o, k) => ({ value: `m${k}`, label: `Keuze ${k}`, ...o })) }));
      case 'number':
        return fc
          .tuple(
            questionFields(f, s, type),
            fc.integer({ min: 3, max: 12 }),
            fc.array(fc.record({ min: optional(fc.integer({ min: -1, max: 13 })), max: optional(fc.integer({ min: -1, max: 13 })), label: optional(fc.constant('band')) }), {
              maxLength: 3,
            }),
            fc.array(branch(f, s), { minLength: 3, maxLength: 3 }),
            fc.boolean(),
          )
          .map(([q, max, ranges, branches, unit]) =>
            compact({
              ...compact(q),
              min: 0,
              max,
              unit: unit ? 'jaar' : undefined,
              ranges: ranges.length ? ranges.map((r, k) => ({ ...compact(r), ...branches[k] })) : undefined,
            }),
          );
      case 'route':
        return fc
          .tuple(fc.array(fc.tuple(condition, branch(f, s)), { minLength: 1, maxLength: 3 }), optional(branch(f, s), 70))
          .map(([routes, otherwise]) => compact({ id: stepId(f, s), type, routes: routes.map(([w, b]) => ({ when: w, ...b })), otherwise }));
    }
  };
  const flowArb = (f: number): fc.Arbitrary<Json> =>
    fc
      .record({
        steps: fc.tuple(...sk.types[f]!.map((_, s) => stepArb(f, s))),
        start: optional(fc.constantFrom(...sk.types[f]!.map((_, s) => stepId(f, s))), 20),
        before: optional(fc.uniqueArray(fc.constantFrom(...flowIds), { minLength: 1, maxLength: 2 }), 25),
      })
      .map(({ steps, start, before }) => compact({ id: `f${f}`, title: `Flow ${f}`, start, before, steps }));

  // ------------------------------------------------------------ the folder
  const roles = ['perpetrator', 'victim', 'age', 'school-type', 'place', 'categories'] as const;
  const contextArb = fc.record(Object.fromEntries(roles.map((r) => [r, fc.constantFrom(...allSteps)])), { requiredKeys: [] });
  const ageStep = sk.types.flatMap((types, f) => types.flatMap((t, s) => (t === 'number' ? [stepId(f, s)] : [])))[0];
  return fc
    .record({
      flows: fc.tuple(...sk.types.map((_, f) => flowArb(f))),
      start: fc.constantFrom(...flowIds),
      context: optional(contextArb, 50),
      together: fc.boolean(),
    })
    .map(({ flows, start, context, together }) => {
      const meta = {
        protocol: compact({
          id: 'willekeurig',
          title: 'Willekeurig',
          region: 'R',
          version: '1',
          signed: '2025-10-01',
          evaluation: '2026-10-01',
          start,
          // The age role on a number step when there is one, so the age band is read too.
          context: context ? { ...context, ...(ageStep ? { age: ageStep } : {}) } : undefined,
        }),
        sources: [{ id: 's', kind: 'covenant', title: 'Bron' }],
        partners: [0, 1].map((i) => ({ id: `p${i}`, name: `Partner ${i}`, kind: 'core', ...(i === 0 ? { contact: { phone: '112' } } : {}) })),
        rules: [{ id: 'r', title: 'Regel', sources: ['s'] }],
      };
      // One file, or the flows each in their own file (as a real folder has them).
      return together
        ? [{ name: 'protocol.yaml', text: stringify({ ...meta, flows }) }]
        : [{ name: 'protocol.yaml', text: stringify(meta) }, ...flows.map((flow, f) => ({ name: `flows/f${f}.yaml`, text: stringify({ flows: [flow] }) }))];
    });
}

/** Turns each preset's pick into an answer the step accepts; a raw literal stays as it is. */
function settled(step: Json): Json {
  const presets = step.preset as { when: Json; pick: number; raw?: unknown }[] | undefined;
  if (!presets) return step;
  const options = (step.options ?? []) as { value: string; exclusive?: boolean }[];
  const valid = (pick: number): unknown => {
    if (step.unknown && pick % 5 === 0) return 'weet-niet';
    switch (step.type) {
      case 'yes-no':
        return pick % 2 ? 'ja' : 'nee';
      case 'choice':
        return options[pick % options.length]!.value;
      case 'multi': {
        const ticked = options.filter((_, i) => (pick >> i) & 1);
        const alone = ticked.find((o) => o.exclusive);
        return (ticked.length > 1 && alone ? [alone] : ticked).map((o) => o.value);
      }
      default:
        return (step.min as number) + (pick % ((step.max as number) - (step.min as number) + 1));
    }
  };
  return { ...step, preset: presets.map(({ when, pick, raw }) => ({ when, answer: raw ?? valid(pick) })) };
}

/** A random protocol folder (its YAML files): one to four flows of one to five steps each. */
export const folderArb: fc.Arbitrary<ProtocolSourceFile[]> = fc
  .array(fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .chain((types) => folderOf({ types }));

/**
 * A valid answer to the walk's current question, chosen by `pick` (any natural number): an option,
 * a number in range, a set of multi options (an exclusive one only alone), or "weet ik niet".
 * Undefined when there is no question, or when the question accepts no answer at all: a number
 * question with min above max (a loader error: invalid-value) and without "weet ik niet".
 */
export function randomAnswer(state: WalkState, pick: number): unknown {
  const q = next(state);
  if (q.kind !== 'question') return undefined;
  const step = q.step;
  if (step.unknown && pick % 6 === 0) return 'weet-niet';
  if (step.type === 'number') {
    // No number lies between min and max when min is above max: "weet ik niet" is then the only answer.
    if (step.min > step.max) return step.unknown ? 'weet-niet' : undefined;
    return step.min + (pick % (step.max - step.min + 1));
  }
  if (step.type === 'multi') {
    const some = step.options.filter((_, i) => (pick >> (i + 3)) & 1);
    // Nothing ticked is no answer: then one option.
    const ticked = some.length > 0 ? some : [step.options[pick % step.options.length]!];
    const alone = ticked.find((o) => o.exclusive);
    return (ticked.length > 1 && alone ? [alone] : ticked).map((o) => o.value);
  }
  const options = optionsOf(step).filter((o) => o.value !== 'weet-niet');
  return options[pick % options.length]!.value;
}
