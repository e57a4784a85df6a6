// A terminal that reports no size (0 columns, 0 rows: a serial console, `script` run without a
// terminal around it) is read as 80×24: the question stays on one line instead of being wrapped
// every few words. `script` (util-linux) gives the pseudo-terminal; without it the test skips.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/built-cli.js';

const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const plain = (text: string) => stripVTControlCharacters(text).replace(/\r/g, '');

describe.skipIf(!HAS_SCRIPT)(`convenant incident in a terminal without a size${HAS_SCRIPT ? '' : ' (skipped: script from util-linux is not installed)'}`, () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'convenant-nosize-'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the first question on one line and stops with exit 130 on Ctrl-C', async () => {
    // Our own stdio is not a terminal, so the pseudo-terminal `script` opens has size 0×0.
    const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} incident`, '/dev/null'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TERM: 'xterm' },
    });
    let out = '';
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const seen = await new Promise<boolean>((done) => {
      const deadline = setTimeout(() => done(false), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (plain(out).includes('gebeurd?')) {
          clearTimeout(deadline);
          done(true);
        }
      });
    });
    child.stdin.write('\x03');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(killer);
    expect(seen, `the first question did not appear:\n${plain(out).slice(0, 800)}`).toBe(true);
    expect(plain(out)).toMatch(/\? Is er nu iemand in gevaar, of is het net gebeurd\?/);
    expect(code).toBe(130);
  }, 60_000);
});
