// The register's database module (better-sqlite3) has a compiled part that npm builds at install
// time. When it is missing (npm skipped the install script: npm 11 asks to approve it, or
// --ignore-scripts) or cannot be loaded (built for another Node version), a register command says so
// in one line with the commands that fix it, instead of the loader's list of every path it tried.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FIX } from '../../src/register/store.js';
import { ensureBuilt, ROOT } from '../helpers/built-cli.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 120_000);

/** The built program as installed, with better-sqlite3 and its loader but its compiled part given by `build`. */
function installed(build: 'missing' | 'broken' | 'real'): string {
  dir = mkdtempSync(join(tmpdir(), 'convenant-sqlite-'));
  const app = join(dir, 'node_modules', 'convenant');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(app, part), { recursive: true });
  for (const pkg of ['bindings', 'file-uri-to-path']) cpSync(join(ROOT, 'node_modules', pkg), join(dir, 'node_modules', pkg), { recursive: true });
  const sqlite = join(dir, 'node_modules', 'better-sqlite3');
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), sqlite, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'node_modules', 'better-sqlite3', 'build')) });
  if (build === 'broken') {
    mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
    writeFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'not a compiled module');
  }
  if (build === 'real') cpSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(sqlite, 'build', 'Release', 'better_sqlite3.node'));
  writeFileSync(join(dir, 'register.sqlite'), '');
  return join(app, 'bin', 'convenant.cjs');
}

const run = (bin: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });

describe('a register command without a working database module', () => {
  it.each(['missing', 'broken'] as const)('(compiled part %s) says in one line how to fix it, exit 2', (build) => {
    const r = run(installed(build), 'register', 'list', '--register', 'register.sqlite');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`convenant: ${SQLITE_FIX}\n`);
    expect(SQLITE_FIX).toContain('npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3');
  });

  it('with the compiled part the same command works (the copy above is a real installation)', () => {
    const r = run(installed('real'), 'register', 'list', '--register', 'register.sqlite');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('other commands do not need it', () => {
    const r = run(installed('missing'), 'validate', join(ROOT, 'protocols', 'weert-nederweert'), '--fail-on', 'error');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});
