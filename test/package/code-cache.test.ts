// The code cache (bin/code-cache.cjs): a command's second run starts from the code its first run
// compiled, gives the same result, and never reads a cache file that someone else could have put
// there, since it is code that runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .js module without types
import { COMMANDS } from '../../bin/code-cache.cjs';
import { buildProgram } from '../../src/cli/main.js';
import { ensureBuilt, ROOT, runBuilt } from '../helpers/built-cli.js';
import { memoryIo } from '../helpers/run-cli.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

let work = '';
let cache = '';
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => rmSync(work, { recursive: true, force: true }));

function fresh(): void {
  work = mkdtempSync(join(tmpdir(), 'convenant-code-cache-'));
  cache = join(work, 'cache');
}

const validate = (env: Record<string, string> = {}, bin?: string) => {
  const args = ['validate', SHIPPED_DIR, '--today', '2025-12-01'];
  return bin ? runWith(bin, args, env) : runBuilt(args, { cwd: work, env: { CONVENANT_CACHE_DIR: cache, ...env } });
};
const files = () => readdirSync(cache).sort();
const stamp = (name: string) => {
  const s = statSync(join(cache, name));
  return `${s.ino}:${s.mtimeMs}:${s.mode & 0o777}`;
};

describe('the code cache', () => {
  it('is written by the first run of a command (mode 0600, private folder) and used by the next, with the same result', () => {
    fresh();
    const first = validate();
    expect(first.code, first.stderr).toBe(0);
    expect(files()).toEqual([expect.stringMatching(/^validate-[0-9a-f]{8}-\d+-v[\d.]+-\w+\.bin$/)]);
    const [name] = files();
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const before = stamp(name!);
    expect(before.endsWith(':384')).toBe(true); // 0o600
    const second = validate();
    expect([second.code, second.stdout, second.stderr]).toEqual([first.code, first.stdout, first.stderr]);
    // Accepted by V8, so not written again.
    expect(stamp(name!)).toBe(before);
    // Another command gets its own file.
    expect(runBuilt(['partners'], { cwd: work, env: { CONVENANT_CACHE_DIR: cache } }).code).toBe(0);
    expect(files()).toEqual([expect.stringMatching(/^partners-/), name]);
  });

  it('gives the same result as a run without it, and CONVENANT_NO_CODE_CACHE=1 writes nothing', () => {
    fresh();
    mkdirSync(cache, { mode: 0o700 });
    const without = validate({ CONVENANT_NO_CODE_CACHE: '1' });
    expect(files()).toEqual([]);
    validate();
    const withCache = validate();
    expect([withCache.code, withCache.stdout, withCache.stderr]).toEqual([without.code, without.stdout, without.stderr]);
  });

  it('a damaged cache file is not a problem: the run is right and the file is written anew', () => {
    fresh();
    validate();
    const [name] = files();
    writeFileSync(join(cache, name!), Buffer.alloc(4096, 7), { mode: 0o600 });
    const run = validate();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 fouten/);
    expect(readFileSync(join(cache, name!)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('a cache folder that cannot be made (a file is in the way) only means no cache: the run is the same', () => {
    fresh();
    writeFileSync(cache, 'geen map');
    const blocked = validate({ CONVENANT_CACHE_DIR: join(cache, 'sub') });
    expect(blocked.code, blocked.stderr).toBe(0);
    expect(blocked.stderr).toBe('');
    expect(readFileSync(cache, 'utf8')).toBe('geen map');
  });

  it.skipIf(process.platform === 'win32')('a cache file or folder that others can write to is never read, and nothing is written into such a folder', () => {
    fresh();
    validate();
    const [name] = files();
    // Readable by V8, but group-writable: replaced by a file of our own instead of being used.
    chmodSync(join(cache, name!), 0o660);
    validate();
    expect(statSync(join(cache, name!)).mode & 0o777).toBe(0o600);
    // A world-writable folder: not read, not written.
    rmSync(join(cache, name!));
    chmodSync(cache, 0o777);
    validate();
    expect(files()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)('a cache file of another user is never read (needs root to make one; CI runs as root)', () => {
    fresh();
    validate();
    const [name] = files();
    chownSync(join(cache, name!), 65534, 65534);
    validate();
    expect(statSync(join(cache, name!)).uid).toBe(0);
  });

  it('a changed program never runs the code of the one before, even with the same size and time of writing', () => {
    fresh();
    const app = join(work, 'app');
    for (const part of ['bin', 'dist', 'protocols', 'package.json']) cpSync(join(ROOT, part), join(app, part), { recursive: true });
    const bin = join(app, 'bin', 'convenant.cjs');
    const bundle = join(app, 'dist', 'convenant.cjs');
    // As tar -x, cp -p or rsync -a leave it: a fixed time of writing.
    const then = new Date('1985-10-26T09:00:00Z');
    utimesSync(bundle, then, then);
    const partners = () => runWith(bin, ['partners'], {});
    expect(partners().stdout).toContain('Kernpartners');
    expect(files()).toHaveLength(1);
    // A fix of the same length.
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('Kernpartners', 'KERNPARTNERS'));
    utimesSync(bundle, then, then);
    const changed = partners();
    expect(changed.stdout).toContain('KERNPARTNERS');
    expect(changed.stdout).not.toContain('Kernpartners');
    // The old build's file is replaced by the new one's.
    expect(files()).toHaveLength(1);
  });

  it.skipIf(process.platform === 'win32')('a second name for the cache file (a hard link) means it is not used', () => {
    fresh();
    validate();
    const [name] = files();
    const before = stamp(name!);
    linkSync(join(cache, name!), join(work, 'tweede-naam'));
    validate();
    expect(stamp(name!)).not.toBe(before);
  });

  it('a mistyped command leaves no cache file', () => {
    fresh();
    expect(runBuilt(['valideer'], { cwd: work, env: { CONVENANT_CACHE_DIR: cache } }).code).toBe(2);
    expect(existsSync(cache) ? files() : []).toEqual([]);
  });

  it("the commands named in bin/code-cache.cjs are the program's commands", () => {
    const names = buildProgram(memoryIo()).commands.map((c) => c.name());
    expect([...COMMANDS].sort()).toEqual([...names, 'help'].sort());
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)('under sudo (root, with the home of someone else) no folder is made in that home', () => {
    fresh();
    const home = join(work, 'home');
    mkdirSync(home);
    chownSync(home, 65534, 65534);
    const run = validate({ CONVENANT_CACHE_DIR: join(home, '.cache', 'convenant') });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('a home where no folder can be made (/proc) only means no cache, and no hang', () => {
    fresh();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'convenant.cjs'), 'partners'], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: '/proc' },
      timeout: 20_000,
    });
    expect([r.status, r.signal]).toEqual([0, null]);
  });
});

function runWith(bin: string, args: string[], env: Record<string, string>) {
  return runBuilt(args, { cwd: work, env: { CONVENANT_CACHE_DIR: cache, ...env }, bin });
}
