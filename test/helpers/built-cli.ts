// Runs the built command (`node bin/convenant.cjs ...`) as a user would, in a child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'convenant.cjs');

/** Builds dist/ when it is missing or older than a source file (npm test builds it first anyway). */
export function ensureBuilt(): void {
  const mtime = (path: string) => {
    try {
      return statSync(path).mtimeMs;
    } catch {
      return 0;
    }
  };
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : mtime(join(dir, e.name)))));
  const built = mtime(join(ROOT, 'dist', 'convenant.cjs'));
  if (built === 0 || newest(join(ROOT, 'src')) > built) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

export interface RunBuiltOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Options for node itself, before the script (e.g. --import). */
  nodeArgs?: readonly string[];
  /** Another copy of bin/convenant.cjs (an installed copy of the program). */
  bin?: string;
}

export function runBuilt(args: readonly string[], options: RunBuiltOptions): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
