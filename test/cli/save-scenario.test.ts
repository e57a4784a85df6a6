// `incident --save-scenario`: a walk becomes a scenario file that `convenant test` runs and passes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('never overwrites an existing file without --force', async () => {
    writeFileSync(join(dir, 'nieuw.yaml'), 'van mij\n');
    const { code, stderr } = await incident('--save-scenario', 'nieuw.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('bestaat al');
    expect(readFileSync(join(dir, 'nieuw.yaml'), 'utf8')).toBe('van mij\n');
  });
});
