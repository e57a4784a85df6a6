// Fuzzing with fast-check: whatever text or structure a protocol, scenario or answers file holds,
// the loader never throws and every diagnostic points inside the file; whatever loads is walked to
// its end with advice that keeps the JSON contract; whatever the answers, the engine never throws
// and every walk ends. `npm test` runs a few hundred cases per property with a
// fixed seed; `npm run fuzz` runs 10,000 (FUZZ_RUNS, FUZZ_SEED to change them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateLoaded } from '../../src/analysis/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { adviceOf, answer, next, optionsOf, replay, start, type WalkState } from '../../src/engine/index.js';
import { hashFiles, loadProtocol, loadProtocolFiles, parseScenarioFiles, parseYamlData, type ProtocolSourceFile } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';
import { renderAdviceJson } from '../../src/render/advice-json.js';
import { expectAdviceContract } from '../helpers/advice-contract.js';
import { MINI_DIR } from '../helpers/mini.js';
import { folderArb, randomAnswer } from '../helpers/random-folder.js';
import { buildProtocol, shapeArb } from '../helpers/random-protocol.js';
import { shipped } from '../helpers/shipped.js';
import { TODAY } from '../helpers/test-rule.js';
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
  '\u0000',
  '\u001b',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\ufeff',
  'é',
  '😀',
);
const yamlishText = fc.oneof(fc.string({ unit: yamlChar, maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

/** Keys a protocol has, keys it must not have, and nonsense. */
const KEYS = [
  'protocol',
  'sources',
  'partners',
  'rules',
  'flows',
  'checklist',
  'scenarios',
  'id',
  'title',
  'kind',
  'name',
  'type',
  'question',
  'options',
  'value',
  'label',
  'next',
  'call',
  'advice',
  'partner',
  'urgency',
  'task',
  'action',
  'rule',
  'conclusion',
  'info',
  'when',
  'all',
  'any',
  'not',
  'step',
  'is',
  'min',
  'max',
  'answered',
  'yes',
  'no',
  'unknown',
  'ranges',
  'routes',
  'otherwise',
  'steps',
  'start',
  'items',
  'answers',
  'expect',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
];
const SCALARS = ['end', 'ja', 'nee', 'weet-niet', 'choice', 'multi', 'yes-no', 'number', 'route', 'today', 'immediate', 's1', 'politie', 'incident', 'gevaar', 'covenant', 'core'];
const scalar = fc.oneof(fc.constantFrom(...SCALARS), fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 120 }), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
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
        if (loaded.ok) walkToEnd(loaded.protocol!, 0, [BASE, { name: 'fuzz.yaml', text }]);
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

  // The shipped folder is too big to load hundreds of times; the mini folder is complete, so most
  // of its edits still load, and those are walked.
  it('an arbitrary edit of a small complete folder never throws; whatever still loads is walked to its end', () => {
    const folder = loadProtocol(MINI_DIR).files;
    const flows = folder.findIndex((f) => f.name.endsWith('flows/melding.yaml'));
    let walked = 0;
    fc.assert(
      fc.property(fc.nat(folder[flows]!.text.length), fc.nat(20), yamlChar, fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), (at, length, char, how, seed) => {
        const file = folder[flows]!;
        const text =
          how === 'insert' ? file.text.slice(0, at) + char + file.text.slice(at) : file.text.slice(0, at) + (how === 'replace' ? char : '') + file.text.slice(at + length);
        const files = folder.map((f, i) => (i === flows ? { ...f, text } : f));
        const loaded = loadProtocolFiles(files);
        for (const d of loaded.diagnostics) expectInBounds(d, files.find((f) => f.name === d.file)!.text);
        if (loaded.ok) {
          walked++;
          walkToEnd(loaded.protocol!, seed, files);
        }
      }),
      settings,
    );
    expect(walked, 'edits that still load').toBeGreaterThan(RUNS / 10);
  });

  it('random folders with random parts deleted, replaced or copied: whatever still loads is walked to its end', () => {
    let walked = 0;
    fc.assert(
      fc.property(folderArb, fc.array(mutationArb, { minLength: 1, maxLength: 2 }), fc.nat(), (folder, mutations, seed) => {
        const files = folder.map((f) => ({ ...f, text: stringify(mutate(parse(f.text), mutations)) }));
        const loaded = loadProtocolFiles(files);
        for (const d of loaded.diagnostics) expectInBounds(d, files.find((f) => f.name === d.file)!.text);
        if (loaded.ok) {
          walked++;
          walkToEnd(loaded.protocol!, seed, files);
        }
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 2) },
    );
    expect(walked, 'mutated folders that still load').toBeGreaterThan(RUNS / 10);
  });
});

/**
 * A change to a YAML tree: an optional key dropped, a value swapped for the value of the same key
 * elsewhere (a `when`, `next` or `call` moved to another step), or any value replaced by a random one.
 */
interface Mutation {
  op: 'drop' | 'swap' | 'replace';
  /** Which slot (an index into the candidates, modulo their number). */
  node: number;
  from: number;
  value: unknown;
}
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op']>('drop', 'drop', 'drop', 'swap', 'swap', 'swap', 'swap', 'replace'),
  node: fc.nat(),
  from: fc.nat(),
  value: fc.oneof({ arbitrary: fc.constantFrom('f0', 'f1', 'f0-s0', 'f0-s1', 'f1-s0', 'o0', 'm0', 'ja', 'end', 'today', 3), weight: 3 }, scalar, tree),
});
/** Keys the schema lets a protocol leave out. */
const OPTIONAL = new Set([
  'next',
  'call',
  'advice',
  'when',
  'unknown',
  'preset',
  'yes',
  'no',
  'otherwise',
  'help',
  'before',
  'start',
  'exclusive',
  'ranges',
  'min',
  'max',
  'is',
  'answered',
  'context',
  'key',
  'reason',
  'order',
  'audience',
  'unit',
  'label',
]);

/** The tree with each mutation applied. */
function mutate(data: unknown, mutations: readonly Mutation[]): unknown {
  for (const m of mutations) {
    // Every (parent, key) pair in the tree, in document order.
    const slots: [Record<string | number, unknown>, string | number][] = [];
    const visit = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(k) : k]);
        visit(v);
      }
    };
    visit(data);
    const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
    if (m.op === 'drop') {
      const slot = pick(
        slots.filter(([, k]) => OPTIONAL.has(String(k))),
        m.node,
      );
      if (slot) delete slot[0][slot[1]];
    } else if (m.op === 'swap') {
      const slot = pick(
        slots.filter(([, k]) => typeof k === 'string'),
        m.node,
      );
      const other =
        slot &&
        pick(
          slots.filter(([p, k]) => k === slot[1] && p !== slot[0]),
          m.from,
        );
      if (slot && other) slot[0][slot[1]] = structuredClone(other[0][other[1]]);
    } else {
      const slot = pick(slots, m.node);
      if (slot) slot[0][slot[1]] = m.value;
    }
  }
  return data;
}

// ---------------------------------------------------------------- answers

/** Answers the current question from `pick` (a valid answer); returns the state after. */
function answerValid(state: WalkState, pick: number): WalkState {
  if (next(state).kind !== 'question') return state;
  const r = answer(state, randomAnswer(state, pick));
  expect(r.ok, r.ok ? '' : r.message).toBe(true);
  return r.ok ? r.state : state;
}

/**
 * Walks with valid answers until the protocol says it is done; fails if that takes more answers
 * than the protocol has questions (each is asked once). With the folder's files, the advice must
 * keep the JSON contract too. A mutated folder can hold a question no answer fits (a number question
 * with min above max and without "weet ik niet"): the walk stops there, and loading must refuse
 * that question with an error.
 */
function walkToEnd(protocol: Protocol, seed: number, files?: readonly ProtocolSourceFile[]): WalkState {
  let state = start(protocol);
  const questions = protocol.flows.reduce((n, f) => n + f.steps.filter((s) => s.type !== 'route').length, 0);
  for (let i = 0; next(state).kind !== 'done'; i++) {
    expect(i, 'the walk does not end').toBeLessThan(questions);
    const pick = seed * 7919 + i * 104729;
    const q = next(state);
    if (q.kind === 'question' && randomAnswer(state, pick) === undefined) {
      expect(files, `no answer fits question "${q.step.id}"`).toBeDefined();
      const errors = validateLoaded(loadProtocolFiles(files!), { today: TODAY }).filter((d) => d.severity === 'error' && d.code === 'invalid-value');
      expect(
        errors.map((d) => d.message).filter((m) => m.includes(`"${q.step.id}"`)),
        `no answer fits question "${q.step.id}", and validate does not report it`,
      ).not.toEqual([]);
      break;
    }
    state = answerValid(state, pick);
  }
  const advice = adviceOf(state);
  if (files) expectAdviceContract(renderAdviceJson({ advice, protocol, sha256: hashFiles(files), generated: new Date(0) }));
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
      fc.property(
        fc.oneof(
          yamlishText,
          answersFor(protocol).map((a) => stringify(a)),
        ),
        (text) => {
          const parsed = parseYamlData('a.yaml', text);
          for (const d of parsed.diagnostics) expectInBounds(d, text);
          const data = parsed.data;
          if (parsed.readable && data !== null && typeof data === 'object' && !Array.isArray(data)) {
            const { state, problems } = replay(protocol, data as Record<string, unknown>);
            expect(adviceOf(state).fault).toBeUndefined();
            if (next(state).kind !== 'done') expect(problems.length).toBeGreaterThan(0);
          }
        },
      ),
      settings,
    );
  });
});
