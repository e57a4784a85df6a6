// The five output formats of `convenant validate`, on a fixed set of findings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { FORMATTERS, INCOMPLETE_NOTE, type FormatContext } from '../../src/render/diagnostics/index.js';
import { createTheme } from '../../src/cli/color-theme.js';
import { PLAIN } from '../../src/render/theme.js';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS with a default export; the SARIF 2.1.0 schema is draft-04.
const Ajv = (require('ajv-draft-04') as { default: typeof import('ajv-draft-04').default }).default;

const FINDINGS: Diagnostic[] = [
  {
    code: 'dead-end',
    severity: 'error',
    file: 'protocols/x/flows/a b.yaml',
    line: 12,
    column: 7,
    endLine: 12,
    endColumn: 20,
    message: 'antwoord "Nee" van stap "a" leidt nergens heen: er is geen "next:"',
    hint: 'Geef dit antwoord een "next:", of geef de stap zelf een "next:".',
  },
  {
    code: 'condition-overlap',
    severity: 'warning',
    file: 'protocols/x/flows/a b.yaml',
    line: 40,
    column: 15,
    message: 'route 2 en route 1 gelden allebei als n = 15 t/m 17, 100% zeker',
    hint: 'Regel één\nregel twee',
  },
  { code: 'analysis-limit', severity: 'info', file: 'protocols/x/protocol.yaml', line: 1, column: 1, message: 'tekst met \u001b[31mescape' },
];

const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({
  theme: PLAIN,
  files: ['protocols/x/flows/a b.yaml', 'protocols/x/protocol.yaml', 'protocols/x/sources.yaml'],
  toolVersion: '1.2.3',
  failOn: 'error',
  ...over,
});

describe('stylish', () => {
  it('groups per file with line:col, severity, message, code and the hint under it', () => {
    expect(FORMATTERS.stylish(FINDINGS, ctx())).toMatchInlineSnapshot(`
      "protocols/x/flows/a b.yaml
        12:7   fout          antwoord "Nee" van stap "a" leidt nergens heen: er is geen "next:"  dead-end
                             → Geef dit antwoord een "next:", of geef de stap zelf een "next:".
        40:15  waarschuwing  route 2 en route 1 gelden allebei als n = 15 t/m 17, 100% zeker  condition-overlap
                             → Regel één
                               regel twee

      protocols/x/protocol.yaml
        1:1  info  tekst met \\u{1b}[31mescape  analysis-limit

      ✖ 3 problemen (1 fout, 1 waarschuwing, 1 info)
      "
    `);
  });

  it('says so when there is nothing to report', () => {
    expect(FORMATTERS.stylish([], ctx())).toBe('✔ Geen problemen gevonden in 3 bestanden.\n');
  });

  it('colours only with a colour theme, and never passes escapes from the protocol through', () => {
    const coloured = FORMATTERS.stylish(FINDINGS, ctx({ theme: createTheme(1) }));
    expect(coloured).toContain('\u001b[31mfout');
    expect(coloured).not.toContain('\u001b[31mescape');
    expect(FORMATTERS.stylish(FINDINGS, ctx())).not.toContain('\u001b');
  });
});

describe('json', () => {
  it('is one document with a summary and every finding', () => {
    const doc = JSON.parse(FORMATTERS.json(FINDINGS, ctx()));
    expect(doc.summary).toEqual({ files: 3, errors: 1, warnings: 1, info: 1 });
    expect(doc.diagnostics).toHaveLength(3);
    expect(doc.diagnostics[0]).toMatchObject({ code: 'dead-end', file: 'protocols/x/flows/a b.yaml', line: 12, column: 7, endLine: 12, endColumn: 20 });
    expect(doc.diagnostics[2].message).toBe('tekst met \\u{1b}[31mescape');
  });
});

describe('github', () => {
  const out = FORMATTERS.github(FINDINGS, ctx());
  const lines = out.trimEnd().split('\n');

  it('writes one workflow command per finding, in the documented form', () => {
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::\S.*$/);
    }
    expect(lines[0]).toBe(
      '::error file=protocols/x/flows/a b.yaml,line=12,col=7,endLine=12,endColumn=20,title=dead-end::antwoord "Nee" van stap "a" leidt nergens heen: er is geen "next:"%0AGeef dit antwoord een "next:", of geef de stap zelf een "next:".',
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(lines[1]).toContain('::route 2 en route 1 gelden allebei als n = 15 t/m 17, 100%25 zeker%0ARegel één%0Aregel twee');
    expect(lines[2]!.startsWith('::notice file=protocols/x/protocol.yaml,line=1,col=1,title=analysis-limit::')).toBe(true);
    const odd = FORMATTERS.github([{ ...FINDINGS[0]!, file: 'a,b:c.yaml' }], ctx());
    expect(odd).toContain('file=a%2Cb%3Ac.yaml,');
  });
});

/** Checks a SARIF log against the OASIS SARIF 2.1.0 JSON schema (test/fixtures/sarif/), with the schema errors as the failure message. */
function expectValidSarif(log: unknown) {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

describe('sarif', () => {
  const log = JSON.parse(FORMATTERS.sarif(FINDINGS, ctx()));

  it('is valid SARIF 2.1.0 (checked against the OASIS JSON schema)', () => {
    expectValidSarif(log);
  });

  it('describes every code as a rule and points each result at its file and region', () => {
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CODES.map((c) => c.code));
    expect(run.results).toHaveLength(3);
    const first = run.results[0];
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('dead-end');
    expect(first.level).toBe('error');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'protocols/x/flows/a%20b.yaml' },
      region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 20 },
    });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
  });
});

describe('junit', () => {
  it('has a suite per checked file and a test case per finding; findings below --fail-on pass', () => {
    const xml = FORMATTERS.junit(FINDINGS, ctx());
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="convenant validate" tests="4" failures="1" errors="0">
        <testsuite name="protocols/x/flows/a b.yaml" tests="2" failures="1" errors="0">
          <testcase classname="protocols/x/flows/a b.yaml" name="12:7 dead-end">
            <failure type="dead-end" message="antwoord &quot;Nee&quot; van stap &quot;a&quot; leidt nergens heen: er is geen &quot;next:&quot;">protocols/x/flows/a b.yaml:12:7 fout antwoord &quot;Nee&quot; van stap &quot;a&quot; leidt nergens heen: er is geen &quot;next:&quot;
      Geef dit antwoord een &quot;next:&quot;, of geef de stap zelf een &quot;next:&quot;.</failure>
          </testcase>
          <testcase classname="protocols/x/flows/a b.yaml" name="40:15 condition-overlap">
            <system-out>protocols/x/flows/a b.yaml:40:15 waarschuwing route 2 en route 1 gelden allebei als n = 15 t/m 17, 100% zeker
      Regel één
      regel twee</system-out>
          </testcase>
        </testsuite>
        <testsuite name="protocols/x/protocol.yaml" tests="1" failures="0" errors="0">
          <testcase classname="protocols/x/protocol.yaml" name="1:1 analysis-limit">
            <system-out>protocols/x/protocol.yaml:1:1 info tekst met \\u{1b}[31mescape</system-out>
          </testcase>
        </testsuite>
        <testsuite name="protocols/x/sources.yaml" tests="1" failures="0" errors="0">
          <testcase classname="protocols/x/sources.yaml" name="geen problemen"/>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('fails warnings too with --fail-on warning', () => {
    const xml = FORMATTERS.junit(FINDINGS, ctx({ failOn: 'warning' }));
    expect(xml).toMatch(/<testsuites name="convenant validate" tests="4" failures="2" errors="0">/);
  });
});

describe('when the loader reported errors, every format says that some checks were skipped', () => {
  const skipped = ctx({ complete: false });

  it('stylish: one Dutch line after the summary; nothing when the analysis was complete', () => {
    const lines = FORMATTERS.stylish(FINDINGS, skipped).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual(['✖ 3 problemen (1 fout, 1 waarschuwing, 1 info)', INCOMPLETE_NOTE]);
    expect(INCOMPLETE_NOTE).toMatch(/^Sommige controles .* draaien pas als de fouten hierboven zijn opgelost\.$/);
    expect(FORMATTERS.stylish(FINDINGS, ctx({ complete: true }))).not.toContain('Sommige controles');
    expect(FORMATTERS.stylish(FINDINGS, ctx())).not.toContain('Sommige controles');
  });

  it('json: "complete" is false with the note, and true without one otherwise', () => {
    const doc = JSON.parse(FORMATTERS.json(FINDINGS, skipped));
    expect(doc).toMatchObject({ version: 1, complete: false, note: INCOMPLETE_NOTE });
    expect(doc.diagnostics).toHaveLength(3);
    const full = JSON.parse(FORMATTERS.json(FINDINGS, ctx()));
    expect(full.complete).toBe(true);
    expect(full).not.toHaveProperty('note');
  });

  it('github: a ::notice:: line after the annotations', () => {
    const lines = FORMATTERS.github(FINDINGS, skipped).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`::notice::${INCOMPLETE_NOTE}`);
    expect(FORMATTERS.github(FINDINGS, ctx())).not.toContain('Sommige controles');
  });

  it('sarif: a tool execution notification on the run, still valid SARIF 2.1.0', () => {
    const log = JSON.parse(FORMATTERS.sarif(FINDINGS, skipped));
    expectValidSarif(log);
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ descriptor: { id: 'analysis-incomplete' }, level: 'note', message: { text: INCOMPLETE_NOTE } }],
      },
    ]);
    expect(log.runs[0].results).toHaveLength(3);
    expect(JSON.parse(FORMATTERS.sarif(FINDINGS, ctx())).runs[0]).not.toHaveProperty('invocations');
  });

  it('junit: one skipped test case for the checks that did not run', () => {
    const xml = FORMATTERS.junit(FINDINGS, skipped);
    expect(xml).toMatch(/<testsuites name="convenant validate" tests="5" failures="1" errors="0">/);
    expect(xml).toContain(
      '  <testsuite name="overige controles" tests="1" failures="0" errors="0" skipped="1">\n' +
        '    <testcase classname="overige controles" name="controles op het hele protocol">\n' +
        `      <skipped message="${INCOMPLETE_NOTE}"/>\n`,
    );
    expect(FORMATTERS.junit(FINDINGS, ctx())).not.toContain('<skipped');
  });
});
