// Long text in a terminal goes through a pager, so the first screen (the "Nu en vandaag" card) is
// what the reader sees first and nothing scrolls away unread: the user's PAGER, else `less -R -X -K`,
// else a small built-in one. Anything but a real terminal gets the text as it is.
import { spawn, spawnSync } from 'node:child_process';
import type { Io } from './io.js';

export interface PagerOptions {
  /** False with --no-pager. */
  pager: boolean;
}

interface TerminalIn extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

/** How the reader left the text: read (or quit with q), or Ctrl-C, which stops the command as anywhere else. */
export type PagerOutcome = 'read' | 'interrupted';

export async function showPaged(io: Io, text: string, options: PagerOptions): Promise<PagerOutcome> {
  const rows = (io.stdout as { rows?: number }).rows ?? 24;
  const real = io.stdout === process.stdout && io.stdin === process.stdin;
  if (!options.pager || !real || !io.stdout.isTTY || !io.stdin.isTTY || text.split('\n').length < rows) {
    io.stdout.write(text);
    return 'read';
  }
  const env = { ...io.env, LESSCHARSET: io.env.LESSCHARSET ?? 'utf-8' };
  const chosen = io.env.PAGER?.trim();
  if (chosen) {
    if (await external('sh', ['-c', chosen], text, env)) return 'read';
  } else if (spawnSync('less', ['--version'], { stdio: 'ignore' }).status === 0) {
    // -R: colours; -X: the text stays on screen after q, above the question that follows; -K:
    // Ctrl-C quits (less ignores it by default). The SIGINT reaches this process too, whose
    // listener then stops the command; the external pagers' outcome is always 'read'.
    if (await external('less', ['-R', '-X', '-K'], text, env)) return 'read';
  }
  return builtIn(io, text, rows);
}

/** Runs a pager with the text on its stdin; false when it could not start (then the built-in one takes over). */
function external(command: string, args: string[], text: string, env: Record<string, string | undefined>): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(false));
    child.stdin.on('error', () => undefined); // the reader quit early (q): not a problem
    child.on('close', (code) => resolve(code !== 127 && code !== 126));
    child.stdin.end(text);
  });
}

/** A screen at a time: space for the next screen, Enter for one line, q to stop, Ctrl-C to stop the command. */
async function builtIn(io: Io, text: string, rows: number): Promise<PagerOutcome> {
  const lines = text.replace(/\n$/, '').split('\n');
  const page = Math.max(1, rows - 1);
  const stdin = io.stdin as TerminalIn;
  let at = Math.min(page, lines.length);
  io.stdout.write(`${lines.slice(0, at).join('\n')}\n`);
  while (at < lines.length) {
    io.stdout.write(`\u001b[7m-- meer (${Math.round((at / lines.length) * 100)}%): spatie, Enter of q --\u001b[27m`);
    const key = await readKey(stdin);
    io.stdout.write('\r\u001b[K');
    // In raw mode Ctrl-C is a key, not a signal.
    if (key === '\u0003') return 'interrupted';
    if (key === 'q' || key === 'Q' || key === '\u001b') return 'read';
    const next = key === '\r' || key === '\n' ? at + 1 : at + page;
    io.stdout.write(`${lines.slice(at, next).join('\n')}\n`);
    at = next;
  }
  return 'read';
}

function readKey(stdin: TerminalIn): Promise<string> {
  return new Promise((resolve) => {
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.once('data', (data: Buffer | string) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      resolve(String(data));
    });
  });
}
