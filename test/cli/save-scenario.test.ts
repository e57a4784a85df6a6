// `incident --save-scenario`: a walk becomes a scenario file that `convenant test` runs and passes.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-save-scenario-'));
  writeFileSync(join(dir, 'antwoorden.yaml'), 'gevaar: ja\nsoort: ruzie\nleeftijd: 14\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const incident = (...args: string[]) =>
  runCli(['incident', '--protocols', MINI_DIR, '--answers', 'antwoorden.yaml', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1768469400' } });

describe('convenant incident --save-scenario', () => {
  it('writes the answers and the advice as expectations, and still shows the advice', async () => {
    const { code, stdout, stderr } = await incident('--save-scenario', 'nieuw.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('Bel 112');
    expect(stderr).toMatch(/Scenario bewaard in .*nieuw\.yaml/);
    const file = parse(readFileSync(join(dir, 'nieuw.yaml'), 'utf8'));
    expect(file.scenarios).toHaveLength(1);
    const [scenario] = file.scenarios;
    expect(scenario.name).toBe('Opgeslagen wandeling 2026-01-15: Ja, Ruzie of geweld, 14 jaar');
    expect(scenario.answers).toEqual({ gevaar: 'ja', soort: 'ruzie', leeftijd: 14 });
    expect(scenario.expect).toEqual({ partners: { politie: 'immediate' }, rules: ['meldcode'], first: 'Bel 112.' });
  });

  it('gives a file that convenant test runs and passes', async () => {
    const copy = join(dir, 'protocol');
    cpSync(MINI_DIR, copy, { recursive: true });
    mkdirSync(join(copy, 'scenarios'));
    await incident('--save-scenario', join(copy, 'scenarios', 'nieuw.yaml'));
    const { code, stdout } = await runCli(['test', copy], { cwd: dir });
    expect(stdout).toContain('1 passed, 0 failed');
    expect(code).toBe(0);
  });

  // The editor checks the file against the schema its header names: the same schemas the protocol's own
  // files name (a clone's schema/, or node_modules/convenant/schema/ in a repository made with init).
  it.each([
    ['a clone of convenant', '../../schema/'],
    ['a repository made with convenant init', '../../node_modules/convenant/schema/'],
  ])('names the scenario schema next to the protocol schema its files name (%s)', async (_where, header) => {
    const copy = join(dir, 'protocols', 'regio');
    cpSync(MINI_DIR, copy, { recursive: true });
    // Only protocol.yaml names a schema here (the fixture's own headers point into this repository).
    for (const name of readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.yaml'))) {
      const file = join(copy, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^# yaml-language-server: .*\n/m, ''));
    }
    const protocolFile = join(copy, 'protocol.yaml');
    writeFileSync(protocolFile, `# yaml-language-server: $schema=${header}protocol.schema.json\n${readFileSync(protocolFile, 'utf8')}`);
    mkdirSync(join(copy, 'scenarios'));
    const { code } = await runCli(['incident', '--protocols', copy, '--answers', 'antwoorden.yaml', '--save-scenario', join(copy, 'scenarios', 'nieuw.yaml')], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const first = readFileSync(join(copy, 'scenarios', 'nieuw.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe(`# yaml-language-server: $schema=../${header}scenario.schema.json`);
  });

  it('never overwrites an existing file without --force', async () => {
    writeFileSync(join(dir, 'nieuw.yaml'), 'van mij\n');
    const { code, stderr } = await incident('--save-scenario', 'nieuw.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('bestaat al');
    expect(readFileSync(join(dir, 'nieuw.yaml'), 'utf8')).toBe('van mij\n');
  });
});
