// The registry of diagnostic codes cannot drift from the code that reports them: `Diagnostic.code`
// is a union of the registered codes, so an unregistered code does not compile (checked below and
// by `npm run typecheck`), and every analysis rule has its entry.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/analysis/index.js';
import { REVIEW_MONTHS } from '../../src/analysis/contacts.js';
import { CODES, codeInfo, isAnalysisCode, isDiagnosticCode, type Diagnostic, type DiagnosticCode } from '../../src/diagnostics/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('diagnostic codes', () => {
  it('are unique, kebab-case and described in one line', () => {
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    for (const c of CODES) {
      expect(c.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.description).toMatch(/^[A-Z].*\.$/);
      expect(c.description).not.toContain('\n');
    }
  });

  it('each analysis rule lives in a file named after its code', () => {
    const files = readdirSync(`${SRC}analysis/rules`).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'ranges.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.code).sort());
  });

  it('lists the analysis codes in the order the rules run, after the loader codes', () => {
    const stages = CODES.map((c) => c.stage);
    expect(stages.indexOf('analyse')).toBe(stages.lastIndexOf('schema') + 1);
    expect(CODES.filter((c) => c.stage === 'analyse').map((c) => c.code)).toEqual(RULES.map((r) => r.code));
  });

  it('describes contact-person-stale with the review period the rule uses', () => {
    expect(codeInfo('contact-person-stale')?.description).toContain(`langer dan ${REVIEW_MONTHS} maanden`);
  });

  it('tells a code from other text', () => {
    expect(isDiagnosticCode('dangling-ref')).toBe(true);
    expect(isDiagnosticCode('dangling-refs')).toBe(false);
    expect(isAnalysisCode('cycle')).toBe(true);
    expect(isAnalysisCode('dangling-ref')).toBe(false);
    expect(codeInfo('toString')).toBeUndefined();
  });

  it('is the only set of codes a diagnostic can have (a compile error otherwise)', () => {
    const known: DiagnosticCode = 'unknown-key';
    // @ts-expect-error an unregistered code is not a DiagnosticCode
    const unknown: DiagnosticCode = 'no-such-code';
    const d: Pick<Diagnostic, 'code'> = { code: known };
    expect([d.code, isDiagnosticCode(unknown)]).toEqual(['unknown-key', false]);
  });
});
