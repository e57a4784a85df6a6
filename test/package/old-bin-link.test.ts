// Until 7 December the command was bin/convenant.js. Links made then keep pointing there: npx keeps one
// per project folder in its cache (~/.npm/_npx) and does not renew it when the package's bin changes.
// Such a link must still start the command, not leave the shell with "convenant: not found".
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/built-cli.js';

let dir = '';
beforeAll(() => ensureBuilt());
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A `.bin/convenant` link to bin/convenant.js, run by its name through the shell, as npx does. */
function runOldLink(...args: string[]) {
  dir = mkdtempSync(join(tmpdir(), 'convenant-old-link-'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  symlinkSync(join(ROOT, 'bin', 'convenant.js'), join(bin, 'convenant'));
  return spawnSync('sh', ['-c', `convenant ${args.join(' ')}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir, CONVENANT_CACHE_DIR: join(dir, 'cache') },
  });
}

describe.skipIf(process.platform === 'win32')('a link to the old bin/convenant.js', () => {
  it('prints the version', () => {
    const r = runOldLink('--version');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('validates the shipped protocol like bin/convenant.cjs does', () => {
    const r = runOldLink('validate', '--format', 'json');
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'convenant.cjs'), 'validate', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, CONVENANT_CACHE_DIR: join(dir, 'cache') },
    });
    expect(r.status).toBe(direct.status);
    expect(r.stdout).toBe(direct.stdout);
  });
});
