// bin/convenant.cjs without the built program (a checkout before `npm run build`): one Dutch line
// saying what is wrong and how to fix it, exit 2, never Node's ERR_MODULE_NOT_FOUND and its stack.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/built-cli.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of bin/ and package.json in a fresh folder; `dist` is written into it when given. */
function copy(dist?: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'convenant-bin-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  if (dist) {
    mkdirSync(join(dir, 'dist'));
    for (const [name, text] of Object.entries(dist)) writeFileSync(join(dir, 'dist', name), text);
  }
  return join(dir, 'bin', 'convenant.cjs');
}

const run = (bin: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

describe('bin/convenant.cjs', () => {
  it.each([['--version'], ['validate']])('without dist/ says in one line to build it (convenant %s)', (arg) => {
    const r = run(copy(), arg);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('convenant: het programma is nog niet gebouwd (de map dist/ ontbreekt); draai in de map van convenant "npm install" of "npm run build".\n');
  });

  it('with a built program runs it and passes the arguments and the exit code on', () => {
    const r = run(copy({ 'convenant.cjs': 'exports.run = async (argv) => { console.log(argv.join(",")); return 5; };\n' }), 'a', 'b');
    expect([r.status, r.stdout, r.stderr]).toEqual([5, 'a,b\n', '']);
  });

  it('answers a bare --version from package.json without loading the program', () => {
    const r = run(copy({ 'convenant.cjs': 'throw new Error("loaded");\n' }), '--version');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
    expect(run(join(dir, 'bin', 'convenant.cjs'), '--version', '--help').stderr).toContain('Error: loaded');
  });

  it('a module missing inside the built program is not reported as an unbuilt program', () => {
    const r = run(copy({ 'convenant.cjs': "require('./weg.cjs');\nexports.run = async () => 0;\n" }), 'validate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('MODULE_NOT_FOUND');
    expect(r.stderr).not.toContain('nog niet gebouwd');
  });
});
