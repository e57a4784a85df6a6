// A table runner for analysis rules (after spectral's testRule and ESLint's RuleTester): each case is
// a small flows file on top of a base protocol; valid cases must give no finding of the rule's code,
// invalid cases exactly the listed ones, at the listed line and column.
import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { codeInfo } from '../../src/diagnostics/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { BASE, load } from './protocol.js';

/** The date the analysis is run with, unless a case says otherwise. */
export const TODAY = '2026-04-01';

export interface RuleCase {
  name: string;
  /** The second file, flows.yaml (or anything else), on top of `base`. */
  yaml: string;
  base?: string;
  today?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  /** Defaults to flows.yaml. */
  file?: string;
  message?: RegExp;
  hint?: RegExp;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;

/** The findings of one code for a case; the case itself must load without loader errors. */
export function findingsOf(code: string, c: RuleCase): Diagnostic[] {
  const loaded = load(c.yaml, c.base ?? BASE);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(show), 'the snippet must load cleanly').toEqual([]);
  return validateLoaded(loaded, { today: c.today ?? TODAY }).filter((d) => d.code === code);
}

export function testRule(code: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const severity = codeInfo(code)?.severity;
  describe(code, () => {
    it('is a registered code', () => expect(severity).toBeDefined());
    it.each(cases.valid.map((c) => [c.name, c] as const))('accepts: %s', (_name, c) => {
      expect(findingsOf(code, c).map(show)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('reports: %s', (_name, c) => {
      const got = findingsOf(code, c);
      expect(
        got.map((d) => `${d.file}:${d.line}:${d.column}`),
        got.map(show).join('\n'),
      ).toEqual(c.findings.map((e) => `${e.file ?? 'flows.yaml'}:${e.line}:${e.column}`));
      c.findings.forEach((e, i) => {
        if (e.message) expect(got[i]!.message).toMatch(e.message);
        if (e.hint) expect(got[i]!.hint).toMatch(e.hint);
        expect(got[i]!.severity).toBe(severity);
        expect(got[i]!.hint, 'every finding says how to fix it').toBeTruthy();
      });
    });
  });
}
