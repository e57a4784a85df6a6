// Finding 02 (high): a write to --output that does not take every byte (a full disk, a file size
// limit) must never leave a cut file reported as saved. The real case: the built CLI in a child
// shell with a file size limit (`ulimit -f`), where the kernel answers a write with fewer bytes
// and then EFBIG; the same as a disk filling up half-way. Then the write loop on its own, with
// writes that take part of the buffer or nothing at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeOutputFile } from '../../src/cli/write-output.js';
import { BIN, ensureBuilt } from '../helpers/built-cli.js';
import { MINI_DIR } from '../helpers/mini.js';

const hooks = vi.hoisted(() => ({ maxBytes: undefined as number | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  // Like a kernel under pressure: each write takes at most `maxBytes` bytes.
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
    const max = hooks.maxBytes;
    if (max === undefined || typeof buffer === 'string') return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length);
    const start = offset ?? 0;
    const size = Math.min(length ?? buffer.length - start, max);
    return size === 0 ? 0 : fs.writeSync(fd, buffer, start, size);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-short-'));
});
afterEach(() => {
  hooks.maxBytes = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('--output under a file size limit (a real short write)', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  /** Runs the built CLI in bash with `ulimit -f 1` (1 KiB), SIGXFSZ ignored as a full disk would be. */
  const limited = (args: string[]) => {
    const script = `trap '' XFSZ; ulimit -f 1; exec "$0" "$@"`;
    const result = spawnSync('bash', ['-c', script, process.execPath, BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it.each([
    ['graph --format dot', ['graph', '--protocols', MINI_DIR, '--format', 'dot']],
    ['graph (mermaid)', ['graph', '--protocols', MINI_DIR]],
  ])('%s: exit 2, a clear message, and nothing left behind', (_name, args) => {
    const { code, stderr } = limited([...args, '--output', 'uit.txt']);
    expect(stderr).toContain('kan uit.txt niet schrijven: het bestand wordt groter dan hier is toegestaan (EFBIG); er is niets opgeslagen');
    expect(stderr).not.toMatch(/staat in/);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with --force, the old file stays as it was', () => {
    writeFileSync(join(dir, 'uit.txt'), 'eerder');
    const { code } = limited(['graph', '--protocols', MINI_DIR, '--format', 'dot', '--output', 'uit.txt', '--force']);
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'uit.txt'), 'utf8')).toBe('eerder');
    expect(readdirSync(dir)).toEqual(['uit.txt']);
  });

  it('the same output without the limit is written whole (the limit is what fails)', () => {
    const result = spawnSync(process.execPath, [BIN, 'graph', '--protocols', MINI_DIR, '--format', 'dot', '--output', 'uit.txt'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'uit.txt'), 'utf8').length).toBeGreaterThan(1024);
  });
});

describe('the write loop', () => {
  const CONTENT = `# Advies ✓\n${'Regel met advies, één voor één.\n'.repeat(500)}`;

  it('writes every byte when each write takes only part of them', () => {
    hooks.maxBytes = 777;
    writeOutputFile('advies.md', CONTENT, { cwd: dir });
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe(CONTENT);
    expect(readdirSync(dir)).toEqual(['advies.md']);
  });

  it('a write that takes nothing is a failure, not a shorter file', () => {
    hooks.maxBytes = 0;
    expect(() => writeOutputFile('advies.md', CONTENT, { cwd: dir })).toThrow(/kan advies\.md niet schrijven: niet alles kon worden weggeschreven/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
