// The package as a school or a regional coordinator gets it: `npm pack`, then the tarball installed
// into an empty project without development packages, then the commands run through npx. Two
// installs: one with install scripts as npm runs them (better-sqlite3 compiles its native part,
// minutes), one with --ignore-scripts (the register must then say how to fix it).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FIX } from '../../src/register/store.js';
import { ensureBuilt, ROOT } from '../helpers/built-cli.js';
import { HAS_TMUX, SKIPPED, Tmux } from '../helpers/tmux.js';

const INSTALL_TIMEOUT = 15 * 60_000;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
const work = mkdtempSync(join(tmpdir(), 'convenant-tarball-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
delete env.CONVENANT_PROTOCOLS;
delete env.NODE_OPTIONS;
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], timeout: INSTALL_TIMEOUT });
const npx = (cwd: string, ...args: string[]) => spawnSync('npx', ['convenant', ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });

let tarball = '';
let packed: string[] = [];
beforeAll(() => {
  ensureBuilt();
  const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);
}, 120_000);

/** An empty project with the tarball as its only dependency, installed by `install`. */
function project(name: string, install: (dir: string) => void): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, dependencies: { [pkg.name]: `file:${tarball}` } }, null, 2)}\n`);
  install(dir);
  return dir;
}

describe('the tarball', () => {
  it('holds the built program, the protocol and the schemas, and no sources or tests', () => {
    for (const file of [
      'package.json',
      'README.md',
      'bin/convenant.cjs',
      'dist/convenant.cjs',
      'dist/emergency.json',
      'schema/protocol.schema.json',
      'protocols/weert-nederweert/protocol.yaml',
    ]) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((f) => /^(src|test|bench|scripts|node_modules)\//.test(f))).toEqual([]);
  });
});

describe('installed with npm ci --omit=dev, install scripts as npm runs them', () => {
  let dir = '';
  beforeAll(() => {
    dir = project('school', (d) => {
      npm(['install', '--package-lock-only', '--omit=dev', '--prefer-offline'], d);
      npm(['ci', '--omit=dev', '--prefer-offline'], d);
    });
  }, INSTALL_TIMEOUT);

  it('brings only the run-time dependencies, not the bundled packages', () => {
    const top = readdirSync(join(dir, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(top).toEqual(expect.arrayContaining([pkg.name, ...Object.keys(pkg.dependencies)]));
    for (const bundled of ['zod', 'yaml', 'commander', '@inquirer', '@viz-js', 'chalk', 'esbuild']) expect(top, bundled).not.toContain(bundled);
  });

  it('npx convenant --version prints the version', () => {
    const r = npx(dir, '--version');
    expect([r.status, r.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  it('npx convenant validate checks the shipped protocol without errors', () => {
    const r = npx(dir, 'validate', '--fail-on', 'error');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\b0 fouten\b/);
  });

  it('npx convenant graph --format svg draws the diagram', () => {
    const r = npx(dir, 'graph', '--format', 'svg');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s\S]*<\/svg>\s*$/);
  });

  it('npx convenant export html writes the offline page', () => {
    const r = npx(dir, 'export', 'html', '--output', 'pagina.html');
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(join(dir, 'pagina.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).toContain('<script');
  });

  it('the register works: its native module was built during the install', () => {
    writeFileSync(join(dir, 'register.sqlite'), '');
    const r = npx(dir, 'register', 'list', '--register', 'register.sqlite');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  describe.skipIf(!HAS_TMUX)(`npx convenant incident in a terminal${SKIPPED}`, () => {
    const tmux = new Tmux();
    beforeAll(() => tmux.open());
    afterAll(() => tmux.close());

    it('reaches the first question, and Ctrl-C ends it with exit 130', async () => {
      tmux.start('npx convenant incident', { cwd: dir, env: { NO_COLOR: '1' } });
      const screen = await tmux.waitFor('the first question', (t) => t.includes('Vraag 1 ·') && /\n\? /.test(t.slice(t.indexOf('Vraag 1 ·'))));
      expect(screen).toContain('Is er nu iemand in gevaar');
      tmux.keys('C-c');
      expect(await tmux.waitFor('the exit code', (t) => /EXIT:\d+/.test(t))).toContain('EXIT:130');
      tmux.kill();
    });
  });
});

describe('installed with --ignore-scripts (the native module is not built)', () => {
  let dir = '';
  beforeAll(() => {
    dir = project('zonder-scripts', (d) => npm(['install', '--omit=dev', '--prefer-offline', '--ignore-scripts'], d));
  }, INSTALL_TIMEOUT);

  it('validate still works', () => {
    const r = npx(dir, 'validate', '--fail-on', 'error');
    expect(r.status, r.stderr).toBe(0);
  });

  it('a register command says in one line how to build the module', () => {
    expect(existsSync(join(dir, 'node_modules', 'better-sqlite3', 'build'))).toBe(false);
    writeFileSync(join(dir, 'register.sqlite'), '');
    const r = npx(dir, 'register', 'list', '--register', 'register.sqlite');
    expect([r.status, r.stderr]).toEqual([2, `convenant: ${SQLITE_FIX}\n`]);
  });
});
