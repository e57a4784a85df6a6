// A real pseudo-terminal for wizard tests: our own tmux server (apart from any the user runs), one
// session per command, and polling of the screen instead of fixed sleeps.
import { execFileSync, spawnSync } from 'node:child_process';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
export const SKIPPED = HAS_TMUX ? '' : ' (skipped: tmux is not installed)';
const DEADLINE_MS = 30_000;

export interface Size {
  width: number;
  height: number;
}

export class Tmux {
  private readonly socket = `convenant-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private sessions = 0;
  session = '';

  private run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** A session that lives as long as the tests, so the server does not exit between them. */
  open(): void {
    this.run('new-session', '-d', '-s', 'keep', 'sleep 3600');
  }

  /** Runs `command` in a new session; the exit code is printed after it ("EXIT:n") and the pane stays open. */
  start(command: string, options: { cwd: string; size?: Size; env?: Record<string, string> }): void {
    this.session = `s${++this.sessions}`;
    const { width, height } = options.size ?? { width: 100, height: 50 };
    const quote = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
    const env = Object.entries(options.env ?? {})
      .map(([k, v]) => `${k}=${quote(v)} `)
      .join('');
    this.run('new-session', '-d', '-s', this.session, '-x', String(width), '-y', String(height), '-c', options.cwd, `${env}${command}; echo "EXIT:$?"; sleep 600`);
  }

  /** The whole history with soft-wrapped lines joined (what was printed). */
  history(): string {
    return this.run('capture-pane', '-p', '-J', '-S', '-', '-t', this.session);
  }

  /** What is on the screen now, row by row as the user sees it; `joined` undoes the terminal's own wrapping. */
  visible(joined = false): string {
    return this.run('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.session);
  }

  keys(...k: string[]): void {
    this.run('send-keys', '-t', this.session, ...k);
  }

  literal(text: string): void {
    this.run('send-keys', '-t', this.session, '-l', text);
  }

  async waitFor(what: string, test: (text: string) => boolean, read: () => string = () => this.history()): Promise<string> {
    const until = Date.now() + DEADLINE_MS;
    let text = '';
    while (Date.now() < until) {
      text = read();
      if (test(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`waited ${DEADLINE_MS / 1000}s for ${what}; the screen shows:\n${text}`);
  }

  /** The visible screen once it differs from `before` and has not changed for a moment, and `ready` holds. */
  async settled(before: string, ready: (screen: string) => boolean): Promise<string> {
    let last = '';
    let same = 0;
    return this.waitFor(
      'a new, settled screen',
      (now) => {
        same = now === last ? same + 1 : 0;
        last = now;
        return now !== before && same >= 3 && ready(now);
      },
      () => this.visible(),
    );
  }

  kill(): void {
    try {
      this.run('kill-session', '-t', this.session);
    } catch {
      // already gone
    }
  }

  close(): void {
    try {
      this.run('kill-server');
    } catch {
      // no server left
    }
  }
}
