// `convenant test` in-process: runs scenario files, reports failures with expected vs actual,
// prints coverage and ends with the plain line `N passed, N failed`.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioFiles } from '../../src/loader/index.js';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OK = 'test/fixtures/scenario-run/ok';
const test = (...args: string[]) => runCli(['test', ...args], { cwd: ROOT });
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);

describe('convenant test', () => {
  it('passes on the shipped protocol and ends with "N passed, 0 failed"', async () => {
    const total = parseScenarioFiles(shipped().scenarioFiles).scenarios.length;
    const { code, stdout } = await test();
    expect(code).toBe(0);
    expect(lastLine(stdout)).toBe(`${total} passed, 0 failed`);
    expect(stdout).toMatch(/^Dekking: \d+ van \d+ vragen en \d+ van \d+ adviezen worden door een scenario bereikt\.$/m);
  });

  it('reports each failure at its file:line with expected and actual, and exits 1', async () => {
    const { code, stdout } = await test(OK);
    expect(code).toBe(1);
    expect(stdout).toContain('  ✓ Gevaar: bel 112\n');
    expect(stdout).toContain('  ✗ Geen gevaar, maar de verwachting is fout (test/fixtures/scenario-run/ok/scenarios/basis.yaml:8:5)\n');
    expect(stdout).toContain(
      [
        '      test/fixtures/scenario-run/ok/scenarios/basis.yaml:11:28  partner "politie" heeft een andere urgentie',
        '        verwacht: immediate',
        '        kreeg:    today',
        '      test/fixtures/scenario-run/ok/scenarios/basis.yaml:12:13  tekst "registreer" staat niet in het advies',
        '        verwacht: registreer',
      ].join('\n'),
    );
    expect(lastLine(stdout)).toBe('1 passed, 1 failed');
  });

  it('--coverage names the questions and advice no scenario reaches, with file:line', async () => {
    const { stdout } = await test(OK, '--coverage');
    expect(stdout).toContain('Dekking: 2 van 2 vragen en 3 van 4 adviezen worden door een scenario bereikt.');
    expect(stdout).toMatch(
      /Adviezen die geen scenario oplevert:\n {2}test\/fixtures\/scenario-run\/ok\/protocol\.yaml:30:22 {2}info "Registreer het incident\." in stap "soort"\n/,
    );
  });

  it('--filter runs only the matching scenarios', async () => {
    const { code, stdout } = await test(OK, '--filter', 'GEVAAR: bel');
    expect(code).toBe(0);
    expect(lastLine(stdout)).toBe('1 passed, 0 failed');
    const none = await test(OK, '--filter', 'bestaat niet');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('geen scenario past bij --filter "bestaat niet"');
  });

  it('--format json and junit are machine-readable', async () => {
    const json = JSON.parse((await test(OK, '--format', 'json')).stdout);
    expect([json.passed, json.failed]).toEqual([1, 1]);
    expect(json.scenarios[1].failures[0]).toMatchObject({ line: 11, expected: 'immediate', actual: 'today' });
    const junit = (await test(OK, '--format', 'junit')).stdout;
    expect(junit).toMatch(/<testsuites name="convenant test" tests="2" failures="1" errors="0">/);
    expect(junit).toContain('<testcase classname="test/fixtures/scenario-run/ok/scenarios/basis.yaml" name="Gevaar: bel 112"/>');
  });

  it('exits 2 on a scenario file with mistakes, and runs nothing', async () => {
    const { code, stdout, stderr } = await test('test/fixtures/scenario-run/bad');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('test/fixtures/scenario-run/bad/scenarios/kapot.yaml\n');
    expect(stderr).toMatch(/\n {2}5:5 +fout +onbekende sleutel "expekt" {2}unknown-key\n/);
    expect(stderr).toContain('een of meer scenariobestanden zijn ongeldig');
  });

  it('a bad scenario file does not stop the others: they run and are reported, the exit code is 2', async () => {
    const { code, stdout, stderr } = await test('test/fixtures/scenario-run/mixed');
    expect(code).toBe(2);
    expect(stderr).toContain('test/fixtures/scenario-run/mixed/scenarios/kapot.yaml\n');
    expect(stderr).toMatch(/unknown-key/);
    expect(stderr).toContain('de andere wel');
    expect(stdout).toContain('Gevaar: bel 112');
  });

  // A CI that reads the report (GitLab's junit artifact, a JSON check) must see the files that did not
  // run, not a green report of the others.
  it('the JUnit and JSON reports list a scenario file with errors as not run (an error, not a pass)', async () => {
    const junit = await test('test/fixtures/scenario-run/mixed', '--format', 'junit');
    expect(junit.code).toBe(2);
    expect(junit.stdout).toMatch(/<testsuites name="convenant test" tests="\d+" failures="\d+" errors="1">/);
    expect(junit.stdout).toContain('<testsuite name="test/fixtures/scenario-run/mixed/scenarios/kapot.yaml" tests="1" failures="0" errors="1">');
    expect(junit.stdout).toMatch(/<error message="scenariobestand met fouten, niet gedraaid: onbekende sleutel/);
    const json = await test('test/fixtures/scenario-run/mixed', '--format', 'json');
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as { passed: number; skipped: { file: string; problems: { line: number; message: string }[] }[] };
    expect(report.passed).toBeGreaterThan(0);
    expect(report.skipped).toEqual([
      { file: 'test/fixtures/scenario-run/mixed/scenarios/kapot.yaml', problems: [expect.objectContaining({ message: expect.stringMatching(/onbekende sleutel/) })] },
    ]);
  });

  it('with nothing runnable, the JSON report still says which files did not run', async () => {
    const { code, stdout, stderr } = await test('test/fixtures/scenario-run/bad', '--format', 'json');
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as { passed: number; failed: number; skipped: { file: string }[] };
    expect([report.passed, report.failed]).toEqual([0, 0]);
    expect(report.skipped.map((f) => f.file)).toEqual(['test/fixtures/scenario-run/bad/scenarios/kapot.yaml']);
    expect(stderr).toContain('er is niets gedraaid');
  });

  it('an empty scenario file is a located mistake, not "no scenario matches the filter"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convenant-empty-scenarios-'));
    try {
      cpSync(MINI_DIR, join(dir, 'p'), { recursive: true });
      mkdirSync(join(dir, 'p', 'scenarios'));
      writeFileSync(join(dir, 'p', 'scenarios', 'leeg.yaml'), 'scenarios: []\n');
      const { code, stdout, stderr } = await runCli(['test', 'p'], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/p\/scenarios\/leeg\.yaml\n +1:12 +fout +dit scenariobestand heeft geen enkel scenario/);
      expect(stderr).toContain('er is niets gedraaid');
      expect(stderr).not.toContain('--filter');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a scenario file that is not UTF-8 is a located mistake in that file, not "no scenario files"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convenant-latin1-scenarios-'));
    try {
      cpSync(MINI_DIR, join(dir, 'p'), { recursive: true });
      mkdirSync(join(dir, 'p', 'scenarios'));
      writeFileSync(join(dir, 'p', 'scenarios', 'latin1.yaml'), Buffer.from('scenarios:\n  - name: "caf\xe9"\n', 'latin1'));
      const { code, stdout, stderr } = await runCli(['test', 'p'], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/p\/scenarios\/latin1\.yaml\n +2:15 +fout +het bestand is geen geldige UTF-8-tekst/);
      expect(stderr).toContain('er is niets gedraaid');
      expect(stderr).not.toContain('geen scenariobestanden gevonden');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an id the protocol does not have is a mistake in the scenario file, at the id, with "Bedoel je"', async () => {
    // Before, the misspelt absent partner passed (an unknown partner is never advised) and the
    // misspelt rule set failed as "niet van toepassing".
    const { code, stdout, stderr } = await test('test/fixtures/scenario-run/typos');
    expect(code).toBe(2);
    expect(stderr).toContain('test/fixtures/scenario-run/typos/scenarios/typos.yaml\n');
    expect(stderr).toMatch(/\n {2}6:16 +fout +partner "veilig-thuiss" bestaat niet in het protocol {2}dangling-ref\n +→ Bedoel je "veilig-thuis"\?\n/);
    expect(stderr).toMatch(/\n {2}10:15 +fout +regelset "meldcod" bestaat niet in het protocol {2}dangling-ref\n +→ Bedoel je "meldcode"\?\n/);
    expect(stderr).toContain('een of meer scenariobestanden zijn ongeldig en niet gedraaid');
    // Neither scenario counts as passed; the other file still runs.
    expect(stdout).not.toContain('tikfout');
    expect(lastLine(stdout)).toBe('1 passed, 0 failed');
  });

  it('exits 2 without scenario files, or when the protocol itself has errors', async () => {
    const none = await test('test/fixtures/scenario-run/none');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('geen scenariobestanden gevonden');
    const broken = await test('test/fixtures/scenario-run/invalid');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/flow "nergens" bestaat niet {2}dangling-ref/);
    expect(broken.stderr).toContain("het protocol bevat fouten; de scenario's kunnen niet draaien");
  });
});
