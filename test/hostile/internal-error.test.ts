// A bug in convenant itself ends with one line asking to report it and exit 3; the error's
// message and stack trace (which can quote file contents) only with --debug.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { memoryIo } from '../helpers/run-cli.js';
import { hostileDir, STACK_LINE, type HostileDir } from './hostile-dir.js';

const REPORT_LINE =
  /^convenant: interne fout \(TypeError\)\. Dit is een fout in convenant zelf; meld het alstublieft bij de beheerders, met de opdracht die u gaf \(details: dezelfde opdracht met --debug\)\.\n$/;

let h: HostileDir;
afterEach(() => h?.cleanup());

/** An Io whose stdout fails the way a bug would: an exception nobody expected. */
function brokenIo() {
  h = hostileDir();
  const io = memoryIo({ cwd: h.root });
  io.stdout.write = () => {
    throw new TypeError('onverwacht: GEHEIME-INHOUD');
  };
  return io;
}

describe('an unexpected exception in a command', () => {
  it('exits 3 with exactly one line asking to report it: no message, no stack', async () => {
    const io = brokenIo();
    const code = await main(['validate', 'proto', '--today', '2025-12-01'], io);
    expect(code).toBe(3);
    expect(io.err()).toMatch(REPORT_LINE);
    expect(io.err()).not.toContain('GEHEIME-INHOUD');
  });

  it('shows the message and the stack with --debug', async () => {
    const io = brokenIo();
    const code = await main(['validate', 'proto', '--today', '2025-12-01', '--debug'], io);
    expect(code).toBe(3);
    const [first, ...rest] = io.err().split('\n');
    expect(first).toMatch(/^convenant: interne fout \(TypeError\)\. .*meld het alstublieft/);
    expect(rest.join('\n')).toContain('TypeError: onverwacht: GEHEIME-INHOUD');
    expect(rest.join('\n')).toMatch(STACK_LINE);
  });

  it('is not confused with a usage error or a finding: those keep their own exit codes', async () => {
    h = hostileDir();
    const io = memoryIo({ cwd: h.root });
    expect(await main(['validate', 'bestaat-niet'], io)).toBe(2);
    expect(io.err()).not.toMatch(/interne fout/);
  });
});

describe('the built binary', () => {
  beforeAll(ensureBuilt, 120_000);
  // A module loaded before convenant makes stdout fail like a bug would (`node --import`).
  const throwing = 'data:text/javascript,process.stdout.write=()=>{throw new TypeError("onverwacht: GEHEIME-INHOUD")}';
  const stray = (how: string) => `data:text/javascript,const w=process.stdout.write.bind(process.stdout);process.stdout.write=(...a)=>{${how};return w(...a)}`;

  const run = (preload: string, ...extra: string[]) => {
    h = hostileDir();
    return runBuilt(['validate', 'proto', '--today', '2025-12-01', ...extra], { cwd: h.root, nodeArgs: ['--import', preload] });
  };

  it('exits 3 with one line on an exception inside a command', () => {
    const { code, stderr } = run(throwing);
    expect(code).toBe(3);
    expect(stderr).toMatch(REPORT_LINE);
  });

  it('prints the stack only with --debug', () => {
    const { code, stderr } = run(throwing, '--debug');
    expect(code).toBe(3);
    expect(stderr).toContain('TypeError: onverwacht: GEHEIME-INHOUD');
    expect(stderr).toMatch(STACK_LINE);
  });

  it.each([
    ['an exception thrown from a stray callback', 'setImmediate(()=>{throw new TypeError("los: GEHEIME-INHOUD")})'],
    ['a promise rejection nobody handles', 'Promise.reject(new TypeError("los: GEHEIME-INHOUD"))'],
  ])('exits 3 with one line on %s', (_name, how) => {
    const { code, stderr } = run(stray(how));
    expect(code).toBe(3);
    expect(stderr).toMatch(REPORT_LINE);
  });

  it('stops quietly when the reader of its output goes away (convenant partners | head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/built-cli.js');
    const child = spawn(process.execPath, [BIN, 'partners'], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
