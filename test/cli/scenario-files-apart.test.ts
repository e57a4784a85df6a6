// The scenario folders are the protocol's tests, for coordinators. A broken test file (here one that
// is not UTF-8) is reported by `test` for that file only, and never keeps the advice, the look-up
// commands or `validate` from someone who needs them: those do not read the scenario folders at all.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-scenarios-apart-'));
  cpSync(SHIPPED_DIR, join(dir, 'protocol'), { recursive: true });
  writeFileSync(join(dir, 'protocol', 'scenarios', 'kapot.yaml'), Buffer.from('scenarios:\n  - id: kapot\n    name: "\xff\xfe"\n', 'latin1'));
  // The answers of a shipped scenario (a fight between two pupils), as a user would save them.
  const scenario = readFileSync(join(SHIPPED_DIR, 'scenarios', 'categorieen-1.yaml'), 'utf8');
  const answers = /answers:\n((?: {6}.*\n)+)/.exec(scenario)![1]!.replace(/^ {6}/gm, '');
  writeFileSync(join(dir, 'antwoorden.yaml'), answers);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a broken scenario file', () => {
  it('does not stop the advice: incident --answers gives it, exit 0', async () => {
    const r = await runCli(['incident', '--protocols', 'protocol', '--answers', 'antwoorden.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NU EN VANDAAG[\s\S]*REGELS DIE GELDEN/);
  });

  it.each([['partners'], ['checklist'], ['explain', 'politie']])('does not stop %s', async (...command) => {
    const r = await runCli([...command, '--protocols', 'protocol'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('a link to a scenario file or folder outside scenarios/ is still a scenario: the advice is given', async () => {
    const copy = join(dir, 'gekoppeld');
    cpSync(SHIPPED_DIR, copy, { recursive: true });
    symlinkSync('scenarios/camerabeelden.yaml', join(copy, 'zz.yaml'));
    symlinkSync('scenarios', join(copy, 'zz-map'));
    symlinkSync('scenarios', join(copy, 'aa-map'));
    for (const command of [['incident', '--answers', 'antwoorden.yaml'], ['partners']]) {
      const r = await runCli([...command, '--protocols', 'gekoppeld'], { cwd: dir });
      expect([r.code, r.stderr], command[0]).toEqual([0, '']);
    }
    // validate reads them as the scenarios they are, not as protocol files.
    const checked = await runCli(['validate', 'gekoppeld', '--fail-on', 'error'], { cwd: dir });
    expect(checked.stdout).not.toMatch(/onbekend onderdeel "scenarios"/);
  });

  it('is reported by test at its place, as a file that did not run; the other files still run (exit 2)', async () => {
    // Before, the file stopped the whole run as if the protocol itself had errors.
    const r = await runCli(['test', 'protocol'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/protocol\/scenarios\/kapot\.yaml\n +3:12 +fout +het bestand is geen geldige UTF-8-tekst/);
    expect(r.stderr).toContain('een of meer scenariobestanden zijn ongeldig en niet gedraaid; de andere wel');
    expect(r.stdout).toMatch(/1 scenariobestand met fouten niet gedraaid: protocol\/scenarios\/kapot\.yaml\n[1-9]\d* passed, 0 failed\n$/);
    for (const format of ['json', 'junit']) {
      const report = await runCli(['test', 'protocol', '--format', format], { cwd: dir });
      expect(report.code, format).toBe(2);
      expect(report.stdout, format).toMatch(
        format === 'json' ? /"file": "protocol\/scenarios\/kapot\.yaml",\n\s+"problems"/ : /<testsuite name="protocol\/scenarios\/kapot\.yaml" tests="1" failures="0" errors="1">/,
      );
    }
  });

  it("a broken link or a folder with a .yaml name in scenarios/ is also only that entry's error in test, and no error for validate", async () => {
    const copy = join(dir, 'map-fouten');
    cpSync(SHIPPED_DIR, copy, { recursive: true });
    symlinkSync('/nonexistent/x.yaml', join(copy, 'scenarios', 'weg.yaml'));
    mkdirSync(join(copy, 'scenarios', 'oud.yaml'));
    const r = await runCli(['test', 'map-fouten'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/map-fouten\/scenarios\/oud\.yaml\n +1:1 +fout +dit is een map met een \.yaml-naam/);
    expect(r.stderr).toMatch(/map-fouten\/scenarios\/weg\.yaml\n +1:1 +fout +deze koppeling \(symlink\) wijst naar niets/);
    expect(r.stderr).not.toContain('het protocol bevat fouten');
    expect(r.stdout).toMatch(/[1-9]\d* passed, 0 failed\n$/);
    const checked = await runCli(['validate', 'map-fouten', '--fail-on', 'error'], { cwd: dir });
    expect(checked.code).toBe(0);
    expect(checked.stdout + checked.stderr).not.toMatch(/weg\.yaml|oud\.yaml/);
  });

  it('is not read by validate, as protocols/README.md says: the protocol is checked in full, exit 0', async () => {
    const r = await runCli(['validate', 'protocol'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('kapot.yaml');
    expect(r.stdout).not.toContain('draaien pas als de fouten hierboven zijn opgelost');
  });
});
