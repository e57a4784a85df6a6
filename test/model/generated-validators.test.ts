// The generated validators (src/model/generated/valid.ts, written by scripts/generate-validators.ts
// from the zod schemas) must answer exactly as zod: the same verdict on every input, and on valid
// input the same data with the keys in the same order. Checked on every item of the shipped
// protocol, on many broken variants of them (a key removed, added or given a value of another
// kind) and on random values; and the committed file must be what the generator writes today.
import { transform } from 'esbuild';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import type * as z from 'zod';
import { generateValidators, OUTPUT, TARGETS, validatorSource } from '../../scripts/generate-validators.js';
import { parseYamlData } from '../../src/loader/parse-yaml.js';
import * as generated from '../../src/model/generated/valid.js';
import { ChecklistSection, Flow, Meta, Partner, RuleSet, Source } from '../../src/model/schema.js';
import * as model from '../../src/model/schema.js';
import { ROOT } from '../helpers/built-cli.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const settings = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) };

type Target = (typeof TARGETS)[number];
const SECTIONS: Record<string, Target> = { protocol: 'Meta', sources: 'Source', partners: 'Partner', rules: 'RuleSet', flows: 'Flow', checklist: 'ChecklistSection' };
const SCHEMAS: Record<Target, z.ZodType> = { Meta, Source, Partner, RuleSet, Flow, ChecklistSection };
const validator = (target: Target) => generated[`parse${target}`] as (value: unknown) => unknown;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** Every item of the shipped protocol (not the scenarios: they are parsed by zod) with its schema. */
const items: [string, Target, unknown][] = yamlFiles(SHIPPED_DIR)
  .filter((file) => !file.includes('/scenarios/'))
  .flatMap((file) => {
    const data = parseYamlData(file, readFileSync(file, 'utf8')).data as Record<string, unknown>;
    return Object.entries(data).flatMap(([key, value]): [string, Target, unknown][] =>
      key === 'protocol' ? [[`${file} protocol`, 'Meta', value]] : (value as unknown[]).map((item, i) => [`${file} ${key}[${i}]`, SECTIONS[key]!, item]),
    );
  });

/** JSON text keeps the key order: equal text is equal data in the same order (and undefined values are checked apart). */
function agrees(target: Target, value: unknown): boolean {
  const fast = validator(target)(value);
  const slow = SCHEMAS[target].safeParse(value);
  expect(fast !== generated.INVALID, show(value)).toBe(slow.success);
  if (slow.success) {
    expect(JSON.stringify(fast), show(value)).toBe(JSON.stringify(slow.data));
    expect(fast, show(value)).toStrictEqual(slow.data);
  }
  return slow.success;
}

const show = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
};

type Path = (string | number)[];
function paths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
  return out;
}

/** A deep copy of `value` with `change` applied to the value at `path` (undefined removes it). */
function changed(value: unknown, path: Path, change: (v: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    const next = changed(copy[head as number], rest, change);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = changed(copy[head as string], rest, change);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const CHANGES: [string, (v: unknown) => unknown][] = [
  ['removed', () => undefined],
  ['null', () => null],
  ['a number', () => 7],
  ['a fraction', () => 2.5],
  ['true', () => true],
  ['an empty text', () => ''],
  ['a text that is no id', () => 'Geen Id!'],
  ['the id "end"', () => 'end'],
  ['an id', () => 'politie'],
  ['an empty list', () => []],
  ['a list around it', (v) => [v]],
  ['an empty map', () => ({})],
  ['an extra key', (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, extra: 1 } : v)],
  ['a date', () => '2026-02-30'],
  ['a web address', () => 'javascript:alert(1)'],
  ['a condition', () => ({ step: 'a', is: ['x', 2] })],
  ['a nested condition', () => ({ not: { any: [{ step: 'a', answered: true }] } })],
];

describe('generated validators', () => {
  it('are up to date with the schemas (else run `npm run generate`)', async () => {
    const committed = readFileSync(join(ROOT, OUTPUT), 'utf8');
    // Not toBe: a whole-file diff would hide the one line that says what to do.
    expect(
      committed === (await generateValidators()),
      `${OUTPUT} is not what scripts/generate-validators.ts writes from the schemas today: run \`npm run generate\` and commit it`,
    ).toBe(true);
  }, 30_000);

  it('reads items of the shipped protocol', () => {
    expect(items.length).toBeGreaterThan(100);
  });

  it('gives every item of the shipped protocol what zod gives', () => {
    for (const [name, target, value] of items) expect(agrees(target, value), name).toBe(true);
  });

  it('agrees with zod on changed items, valid or not', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(CHANGES.length - 1), (i, j, c) => {
        const [, target, value] = items[i % items.length]!;
        const all = paths(value);
        const path = all[j % all.length]!;
        if (agrees(target, changed(value, path, CHANGES[c]![1]))) valid++;
        else invalid++;
      }),
      settings,
    );
    // Both verdicts are exercised.
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });

  // Condition, Advice and Step have no validator of their own: they are checked inside a flow.
  const inFlow = (step: unknown) => ({ id: 'f', title: 'F', steps: [step] });
  const condition = (when: unknown) => inFlow({ type: 'route', id: 'r', routes: [{ when, next: 'end' }] });
  const advice = (item: unknown) => inFlow({ type: 'yes-no', id: 'a', question: 'Q?', advice: [item] });
  const meta = { id: 'p', title: 'T', region: 'R', version: '1', signed: '2025-10-01', evaluation: '2026-10-01', start: 'f' };
  const source = (url: unknown) => ({ id: 's', kind: 'website', title: 'S', url });

  it.each([
    ['a fact', 'Flow', condition({ step: 'a', is: 'ja' })],
    ['all of any of not', 'Flow', condition({ all: [{ any: [{ step: 'a', min: 1, max: 3 }] }, { not: { step: 'b', answered: false } }] })],
    ['a key of another branch', 'Flow', condition({ all: [], step: 'a' })],
    ['advice of each kind', 'Flow', advice({ info: 'Slachtofferloket', audience: 'slachtoffer', sources: ['s'] })],
    ['advice mixing two kinds', 'Flow', advice({ info: 'x', action: 'y', urgency: 'today', sources: ['s'] })],
    ['a step of an unknown type', 'Flow', inFlow({ type: 'vraag', id: 'a', question: 'Q?' })],
    ['a step without type', 'Flow', inFlow({ id: 'a', question: 'Q?' })],
    ['a yes-no step', 'Flow', inFlow({ type: 'yes-no', id: 'a', question: 'Q?', yes: { next: 'b', call: ['c', 'd'] } })],
    ['a number step with an unsafe integer', 'Flow', inFlow({ type: 'number', id: 'n', question: 'Q?', min: 0, max: 2 ** 60 })],
    ['an order that is a fraction', 'Flow', advice({ action: 'x', urgency: 'today', order: 1.5, sources: ['s'] })],
    ['an inherited key name', 'Partner', JSON.parse('{"id":"a","name":"A","kind":"core","__proto__":{"x":1}}')],
    ['an object without prototype', 'RuleSet', Object.assign(Object.create(null) as object, { id: 'r', title: 'R', sources: ['s'] })],
    ['an inherited unknown key', 'RuleSet', Object.assign(Object.create({ extra: 1 }) as object, { id: 'r', title: 'R', sources: ['s'] })],
    ['a key set to undefined', 'RuleSet', { id: 'r', title: 'R', summary: undefined, sources: ['s'] }],
    ['a text of one astral character', 'RuleSet', { id: 'r', title: '😀', sources: ['s'] }],
    ['checks of the metadata', 'Meta', { ...meta, checks: { 'dead-end': 'off' } }],
    ['an unknown check level', 'Meta', { ...meta, checks: { 'dead-end': 'uit' } }],
    ['checks with a symbol key', 'Meta', { ...meta, checks: { [Symbol('x')]: 'off' } }],
    ['checks that are no plain map', 'Meta', { ...meta, checks: new Map() }],
    ['a date that is not in the calendar', 'Meta', { ...meta, signed: '2025-02-30' }],
    ['an infinite number', 'Flow', condition({ step: 'a', min: Infinity })],
    ['an address with spaces and a tab around and in it', 'Source', source('  https://exa\tmple.nl/a b  ')],
    ['an address without slashes', 'Source', source('http:example.nl')],
    ['an address in capitals', 'Source', source('HTTPS://EXAMPLE.NL')],
    ['a javascript: address', 'Source', source('javascript:alert(1)')],
    ['a mailto: address', 'Source', source('mailto:a@b.nl')],
  ] as [string, Target, unknown][])('agrees with zod on %s', (_name, target, value) => {
    agrees(target, value);
  });

  // Random values built from the model's own keys and typical values: mostly invalid, some valid,
  // and every kind of mistake in between; plus fast-check's "anything" (odd prototypes, odd keys).
  const KEYS = [...new Set(Object.values(model).flatMap((schema) => shapeKeys(schema)))];
  const texts = fc.constantFrom(
    '',
    'a',
    'politie',
    'Geen Id!',
    'end',
    'weet-niet',
    'ja',
    '2025-10-01',
    '2025-02-30',
    'https://example.nl',
    ' http://x.nl ',
    'ftp://x',
    'choice',
    'multi',
    'yes-no',
    'number',
    'route',
    'core',
    'law',
    'today',
    'immediate',
    'off',
    'error',
    '😀',
  );
  const leaf = fc.oneof(texts, fc.integer({ min: -3, max: 200 }), fc.constantFrom(0.5, -0, 2 ** 53, Infinity, NaN), fc.boolean(), fc.constant(null), fc.constant(undefined));
  const { value: near } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
    ),
  }));
  const random = fc.oneof(
    { weight: 4, arbitrary: near },
    { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }) },
  );

  it.each(TARGETS)('agrees with zod on random values for %s', (target) => {
    fc.assert(
      fc.property(random, (value) => {
        agrees(target, value);
      }),
      settings,
    );
  });
});

/** The keys of every object shape inside a schema (to build random values that look like protocol items). */
function shapeKeys(schema: unknown, seen = new Set<unknown>()): string[] {
  if (typeof schema !== 'object' || schema === null || seen.has(schema) || !('_zod' in schema)) return [];
  seen.add(schema);
  const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = [def.innerType, def.element, def.valueType, ...((def.options as unknown[] | undefined) ?? []), ...Object.values((def.shape as object | undefined) ?? {})];
  return [...Object.keys((def.shape as object | undefined) ?? {}), ...inner.flatMap((s) => shapeKeys(s, seen))];
}

// The generator on schema kinds the model does not use today, so a schema change that starts
// using one gets validators that still answer as zod does (or a clear error from the generator).
describe('the validator generator on other schema kinds', () => {
  const isEven = (n: number) => n % 2 === 0;
  const refines = [{ fn: isEven, name: 'isEven', from: './even.js' }];

  /** The generated module for `targets`, compiled and loaded in memory. */
  async function compile(targets: Record<string, z.ZodType>): Promise<Record<string, (value: unknown) => unknown> & { INVALID: symbol }> {
    const { code } = await transform(validatorSource({ targets, refines }), { loader: 'ts', format: 'cjs' });
    const module = { exports: {} as Record<string, unknown> };
    const require = (id: string) => Object.fromEntries(refines.filter((r) => r.from === id).map((r) => [r.name, r.fn]));
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    return module.exports as Record<string, (value: unknown) => unknown> & { INVALID: symbol };
  }

  interface Node {
    v: number;
    kids?: Node[];
  }
  const Tree: z.ZodType<Node> = zod.lazy(() => zod.strictObject({ v: zod.number(), kids: zod.array(Tree).optional() }));
  const Node = zod.object({
    name: zod.string(),
    get children() {
      return zod.array(Node).optional();
    },
  });
  const SCHEMAS: Record<string, z.ZodType> = {
    Defaults: zod.strictObject({
      a: zod.string().default('x'),
      b: zod.array(zod.number()).default([1, 2]),
      c: zod.object({ d: zod.number().optional() }).default({}),
      e: zod.number().optional().default(3),
      f: zod.object({ list: zod.array(zod.string()) }).default({ list: [] }),
    }),
    Strip: zod.object({ a: zod.string(), b: zod.number().nullable().optional(), c: zod.exactOptional(zod.string()) }),
    Records: zod.strictObject({
      byText: zod.record(zod.string(), zod.number()).optional(),
      byNumber: zod.record(zod.number(), zod.string()).optional(),
      partial: zod.partialRecord(zod.enum(['a', 'b']), zod.boolean()).optional(),
    }),
    Texts: zod.strictObject({
      short: zod.string().max(3).optional(),
      two: zod.string().length(2).optional(),
      long: zod.string().min(2).optional(),
      mail: zod.email().optional(),
      web: zod.url().optional(),
      normalized: zod.url({ normalize: true }).optional(),
      global: zod.string().regex(/a/g).optional(),
    }),
    Numbers: zod.strictObject({ small: zod.int32().optional(), range: zod.number().gt(0).lte(10).optional(), even: zod.number().refine(isEven).optional() }),
    Literals: zod.strictObject({ l: zod.literal([1, 'a', null, true]) }),
    Trees: zod.strictObject({ tree: Tree.optional(), node: Node.optional() }),
  };
  let validators: Awaited<ReturnType<typeof compile>>;

  function agreesWith(name: string, value: unknown): boolean {
    const fast = validators[`parse${name}`]!(value);
    const slow = SCHEMAS[name]!.safeParse(value);
    expect(fast !== validators.INVALID, show(value)).toBe(slow.success);
    if (slow.success) expect(fast, show(value)).toStrictEqual(slow.data);
    return slow.success;
  }

  it('compiles', async () => {
    validators = await compile(SCHEMAS);
    expect(Object.keys(validators)).toEqual(expect.arrayContaining(Object.keys(SCHEMAS).map((n) => `parse${n}`)));
  });

  it.each([
    ['Defaults', {}],
    ['Defaults', { a: undefined, b: [3], c: { d: 1, x: 2 }, e: undefined }],
    ['Defaults', { a: 1 }],
    ['Strip', { a: 'x', b: null, extra: 1 }],
    ['Strip', { a: 'x', c: undefined }],
    ['Records', { byText: { x: 1, 2: 3 }, byNumber: { 1: 'a', 2.5: 'b' }, partial: { a: true } }],
    ['Records', { byNumber: { x: 'a' } }],
    ['Records', { partial: { c: true } }],
    ['Texts', { short: '😀😀😀', two: '😀😀', long: '😀' }],
    ['Texts', { short: 'abcd' }],
    ['Texts', { mail: 'a@b.nl', web: '  mailto:x\t ', normalized: 'HTTP://EXAMPLE.nl/a/../b', global: 'xa' }],
    ['Texts', { mail: 'geen mail', web: 'geen adres' }],
    ['Numbers', { small: 2 ** 31, range: 0 }],
    ['Numbers', { small: -5, range: 10, even: 4 }],
    ['Numbers', { even: 3 }],
    ['Literals', { l: null }],
    ['Literals', { l: 'b' }],
    ['Trees', { tree: { v: 1, kids: [{ v: 2 }, { v: 3, kids: [] }] }, node: { name: 'a', children: [{ name: 'b', x: 1 }] } }],
    ['Trees', { tree: { v: 1, kids: [{ v: '2' }] } }],
  ] as [string, unknown][])('agrees with zod: %s %j', (name, value) => {
    agreesWith(name, value);
  });

  it('gives a default as zod does: a fresh shallow copy each time', () => {
    const [a, b] = [validators.parseDefaults!({}), validators.parseDefaults!({})] as { b: number[]; f: { list: string[] } }[];
    const [za, zb] = [SCHEMAS.Defaults!.parse({}), SCHEMAS.Defaults!.parse({})] as { b: number[]; f: { list: string[] } }[];
    expect([a!.b === b!.b, a!.f === b!.f, a!.f.list === b!.f.list]).toEqual([za!.b === zb!.b, za!.f === zb!.f, za!.f.list === zb!.f.list]);
  });

  it('agrees with zod on random values', () => {
    const keys = fc.constantFrom(
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'x',
      'l',
      'v',
      'kids',
      'tree',
      'node',
      'name',
      'children',
      'byText',
      'byNumber',
      'partial',
      'short',
      'two',
      'long',
      'mail',
      'web',
      'small',
      'range',
      'even',
      '1',
      '2.5',
    );
    const leaf = fc.oneof(fc.constantFrom('', 'a', 'ab', 'abcd', '😀', 'a@b.nl', 'https://x.nl', ' http://x.nl ', 'x', 1, 2, 0, -1, 2.5, 2 ** 31, NaN, true, null, undefined));
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(keys, tie('value'), { maxKeys: 5 })),
    }));
    let valid = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SCHEMAS)), value, (name, v) => {
        if (agreesWith(name, v)) valid++;
      }),
      { ...settings, numRuns: RUNS * 3 },
    );
    expect(valid).toBeGreaterThan(0);
  });

  it.each([
    ['a default inside an optional', zod.string().default('x').optional(), /optional around a default/],
    ['a check it does not know', zod.number().multipleOf(2), /check multiple_of/],
    ['a refine it has no import for', zod.string().refine((s) => s.length > 0), /refine whose function is not in REFINES/],
    ['a transform', zod.string().transform((s) => s.length), /pipe/],
  ] as [string, z.ZodType, RegExp][])('refuses %s, saying what to extend', (_name, schema, message) => {
    expect(() => validatorSource({ targets: { X: schema }, refines })).toThrow(message);
  });
});
