// Property tests for output escaping (issue 11, findings 01, 08, 09): whatever file names and texts
// a protocol or scenario holds, no output format writes a raw control or bidi character, a line a
// GitHub Actions runner would execute (`::` after white space at its start, or `##[` anywhere), and
// JUnit stays well-formed XML. `npm test` runs a few hundred cases; `npm run fuzz` runs 10,000.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAdvice } from '../../src/cli/commands/incident-run.js';
import { CODES } from '../../src/diagnostics/index.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/index.js';
import { adviceOf, answer, next, start, type WalkState } from '../../src/engine/index.js';
import type { AnswerValue, Protocol } from '../../src/model/index.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/render/diagnostics/index.js';
import { hasUnsafeCharacters } from '../../src/model/unsafe-characters.js';
import { renderTestJson, renderTestJunit, renderTestText, type TestReport } from '../../src/render/test-report.js';
import { PLAIN } from '../../src/render/theme.js';
import { mini } from '../helpers/mini.js';
import { xmlProblem } from '../helpers/xml-well-formed.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20251101);
const settings = { numRuns: RUNS, seed: SEED };

/** Text built from pieces that attack the output, and arbitrary code points (lone surrogates too). */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom('::', '::add-mask::geheim', '::error file=a,line=1::x', '::stop-commands::t', '##[', '##[error]', '\n', '\r', '\r\n', ' \u00a0\u3000', '\t'),
      fc.constantFrom('\u202e', '\u2066', '\u200f', '\u061c', '\u009b', '\u0085', '\u001b[31m', '\u0007', '\u0000', '\u2028', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'),
      fc.constantFrom('%', '%%{init}%%', '<', '>', '&', '"', "'", ']]>', '`', '#', '|', '{', '}', ':', ','),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const nonEmpty = hostileText.map((t) => (t === '' ? 'x' : t));

/** Lines as the runner reads them, and the ones it would execute. */
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || line.includes('##['));

function expectSafe(output: string, format: string): void {
  expect(hasUnsafeCharacters(output), `${format}: a raw control or bidi character`).toBe(false);
  const lines = commandLines(output).filter((line) => !(format === 'github' && /^::(error|warning|notice)[ :]/.test(line) && !line.includes('##[')));
  expect(lines, `${format}: workflow command lines`).toEqual([]);
  if (format === 'github') for (const line of output.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice)[ :]/);
  if (format === 'junit') expect(xmlProblem(output), 'junit: well-formed XML').toBeUndefined();
  if (format === 'json' || format === 'sarif') expect(() => JSON.parse(output)).not.toThrow();
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const diagnosticArb: fc.Arbitrary<Diagnostic> = fc
  .record({
    code: fc.constantFrom(...CODES.map((c) => c.code)),
    severity: fc.constantFrom(...SEVERITIES),
    file: nonEmpty,
    line: fc.integer({ min: 1, max: 5000 }),
    column: fc.integer({ min: 1, max: 200 }),
    message: nonEmpty,
    hint: fc.option(nonEmpty, { nil: undefined }),
  })
  .map((d) => (d.hint === undefined ? { ...d, hint: undefined } : d) as Diagnostic);

describe('diagnostics formats escape every file name and text', () => {
  it.each(FORMAT_NAMES)('validate --format %s', (format) => {
    fc.assert(
      fc.property(fc.array(diagnosticArb, { minLength: 0, maxLength: 4 }), fc.array(nonEmpty, { maxLength: 3 }), fc.boolean(), (diagnostics, files, complete) => {
        const output = FORMATTERS[format](diagnostics, { theme: PLAIN, files, toolVersion: '0.0.0', failOn: 'warning', complete });
        expectSafe(output, format);
      }),
      settings,
    );
  });
});

const placeArb = fc.record({ file: nonEmpty, line: fc.integer({ min: 1, max: 999 }), column: fc.integer({ min: 1, max: 99 }) });
const reportArb: fc.Arbitrary<TestReport> = fc.record({
  skipped: fc.array(
    fc.record({
      file: nonEmpty,
      problems: fc.array(
        fc.record({ message: hostileText }).chain((m) => placeArb.map((p) => ({ ...p, ...m }))),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    { maxLength: 2 },
  ),
  scenarios: fc.array(
    fc.record({
      name: hostileText,
      file: nonEmpty,
      line: fc.integer({ min: 1, max: 999 }),
      column: fc.integer({ min: 1, max: 99 }),
      passed: fc.boolean(),
      failures: fc.array(
        fc.record({
          file: nonEmpty,
          line: fc.nat(99),
          column: fc.nat(99),
          message: hostileText,
          expected: fc.option(hostileText, { nil: undefined }),
          actual: fc.option(hostileText, { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 3 },
  ),
  coverage: fc.record({
    questions: fc.record({
      total: fc.nat(50),
      missing: fc.array(
        fc.record({ label: hostileText }).chain((l) => placeArb.map((p) => ({ ...p, ...l }))),
        { maxLength: 2 },
      ),
    }),
    advice: fc.record({
      total: fc.nat(50),
      missing: fc.array(
        fc.record({ label: hostileText }).chain((l) => placeArb.map((p) => ({ ...p, ...l }))),
        { maxLength: 2 },
      ),
    }),
  }),
});

describe('test report formats escape every scenario name, file and expected text', () => {
  it.each([
    ['text', (r: TestReport) => renderTestText(r, PLAIN, { coverageDetails: true })],
    ['json', renderTestJson],
    ['junit', renderTestJunit],
  ] as const)('test --format %s', (format, render) => {
    fc.assert(
      fc.property(reportArb, (report) => expectSafe(render(report), format)),
      settings,
    );
  });
});

/** The mini protocol with every text a user reads replaced by hostile text (ids stay valid). */
const TEXT_KEYS = new Set([
  'question',
  'help',
  'task',
  'reason',
  'action',
  'info',
  'conclusion',
  'title',
  'name',
  'label',
  'summary',
  'text',
  'description',
  'region',
  'article',
  'note',
  'hours',
  'phone',
]);
function withTexts(protocol: Protocol, text: (i: number) => string): Protocol {
  let i = 0;
  const visit = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && TEXT_KEYS.has(key) ? text(i++) : value;
    if (Array.isArray(value)) return value.map((v) => visit(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return visit(protocol) as Protocol;
}

/** A walk that answers the first option everywhere (multi: all options), so advice of every kind comes up. */
function walk(protocol: Protocol, pick: number): WalkState {
  let state = start(protocol);
  for (let i = 0; i < 50; i++) {
    const q = next(state);
    if (q.kind === 'done') break;
    const step = q.step;
    const choices: AnswerValue[] =
      step.type === 'yes-no'
        ? ['ja', 'nee']
        : step.type === 'number'
          ? [step.max, step.min]
          : step.type === 'multi'
            ? [step.options.map((o) => o.value)]
            : step.options.map((o) => o.value);
    const result = answer(state, choices[pick % choices.length]!);
    if (!result.ok) break;
    state = result.state;
  }
  return state;
}

describe('advice formats escape every protocol text', () => {
  it.each(['text', 'markdown', 'json'] as const)('incident --format %s', (format) => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 8 }), fc.nat(3), fc.integer({ min: 20, max: 120 }), (texts, pick, width) => {
        const protocol = withTexts(mini(), (i) => texts[i % texts.length]!);
        const advice = adviceOf(walk(protocol, pick));
        const output = renderAdvice({ advice, protocol, sha256: 'sha256:0', generated: new Date(Date.UTC(2026, 0, 15)) }, format, PLAIN, width);
        expectSafe(output, format);
      }),
      settings,
    );
  });
});
