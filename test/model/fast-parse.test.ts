// The fast path must answer exactly as zod: the same verdict on every input, and on valid input the
// same data with the keys in the same order. Checked on every item of the shipped protocol and on
// many broken variants of them (a key removed, added or given a value of another kind).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { parseYamlData } from '../../src/loader/parse-yaml.js';
import { parseValid } from '../../src/model/fast-parse.js';
import { Advice, ChecklistSection, Condition, Flow, Meta, Partner, RuleSet, ScenarioFile, Source, Step } from '../../src/model/index.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const settings = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) };

const SECTIONS: Record<string, z.ZodType> = { protocol: Meta, sources: Source, partners: Partner, rules: RuleSet, flows: Flow, checklist: ChecklistSection };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** Every item of the shipped protocol with its schema; scenario files as a whole. */
const items: [string, z.ZodType, unknown][] = yamlFiles(SHIPPED_DIR).flatMap((file) => {
  const data = parseYamlData(file, readFileSync(file, 'utf8')).data as Record<string, unknown>;
  if (file.includes('/scenarios/')) return [[file, ScenarioFile, data]];
  return Object.entries(data).flatMap(([key, value]): [string, z.ZodType, unknown][] =>
    key === 'protocol' ? [[`${file} protocol`, Meta, value]] : (value as unknown[]).map((item, i) => [`${file} ${key}[${i}]`, SECTIONS[key]!, item]),
  );
});

/** JSON text keeps the key order: equal text is equal data in the same order. */
function agrees(schema: z.ZodType, value: unknown): boolean {
  const fast = parseValid(schema, value);
  const slow = schema.safeParse(value);
  expect(fast !== undefined, JSON.stringify(value)).toBe(slow.success);
  if (fast) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
  return slow.success;
}

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

describe('fast parse', () => {
  it('reads items of the shipped protocol', () => {
    expect(items.length).toBeGreaterThan(100);
  });

  it('gives every item of the shipped protocol what zod gives', () => {
    for (const [name, schema, value] of items) expect(agrees(schema, value), name).toBe(true);
  });

  it('agrees with zod on changed items, valid or not', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(CHANGES.length - 1), (i, j, c) => {
        const [, schema, value] = items[i % items.length]!;
        const all = paths(value);
        const path = all[j % all.length]!;
        if (agrees(schema, changed(value, path, CHANGES[c]![1]))) valid++;
        else invalid++;
      }),
      settings,
    );
    // Both verdicts are exercised.
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });

  it.each([
    ['a fact', Condition, { step: 'a', is: 'ja' }],
    ['all of any of not', Condition, { all: [{ any: [{ step: 'a', min: 1, max: 3 }] }, { not: { step: 'b', answered: false } }] }],
    ['a key of another branch', Condition, { all: [], step: 'a' }],
    ['advice of each kind', Advice, { info: 'Slachtofferloket', audience: 'slachtoffer', sources: ['s'] }],
    ['advice mixing two kinds', Advice, { info: 'x', action: 'y', urgency: 'today', sources: ['s'] }],
    ['a step of an unknown type', Step, { type: 'vraag', id: 'a', question: 'Q?' }],
    ['a step without type', Step, { id: 'a', question: 'Q?' }],
    ['a yes-no step', Step, { type: 'yes-no', id: 'a', question: 'Q?', yes: { next: 'b', call: ['c', 'd'] } }],
    ['an inherited key name', Partner, JSON.parse('{"id":"a","name":"A","kind":"core","__proto__":{"x":1}}')],
    ['checks of the metadata', Meta, { id: 'p', title: 'T', region: 'R', version: '1', signed: '2025-10-01', evaluation: '2026-10-01', start: 'f', checks: { 'dead-end': 'off' } }],
    ['an unknown check level', Meta, { id: 'p', title: 'T', region: 'R', version: '1', signed: '2025-10-01', evaluation: '2026-10-01', start: 'f', checks: { 'dead-end': 'uit' } }],
    ['an infinite number', Condition, { step: 'a', min: Infinity }],
  ])('agrees with zod on %s', (_name, schema, value) => {
    agrees(schema as z.ZodType, value);
  });
});
