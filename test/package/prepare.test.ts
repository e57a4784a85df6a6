// `prepare` (run by npm install and npm ci) builds dist/. Installed without the development
// packages (--omit=dev) there is no esbuild: with a built dist/ that is one line and success, so
// the install goes on; without one it fails with one line instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/built-cli.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** scripts/ and package.json in a folder outside the project, where esbuild cannot be found. */
function withoutEsbuild(built: boolean): string {
  dir = mkdtempSync(join(tmpdir(), 'convenant-prepare-'));
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  if (built) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'convenant.cjs'), 'export const built = true;\n');
  }
  return dir;
}

const build = (...args: string[]) => spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

describe('the prepare script', () => {
  it('is the build with --prepare', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.prepare).toBe('node scripts/build.mjs --prepare');
  });

  it('without esbuild keeps the dist/ that is there: one line, exit 0', () => {
    withoutEsbuild(true);
    const r = build('--prepare');
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toBe('convenant: esbuild is niet geïnstalleerd (installatie zonder ontwikkelpakketten); de meegeleverde dist/ wordt gebruikt.\n');
    expect(readFileSync(join(dir, 'dist', 'convenant.cjs'), 'utf8')).toBe('export const built = true;\n');
  });

  it('without esbuild and without dist/ fails in one line that says how to fix it', () => {
    withoutEsbuild(false);
    const r = build('--prepare');
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe('convenant: kan dist/ niet bouwen: esbuild is niet geïnstalleerd; draai "npm install" zonder --omit=dev.\n');
  });

  it('a plain build (npm run build) without esbuild fails: it never passes off an old dist/ as new', () => {
    withoutEsbuild(true);
    const r = build();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('esbuild');
  });
});
