// Finding 08 (low): JUnit output was not well-formed XML when protocol text held U+FFFE, U+FFFF or
// a lone surrogate (only C0/C1/bidi were neutralised), so GitLab dropped the whole report. Every
// character outside the XML 1.0 Char production is now a visible \u{..} code.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { FORMATTERS } from '../../src/render/diagnostics/index.js';
import { renderTestJunit } from '../../src/render/test-report.js';
import { PLAIN } from '../../src/render/theme.js';
import { xmlProblem } from '../helpers/xml-well-formed.js';

const BAD = ['\uFFFE', '\uFFFF', '\uD800', '\uDFFF', 'a\uDC00b', '\u0000', '\u001b[31m', ']]>', '<&>"\''];

const diagnostic = (text: string): Diagnostic => ({
  code: 'invalid-value',
  severity: 'error',
  file: `flows/${text}.yaml`,
  line: 1,
  column: 1,
  message: `waarde ${text}`,
  hint: `hint ${text}`,
});

describe('JUnit stays well-formed XML whatever the protocol text holds', () => {
  it.each(BAD.map((b) => [JSON.stringify(b), b]))('validate --format junit with %s', (_name, bad) => {
    const xml = FORMATTERS.junit([diagnostic(bad)], { theme: PLAIN, files: [`flows/${bad}.yaml`], toolVersion: '0', failOn: 'error' });
    expect(xmlProblem(xml)).toBeUndefined();
  });

  it.each(BAD.map((b) => [JSON.stringify(b), b]))('test --format junit with %s', (_name, bad) => {
    const xml = renderTestJunit({
      skipped: [{ file: `scenarios/${bad}-kapot.yaml`, problems: [{ file: `scenarios/${bad}-kapot.yaml`, line: 1, column: 1, message: bad }] }],
      scenarios: [
        {
          name: `scenario ${bad}`,
          file: `scenarios/${bad}.yaml`,
          line: 1,
          column: 1,
          passed: false,
          failures: [{ file: 'x', line: 2, column: 3, message: bad, expected: bad, actual: bad }],
        },
      ],
      coverage: { questions: { total: 0, missing: [] }, advice: { total: 0, missing: [] } },
    });
    expect(xmlProblem(xml)).toBeUndefined();
  });

  it('the characters are shown as codes, not dropped', () => {
    const xml = FORMATTERS.junit([diagnostic('x\uFFFEy\uD800z')], { theme: PLAIN, files: [], toolVersion: '0', failOn: 'error' });
    expect(xml).toContain('x\\u{fffe}y\\u{d800}z');
  });

  it('the checker itself rejects what the old output had', () => {
    expect(xmlProblem('<a>\uFFFE</a>')).toMatch(/Char/);
    expect(xmlProblem('<a b="<"/>')).toBeDefined();
    expect(xmlProblem('<a><b></a>')).toBeDefined();
  });
});
