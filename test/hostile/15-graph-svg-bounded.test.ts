// Finding 15 (low): `graph --format svg` on the 10,000-step bench protocol ran for minutes with no
// output. Above SVG_MAX_NODES boxes it refuses up front, with a clear message and exit 2; the
// shipped protocol and one flow of a big protocol still draw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SVG_MAX_NODES } from '../../src/cli/commands/graph-run.js';
import { runCli } from '../helpers/run-cli.js';
// @ts-expect-error -- a plain JavaScript module of the benchmarks, without types
import { generateProtocol } from '../../bench/generate.mjs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-svg-'));
  // Comfortably above the limit: about one box per step plus the advice boxes.
  (generateProtocol as (dir: string, steps: number) => unknown)(dir, SVG_MAX_NODES + 500);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graph --format svg on a very large protocol', () => {
  it('refuses with exit 2 and a Dutch message that says what to do, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['graph', '--protocols', dir, '--format', 'svg']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/dit diagram is te groot om als SVG te tekenen \([\d.]+ vakjes; de grens is 3\.000\)/);
    expect(stderr).toMatch(/Teken één flow \(bijvoorbeeld: convenant graph \S+ --format svg\)/);
  });

  it('one flow of it still draws as SVG', async () => {
    const { code, stdout } = await runCli(['graph', 'cat-0', '--protocols', dir, '--format', 'svg']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/<svg[\s>]/);
  });

  it('the whole protocol as dot is still written (no Graphviz layout involved)', async () => {
    const { code, stdout } = await runCli(['graph', '--protocols', dir, '--format', 'dot']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^digraph/m);
  });
});
