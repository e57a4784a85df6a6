// --output: atomic (temporary file + link or rename), never overwrites without --force, mode 0600,
// and no file at all (complete or partial, target or temporary) when writing fails or the user
// aborts. The file system is real; node:fs's writeSync can be made to fail or to race, to act
// out a full disk and another program creating the file at the same moment.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/exit-codes.js';
import { Cancelled } from '../../src/ui/cancelled.js';
import { OUTPUT_MODE, writeOutputFile } from '../../src/cli/write-output.js';
import { runCli } from '../helpers/run-cli.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

const hooks = vi.hoisted(() => ({ onWrite: undefined as undefined | ((fd: number) => void) }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    hooks.onWrite?.(fd);
    return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const CONTENT = `# Advies\n\n${'Regel met advies.\n'.repeat(2000)}`;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-output-'));
});
afterEach(() => {
  hooks.onWrite = undefined;
  rmSync(dir, { recursive: true, force: true });
});
const files = (folder = dir) => readdirSync(folder).sort();
const write = (file: string, options: { force?: boolean; signal?: AbortSignal } = {}) => writeOutputFile(file, CONTENT, { cwd: dir, ...options });

describe('writeOutputFile', () => {
  it('writes the whole content, mode 0600, and leaves no temporary file', () => {
    const previous = process.umask(0);
    try {
      const path = write('advies.md');
      expect(path).toBe(join(dir, 'advies.md'));
    } finally {
      process.umask(previous);
    }
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe(CONTENT);
    expect(statSync(join(dir, 'advies.md')).mode & 0o777).toBe(OUTPUT_MODE);
    expect(files()).toEqual(['advies.md']);
  });

  it('writes to a temporary file in the same folder first, never to the target itself', () => {
    const seen: string[][] = [];
    hooks.onWrite = () => seen.push(files());
    write('advies.md');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(1);
    expect(seen[0]![0]).toMatch(/^\.advies\.md\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(files()).toEqual(['advies.md']);
  });

  it('never overwrites an existing file without --force, and leaves it untouched', () => {
    writeFileSync(join(dir, 'advies.md'), 'eerder verslag');
    expect(() => write('advies.md')).toThrow(UsageError);
    expect(() => write('advies.md')).toThrow(/advies\.md bestaat al/);
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe('eerder verslag');
    expect(files()).toEqual(['advies.md']);
  });

  it('does not overwrite a file another program creates while it writes', () => {
    hooks.onWrite = () => writeFileSync(join(dir, 'advies.md'), 'van een ander programma');
    expect(() => write('advies.md')).toThrow(/advies\.md bestaat al/);
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe('van een ander programma');
    expect(files()).toEqual(['advies.md']);
  });

  it('replaces an existing file with --force, as a whole, with mode 0600', () => {
    writeFileSync(join(dir, 'advies.md'), 'oud', { mode: 0o644 });
    write('advies.md', { force: true });
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe(CONTENT);
    expect(statSync(join(dir, 'advies.md')).mode & 0o777).toBe(OUTPUT_MODE);
    expect(files()).toEqual(['advies.md']);
  });

  it('with --force replaces a symlink itself, never the file it points to', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'convenant-elders-'));
    try {
      writeFileSync(join(elsewhere, 'belangrijk.txt'), 'niet aankomen');
      symlinkSync(join(elsewhere, 'belangrijk.txt'), join(dir, 'advies.md'));
      expect(() => write('advies.md')).toThrow(/bestaat al/);
      write('advies.md', { force: true });
      expect(readFileSync(join(elsewhere, 'belangrijk.txt'), 'utf8')).toBe('niet aankomen');
      expect(lstatSync(join(dir, 'advies.md')).isSymbolicLink()).toBe(false);
      expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe(CONTENT);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a dangling symlink at the target without --force', () => {
    symlinkSync(join(dir, 'nergens'), join(dir, 'advies.md'));
    expect(() => write('advies.md')).toThrow(/bestaat al/);
    expect(existsSync(join(dir, 'nergens'))).toBe(false);
  });

  it.each([
    ['a folder at the target path', () => mkdirSync(join(dir, 'advies.md')), 'advies.md', /advies\.md is een map, geen bestand/],
    ['a folder that does not exist', () => undefined, 'map/advies.md', /de map map bestaat niet/],
    ['a file where a folder should be', () => writeFileSync(join(dir, 'map'), 'x'), 'map/advies.md', /de map map bestaat niet/],
  ])('%s: a usage error, and nothing is written', (_name, setup, target, message) => {
    setup();
    const before = files();
    expect(() => write(target, { force: true })).toThrow(message);
    expect(files()).toEqual(before);
  });

  it('a write that fails half-way (disk full): a usage error, no target and no temporary file', () => {
    hooks.onWrite = () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    expect(() => write('advies.md')).toThrow(/kan advies\.md niet schrijven: de schijf is vol \(ENOSPC\); er is niets opgeslagen/);
    expect(files()).toEqual([]);
  });

  it('a failed write with --force leaves the old file as it was', () => {
    writeFileSync(join(dir, 'advies.md'), 'eerder verslag');
    hooks.onWrite = () => {
      throw Object.assign(new Error('i/o error'), { code: 'EIO' });
    };
    expect(() => write('advies.md', { force: true })).toThrow(/EIO/);
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe('eerder verslag');
    expect(files()).toEqual(['advies.md']);
  });

  it('an abort (Ctrl-C) while writing: Cancelled, and no file at all', () => {
    const controller = new AbortController();
    hooks.onWrite = () => controller.abort();
    expect(() => write('advies.md', { signal: controller.signal })).toThrow(Cancelled);
    expect(files()).toEqual([]);
  });

  it('an abort with --force leaves the old file as it was', () => {
    writeFileSync(join(dir, 'advies.md'), 'eerder verslag');
    const controller = new AbortController();
    hooks.onWrite = () => controller.abort();
    expect(() => write('advies.md', { force: true, signal: controller.signal })).toThrow(Cancelled);
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe('eerder verslag');
    expect(files()).toEqual(['advies.md']);
  });
});

describe('--output through the commands', () => {
  const answers = () =>
    writeFileSync(
      join(dir, 'a.yaml'),
      'acuut-gevaar: nee\ncategorie: diefstal\ndader: onbekend\nslachtoffer: niemand\nschooltype: vo\nplek: op-school\ndiefstal-wat: van-school\ndiefstal-dader: nee\ndiefstal-camera: nee\n',
    );
  const protocols = ['--protocols', SHIPPED_DIR];

  it.each([
    ['incident', (out: string[]) => ['incident', ...protocols, '--answers', 'a.yaml', ...out]],
    ['validate', (out: string[]) => ['validate', SHIPPED_DIR, '--today', '2025-12-01', ...out]],
    ['graph', (out: string[]) => ['graph', ...protocols, ...out]],
    ['test', (out: string[]) => ['test', SHIPPED_DIR, ...out]],
    ['checklist', (out: string[]) => ['checklist', ...protocols, ...out]],
  ])('%s --output: mode 0600; exit 2 and the old file kept without --force; exit 2 at a folder', async (_name, args) => {
    answers();
    const first = await runCli(args(['--output', 'uit.txt']), { cwd: dir });
    expect([0, 1]).toContain(first.code);
    expect(statSync(join(dir, 'uit.txt')).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'uit.txt'), 'eerder');
    const again = await runCli(args(['--output', 'uit.txt']), { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('uit.txt bestaat al');
    expect(readFileSync(join(dir, 'uit.txt'), 'utf8')).toBe('eerder');
    mkdirSync(join(dir, 'map.txt'));
    const folder = await runCli(args(['--output', 'map.txt', '--force']), { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('map.txt is een map');
    expect(files().filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
