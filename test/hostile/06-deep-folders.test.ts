// Finding 06 (medium): the folder walk called realpath on every entry, and realpath of a path N
// levels deep costs N lookups, so a chain of nested folders cost O(N³): 1000 levels took 10 s, per
// chain. Now only links are resolved (the real path of a folder is kept on the way down), and
// folders deeper than 32 levels are reported and not read.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { readProtocolDir } from '../../src/loader/index.js';
import { MAX_FOLDER_DEPTH } from '../../src/loader/limits.js';
import { hostileDir, type HostileDir } from './hostile-dir.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const realpathSync = Object.assign(vi.fn(real.realpathSync), { native: vi.fn(real.realpathSync.native) });
  return { ...real, default: { ...real, realpathSync }, realpathSync };
});

let made: HostileDir | undefined;
afterEach(() => made?.cleanup());

/** `depth` nested folders `d/d/d/…` in the protocol folder, a YAML file at the bottom. */
function chain(h: HostileDir, depth: number): string {
  const path = join(h.dir, ...Array.from({ length: depth }, () => 'd'));
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'diep.yaml'), 'sources: []\n');
  return path;
}

describe('finding 06: deep folders', () => {
  it('reads folders down to the limit without resolving a single real path below the root', () => {
    made = hostileDir();
    chain(made, MAX_FOLDER_DEPTH);
    const native = vi.mocked(fs.realpathSync.native);
    native.mockClear();
    const read = readProtocolDir(made.dir, made.root);
    expect(read.diagnostics).toEqual([]);
    expect(read.files.map((f) => f.rel)).toContain(`${'d/'.repeat(MAX_FOLDER_DEPTH)}diep.yaml`);
    // Once, for the protocol folder itself.
    expect(native).toHaveBeenCalledTimes(1);
  });

  it('reports a folder deeper than the limit once, and does not read below it', () => {
    made = hostileDir();
    chain(made, 100);
    const read = readProtocolDir(made.dir, made.root);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        code: 'folder-too-deep',
        severity: 'error',
        file: `proto/${'d/'.repeat(MAX_FOLDER_DEPTH)}d`,
        message: expect.stringMatching(/meer dan 32 niveaus diep/),
      }),
    ]);
    expect(read.files.some((f) => f.rel?.endsWith('diep.yaml'))).toBe(false);
  });

  it('still resolves links: a link to a folder inside is read once, a link outside is refused', () => {
    made = hostileDir();
    mkdirSync(join(made.dir, 'echt'));
    writeFileSync(join(made.dir, 'echt', 'x.yaml'), 'sources: []\n');
    symlinkSync(join(made.dir, 'echt'), join(made.dir, 'link'));
    symlinkSync('/etc', join(made.dir, 'buiten'));
    const read = readProtocolDir(made.dir, made.root);
    expect(read.files.filter((f) => f.rel?.endsWith('x.yaml'))).toHaveLength(1);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['symlink-outside']);
  });
});
