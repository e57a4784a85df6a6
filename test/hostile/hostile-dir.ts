// Builds throw-away protocol folders for the hostile-input tests: the minimal valid protocol of
// test/fixtures/hostile/base plus one hostile file. Binary, huge, symlinked and other files that
// do not belong in git are generated here, at test time.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
export const BASE_PROTOCOL = readFileSync(join(FIXTURES, 'base/protocol.yaml'), 'utf8');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'cases', name), 'utf8');
}

export interface HostileDir {
  /** Temporary folder; run the CLI with this as cwd so paths print as `proto/...`. */
  root: string;
  /** The protocol folder inside it. */
  dir: string;
  /** Writes a file (text or bytes) into the protocol folder, creating folders as needed. */
  write(rel: string, content: string | Uint8Array): string;
  cleanup(): void;
}

/** A protocol folder with the valid base protocol and, optionally, one case fixture copied in. */
export function hostileDir(caseName?: string): HostileDir {
  const root = mkdtempSync(join(tmpdir(), 'convenant-hostile-'));
  const dir = join(root, 'proto');
  mkdirSync(dir);
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  const write = (rel: string, content: string | Uint8Array) => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  };
  if (caseName) write(caseName, fixture(caseName));
  return { root, dir, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A maker of hostile folders for one test file; every folder is removed after its test. */
export function hostileDirs(): (caseName?: string) => HostileDir {
  let made: HostileDir[] = [];
  afterEach(() => {
    made.forEach((h) => h.cleanup());
    made = [];
  });
  return (caseName) => {
    const h = hostileDir(caseName);
    made.push(h);
    return h;
  };
}

/** Lines of a stack trace, as Node prints them. */
export const STACK_LINE = /^\s+at /m;
