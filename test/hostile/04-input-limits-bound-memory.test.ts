// Finding 04 (medium): within the byte limits (1 MiB per file, 32 MiB per folder) a pull request
// could exhaust CI: 31 files of 1 MiB `x: [1,1,1,…]` took 163 s and 3.5 GB, and 8 of them crashed
// a 512 MB heap. Memory and time grow with the number of YAML values, not bytes: now at most
// 100,000 per file and 1,000,000 per folder, each a located error, and validate exits 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProtocolFiles } from '../../src/loader/index.js';
import { MAX_FILE_BYTES, MAX_FILE_NODES } from '../../src/loader/limits.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDir, type HostileDir } from './hostile-dir.js';

let made: HostileDir | undefined;
afterEach(() => made?.cleanup());

/** The reproducer's file: `x: [1,1,1,…]`, just under 1 MiB. */
function listBomb(): string {
  const items = `x: [${'1,'.repeat(MAX_FILE_BYTES / 2)}`;
  const cut = items.slice(0, MAX_FILE_BYTES - 10);
  return `${cut.slice(0, cut.lastIndexOf(','))}]\n`;
}

describe('finding 04: input limits bound memory and time', () => {
  it('8 files of half a million values each: one located too-complex error per file, exit 2', async () => {
    made = hostileDir();
    const bomb = listBomb();
    for (let i = 0; i < 8; i++) writeFileSync(join(made.dir, `b${i}.yaml`), bomb);
    const { code, stdout, stderr } = await runCli(['validate', 'proto', '--format', 'json'], { cwd: made.root });
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const found = (JSON.parse(stdout) as { diagnostics: { code: string; file: string; line: number; message: string }[] }).diagnostics;
    const complex = found.filter((d) => d.code === 'too-complex');
    expect(complex.map((d) => d.file)).toEqual(Array.from({ length: 8 }, (_, i) => `proto/b${i}.yaml`));
    for (const d of complex) {
      expect(d.line).toBe(1);
      expect(d.message).toMatch(/meer dan 100\.000 waarden/);
    }
  });

  it('a file that only the full parser reads (a tab) is bounded before it is parsed, at the line where the count passes', () => {
    const text = `x:\n\t- 1\n${'- 1\n'.repeat(MAX_FILE_NODES)}`;
    const { diagnostics } = loadProtocolFiles([
      { name: 'p.yaml', text: BASE_PROTOCOL },
      { name: 'tab.yaml', text },
    ]);
    const complex = diagnostics.filter((d) => d.code === 'too-complex');
    expect(complex).toEqual([expect.objectContaining({ file: 'tab.yaml', severity: 'error' })]);
    expect(complex[0]!.line).toBeGreaterThan(1000);
    expect(complex[0]!.line).toBeLessThanOrEqual(MAX_FILE_NODES);
  });

  it('the folder budget: once the files together pass it, the rest is not read (one error, at the file that passed it)', () => {
    const file = (i: number) => ({
      name: `f${i}.yaml`,
      text: `sources:\n${Array.from({ length: 30 }, (_, j) => `  - { id: s${i}-${j}, kind: covenant, title: T }`).join('\n')}\n`,
    });
    const files = [{ name: 'p.yaml', text: BASE_PROTOCOL }, ...Array.from({ length: 10 }, (_, i) => file(i))];
    const result = loadProtocolFiles(files, { maxFileNodes: 1000, maxFolderNodes: 600 });
    expect(result.ok).toBe(false);
    const complex = result.diagnostics.filter((d) => d.code === 'too-complex');
    expect(complex).toHaveLength(1);
    expect(complex[0]).toMatchObject({ line: 1, message: expect.stringMatching(/samen meer dan 600 waarden/) });
    // About 270 values per file: the budget runs out in the first few, long before the tenth.
    expect(complex[0]!.file).toMatch(/^f[0-3]\.yaml$/);
  });

  it('a protocol within the limits loads as before', () => {
    const result = loadProtocolFiles([{ name: 'p.yaml', text: BASE_PROTOCOL }]);
    expect(result.diagnostics.filter((d) => d.code === 'too-complex')).toEqual([]);
  });
});
