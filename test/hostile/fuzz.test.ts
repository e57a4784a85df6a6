// Fuzzing with fast-check: whatever text or structure a protocol, scenario or answers file holds,
// the loader never throws and every diagnostic points inside the file; whatever the answers, the
// engine never throws and every walk ends. `npm test` runs a few hundred cases per property with a
// fixed seed; `npm run fuzz` runs 10,000 (FUZZ_RUNS, FUZZ_SEED to change them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { adviceOf, answer, next, optionsOf, replay, start, type WalkState } from '../../src/engine/index.js';
import { loadProtocolFiles, parseScenarioFiles, parseYamlData } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';
import { buildProtocol, shapeArb } from '../helpers/random-protocol.js';
import { shipped } from '../helpers/shipped.js';
import { BASE_PROTOCOL } from './hostile-dir.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20251001);
const settings = { numRuns: RUNS, seed: SEED };

/** A diagnostic about `text` points at a line of it, and at a column on that line (or just past it). */
function expectInBounds(d: Diagnostic, text: string): void {
  const lines = text.split('\n');
  const inside = (line: number, column: number) => {
    expect(Number.isInteger(line) && line >= 1 && line <= lines.length, `line ${line} of ${lines.length} (${d.code})`).toBe(true);
    expect(Number.isInteger(column) && column >= 1 && column <= lines[line - 1]!.length + 1, `column ${column} on line ${line} (${d.code})`).toBe(true);
  };
  inside(d.line, d.column);
  if (d.endLine !== undefined) inside(d.endLine, d.endColumn ?? 1);
  expect(typeof d.message).toBe('string');
  expect(d.message.length).toBeGreaterThan(0);
}

// ---------------------------------------------------------------- text and structures

/** Characters that make YAML interesting: indicators, quotes, escapes, whitespace, control and bidi characters. */
const yamlChar = fc.constantFrom(
  ...'-:?,[]{}#&*!|>\'"%@`\\ \t\n\r'.split(''),
  ...'abcxyz019._'.split(''),
  '\u0000', '\u001b', '\u0085', '\u00a0', '\u2028', '\u202e', '\ufeff', 'é', '😀',
);
const yamlishText = fc.oneof(
  fc.string({ unit: yamlChar, maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Keys a protocol has, keys it must not have, and nonsense. */
const KEYS = [
  'protocol', 'sources', 'partners', 'rules', 'flows', 'checklist', 'scenarios', 'id', 'title', 'kind', 'name', 'type',
  'question', 'options', 'value', 'label', 'next', 'call', 'advice', 'partner', 'urgency', 'task', 'action', 'rule',
  'conclusion', 'info', 'when', 'all', 'any', 'not', 'step', 'is', 'min', 'max', 'answered', 'yes', 'no', 'unknown',
  'ranges', 'routes', 'otherwise', 'steps', 'start', 'items', 'answers', 'expect', '__proto__', 'constructor', 'prototype', 'toString',
];
const SCALARS = ['end', 'ja', 'nee', 'weet-niet', 'choice', 'multi', 'yes-no', 'number', 'route', 'today', 'immediate', 's1', 'politie', 'incident', 'gevaar', 'covenant', 'core'];
const scalar = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec<{ tree: unknown }>((t) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(t('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), t('tree'), { maxKeys: 5 }),
  ),
}));
/** A file with the protocol's top-level sections, each holding a random tree. */
const protocolish = fc.dictionary(fc.constantFrom(...KEYS.slice(0, 7)), tree, { maxKeys: 4 });

const BASE = { name: 'protocol.yaml', text: BASE_PROTOCOL };

describe('the loader on arbitrary input', () => {
  it('never throws on arbitrary text, and locates every diagnostic inside the file', () => {
    fc.assert(
      fc.property(yamlishText, (text) => {
        const loaded = loadProtocolFiles([BASE, { name: 'fuzz.yaml', text }]);
        for (const d of loaded.diagnostics) expectInBounds(d, d.file === 'fuzz.yaml' ? text : BASE_PROTOCOL);
        expect(loaded.diagnostics.filter((d) => d.file === 'protocol.yaml' && d.severity === 'error')).toEqual([]);
        for (const d of parseScenarioFiles([{ name: 's.yaml', text }]).diagnostics) expectInBounds(d, text);
        for (const d of parseYamlData('a.yaml', text).diagnostics) expectInBounds(d, text);
      }),
      settings,
    );
  });

  it('never throws on arbitrary YAML structures, and locates every diagnostic inside the file', () => {
    fc.assert(
      fc.property(protocolish, fc.boolean(), (data, flow) => {
        const text = flow ? stringify(data, { collectionStyle: 'flow' }) : stringify(data);
        const loaded = loadProtocolFiles([BASE, { name: 'fuzz.yaml', text }]);
        for (const d of loaded.diagnostics) expectInBounds(d, d.file === 'fuzz.yaml' ? text : BASE_PROTOCOL);
        for (const d of parseScenarioFiles([{ name: 's.yaml', text: stringify({ scenarios: [data] }) }]).diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        // Whatever loads without errors can be walked to the end.
        if (loaded.ok) walkToEnd(loaded.protocol!, 0);
      }),
      settings,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on an arbitrary edit of a real protocol file (a character inserted, deleted or replaced)', () => {
    const file = shipped().files.find((f) => f.name.endsWith('flows/fysiek-geweld.yaml'))!;
    const meta = shipped().files.find((f) => f.name.endsWith('/protocol.yaml'))!;
    fc.assert(
      fc.property(fc.nat(file.text.length), fc.nat(20), yamlChar, fc.constantFrom('insert', 'delete', 'replace'), (at, length, char, how) => {
        const text =
          how === 'insert' ? file.text.slice(0, at) + char + file.text.slice(at) : file.text.slice(0, at) + (how === 'replace' ? char : '') + file.text.slice(at + length);
        const files = [meta, { ...file, text }];
        const loaded = loadProtocolFiles(files);
        for (const d of loaded.diagnostics) expectInBounds(d, files.find((f) => f.name === d.file)!.text);
      }),
      settings,
    );
  });
});

// ---------------------------------------------------------------- answers

/** Answers the current question from `pick` (a valid answer); returns the state after. */
function answerValid(state: WalkState, pick: number): WalkState {
  const q = next(state);
  if (q.kind !== 'question') return state;
  const options = optionsOf(q.step).map((o) => o.value);
  const raw =
    q.step.type === 'number'
      ? q.step.min + (pick % (q.step.max - q.step.min + 1))
      : q.step.type === 'multi'
        ? options.filter((v, i) => v !== 'weet-niet' && ((pick >> i) & 1 || i === 0) && !(i > 0 && q.step.type === 'multi' && q.step.options[i]?.exclusive))
        : options[pick % options.length];
  const r = answer(state, raw);
  expect(r.ok, r.ok ? '' : r.message).toBe(true);
  return r.ok ? r.state : state;
}

/** Walks with valid answers until the protocol says it is done; fails if that takes absurdly long. */
function walkToEnd(protocol: Protocol, seed: number): WalkState {
  let state = start(protocol);
  const limit = 10 * protocol.flows.reduce((n, f) => n + f.steps.length, 0) + 10;
  for (let i = 0; next(state).kind !== 'done'; i++) {
    expect(i).toBeLessThan(limit);
    state = answerValid(state, seed * 7919 + i * 104729);
  }
  adviceOf(state);
  return state;
}

/** Arbitrary answers: valid option values and step ids mixed with anything at all. */
function answersFor(protocol: Protocol) {
  const steps = protocol.flows.flatMap((f) => f.steps);
  const ids = steps.map((s) => s.id);
  const values = [...new Set(steps.flatMap((s) => ('question' in s ? optionsOf(s).map((o) => o.value) : [])))];
  const known = fc.constantFrom(...values, 'weet-niet');
  const value = fc.oneof(known, fc.array(known, { maxLength: 3 }), fc.integer({ min: -10, max: 130 }), fc.anything());
  return fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString')), value, { maxKeys: 25 });
}

describe('the engine on arbitrary answers', () => {
  const protocol = shipped().protocol!;

  it('replays any answers record on the shipped protocol without throwing: it ends or names a problem', () => {
    fc.assert(
      fc.property(answersFor(protocol), (answers) => {
        const { state, problems } = replay(protocol, answers);
        const advice = adviceOf(state);
        if (next(state).kind !== 'done') expect(problems.length).toBeGreaterThan(0);
        expect(advice.fault).toBeUndefined();
      }),
      settings,
    );
  });

  it('mixing valid and arbitrary answers on the shipped protocol: every invalid one is refused, every walk ends', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.anything()), { minLength: 1, maxLength: 60 }), (moves) => {
        let state = start(protocol);
        for (const [valid, pick, junk] of moves) {
          if (next(state).kind === 'done') break;
          if (valid) state = answerValid(state, pick);
          else {
            const r = answer(state, junk);
            if (r.ok) state = r.state;
            else expect(r.message.length).toBeGreaterThan(0);
          }
        }
        walkToEnd(protocol, moves.length);
      }),
      settings,
    );
  });

  it('replays any answers record on random valid protocols without throwing, and every walk ends', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((shape) => {
          const random = buildProtocol(shape);
          return fc.tuple(fc.constant(random), answersFor(random), fc.nat());
        }),
        ([random, answers, seed]) => {
          const { state } = replay(random, answers);
          adviceOf(state);
          expect(adviceOf(walkToEnd(random, seed)).fault).toBeUndefined();
        },
      ),
      settings,
    );
  });

  it('an arbitrary answers file (YAML text) never makes the replay throw', () => {
    fc.assert(
      fc.property(fc.oneof(yamlishText, answersFor(protocol).map((a) => stringify(a))), (text) => {
        const parsed = parseYamlData('a.yaml', text);
        for (const d of parsed.diagnostics) expectInBounds(d, text);
        const data = parsed.data;
        if (parsed.readable && data !== null && typeof data === 'object' && !Array.isArray(data)) {
          adviceOf(replay(protocol, data as Record<string, unknown>).state);
        }
      }),
      settings,
    );
  });
});
