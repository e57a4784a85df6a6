// Runs the CLI in-process: main(argv, memoryIo()) → { code, stdout, stderr }.
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io, Writable } from '../../src/cli/io.js';

export interface MemoryIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdin / stdout are terminals (default: not). */
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  columns?: number;
  signal?: AbortSignal;
}

export interface MemoryIo extends Io {
  out: () => string;
  err: () => string;
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  const stdout: Writable = {
    write: (s: string) => (out += s),
    isTTY: options.stdoutTTY ?? false,
    ...(options.columns ? { columns: options.columns } : {}),
  };
  const stderr: Writable = { write: (s: string) => (err += s), isTTY: false };
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinTTY ?? false });
  return {
    stdout,
    stderr,
    stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
    out: () => out,
    err: () => err,
  };
}

export async function runCli(argv: readonly string[], options: MemoryIoOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}
