// Finding 07 (low): SIGTERM and SIGHUP were not handled, so the wizard died with 143/129, without a
// word, and left the terminal cursor hidden. They end like Ctrl-C now: the cursor is shown, one
// line "Afgebroken. Er is niets opgeslagen.", exit 130. In a real pseudo-terminal (tmux).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/built-cli.js';
import { FIXTURES } from './hostile-dir.js';

const HAS_TOOLS = spawnSync('tmux', ['-V']).status === 0 && spawnSync('pgrep', ['-V']).status === 0;
const SOCKET = `convenant-signals-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let dir: string;
let sessions = 0;
let session = '';

async function waitFor(what: string, test: (text: string) => boolean): Promise<string> {
  const until = Date.now() + 30_000;
  let text = '';
  while (Date.now() < until) {
    text = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
    if (test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`waited 30s for ${what}; the screen shows:\n${text}`);
}

describe.skipIf(!HAS_TOOLS)('SIGTERM and SIGHUP in the wizard', () => {
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'convenant-signals-'));
    tmux('new-session', '-d', '-s', 'keep', 'sleep 3600');
  }, 120_000);
  afterEach(() => {
    try {
      tmux('kill-session', '-t', session);
    } catch {
      // already gone
    }
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['TERM', 'HUP'])('SIG%s: cursor shown again, one line, exit 130, no file left', async (signal) => {
    session = `s${++sessions}`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', '-c', dir, `node ${BIN} incident --protocols ${join(FIXTURES, 'base')}; echo "EXIT:$?"; sleep 600`);
    await waitFor('the first question', (t) => t.includes('Vraag 1'));
    // The prompt hides the cursor while it waits (the state the signal must not leave behind).
    const cursor = () => tmux('display', '-p', '-t', session, '#{cursor_flag}').trim();
    for (let i = 0; i < 100 && cursor() !== '0'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(cursor()).toBe('0');
    const shell = tmux('list-panes', '-t', session, '-F', '#{pane_pid}').trim();
    const node = execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0]!;
    process.kill(Number(node), `SIG${signal}` as NodeJS.Signals);
    const text = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(text).toMatch(/EXIT:130/);
    expect(text.match(/Afgebroken\. Er is niets opgeslagen\./g)).toHaveLength(1);
    expect(cursor()).toBe('1');
    expect(readdirSync(dir)).toEqual([]);
  });
});
