// `convenant init`: a new region's repository that validates and tests green as it is, with schema
// headers that resolve from node_modules, CI files that run validate and test, and a review list.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../src/loader/index.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'convenant-init-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const init = (...args: string[]) => runCli(['init', ...args], { cwd });

describe('convenant init', () => {
  it('makes a protocol that validates without errors and whose scenarios pass', async () => {
    const { code, stdout } = await init('roermond', '--region', 'Roermond en omstreken', '--convenant', '^0.1.0');
    expect(code).toBe(0);
    expect(stdout).toContain('Protocol "roermond" aangemaakt');
    const dir = join(cwd, 'roermond', 'protocols', 'roermond');
    const validate = await runCli(['validate', dir, '--fail-on', 'error'], { cwd });
    expect(validate.stdout).toMatch(/0 fouten/);
    expect(validate.code).toBe(0);
    const test = await runCli(['test', dir], { cwd });
    expect(test.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(test.code).toBe(0);
  });

  it('sets the new id, region and a first version, and leaves every contact person empty', async () => {
    await init('roermond', '--region', 'Roermond');
    const loaded = loadProtocol(join(cwd, 'roermond', 'protocols', 'roermond'));
    const meta = loaded.protocol!.meta;
    expect([meta.id, meta.region, meta.version]).toEqual(['roermond', 'Roermond', '0.1']);
    for (const p of loaded.protocol!.partners) expect([p.person?.name ?? null, p.person?.phone ?? null, p.person?.email ?? null]).toEqual([null, null, null]);
  });

  it('writes schema headers that resolve once convenant is installed in node_modules', async () => {
    await init('roermond');
    const repo = join(cwd, 'roermond');
    mkdirSync(join(repo, 'node_modules'));
    symlinkSync(ROOT, join(repo, 'node_modules', 'convenant'));
    for (const rel of ['protocols/roermond/protocol.yaml', 'protocols/roermond/flows/incident.yaml', 'protocols/roermond/scenarios/meldcode.yaml']) {
      const file = join(repo, rel);
      const header = /\$schema=(\S+)/.exec(readFileSync(file, 'utf8'))![1]!;
      expect(header).toContain('node_modules/convenant/schema/');
      expect(existsSync(resolve(dirname(file), header)), `${rel} → ${header}`).toBe(true);
    }
  });

  it('writes package.json and CI files for GitHub Actions and GitLab CI', async () => {
    await init('roermond', '--convenant', 'git+https://example.org/convenant.git');
    const repo = join(cwd, 'roermond');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toEqual({ convenant: 'git+https://example.org/convenant.git' });
    expect(pkg.scripts.test).toBe('convenant test protocols/roermond');
    const github = readFileSync(join(repo, '.github/workflows/protocol.yml'), 'utf8');
    expect(github).toContain('npx convenant validate protocols/roermond --format github');
    expect(github).toContain('npx convenant test protocols/roermond');
    const gitlab = readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8');
    expect(gitlab).toContain('--format junit --output validate.xml');
    expect(gitlab).toContain('junit: [validate.xml, scenarios.xml]');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toContain('advies-*.md');
  });

  it('lists what to review: the covenant sources and texts that name the original region', async () => {
    await init('roermond');
    const text = readFileSync(join(cwd, 'roermond', 'README.md'), 'utf8');
    expect(text).toMatch(/- \[ \] `protocols\/roermond\/sources\.yaml`: \d+ bronnen uit het convenant/);
    expect(text).toContain('vaste contactpersonen');
  });

  it('defaults to this installation in package.json and says so', async () => {
    const { stdout } = await init('roermond');
    const pkg = JSON.parse(readFileSync(join(cwd, 'roermond', 'package.json'), 'utf8'));
    expect(pkg.devDependencies.convenant).toBe(`file:${ROOT.replace(/\/$/, '')}`);
    expect(stdout).toContain('--convenant');
  });

  it('never writes into a folder that has files, and refuses an id that is not one', async () => {
    mkdirSync(join(cwd, 'bezet'));
    writeFileSync(join(cwd, 'bezet', 'van-mij.txt'), 'x');
    const taken = await init('bezet');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('bestaat al en is niet leeg');
    expect(readFileSync(join(cwd, 'bezet', 'van-mij.txt'), 'utf8')).toBe('x');
    const bad = await init('Mijn Regio');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('geen geldige id');
  });
});
