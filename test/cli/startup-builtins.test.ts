// Which of Node's own modules a run of the built command loads. node:crypto and node:child_process
// (which brings net, dgram and the stream classes) are only needed for a few things (writing a
// file, a pager, a token in GitHub Actions); loading them at every start made every run slower.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBuilt } from '../helpers/built-cli.js';

const work = mkdtempSync(join(tmpdir(), 'convenant-builtins-'));
const hook = join(work, 'list-builtins.mjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  // Printed at exit: the built-in modules the run loaded, one per line, after a marker.
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\n--builtins--\\n${process.moduleLoadList.join('\\n')}\\n`));\n");
}, 120_000);

function builtinsLoadedBy(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; builtins: string[] } {
  const run = runBuilt(args, { cwd: ROOT, env, nodeArgs: ['--import', hook] });
  const list = run.stderr.split('\n--builtins--\n')[1] ?? '';
  return {
    code: run.code,
    stdout: run.stdout,
    builtins: list
      .split('\n')
      .filter((l) => l.startsWith('NativeModule '))
      .map((l) => l.slice('NativeModule '.length)),
  };
}

describe('built-in modules loaded at start-up', () => {
  it.each([
    ['validate of the shipped protocol', ['validate']],
    ['validate as JSON', ['validate', '--format', 'json']],
    ['--version', ['--version']],
  ])('%s loads neither node:crypto nor node:child_process', (_, args) => {
    const run = builtinsLoadedBy(args);
    expect(run.code).toBe(0);
    expect(run.builtins.length, 'the hook saw the run').toBeGreaterThan(10);
    expect(run.builtins).not.toContain('crypto');
    expect(run.builtins).not.toContain('child_process');
  });

  it('they still load when they are needed: a token for GitHub Actions, a report written to a file', () => {
    const github = builtinsLoadedBy(['validate'], { GITHUB_ACTIONS: 'true' });
    expect(github.stdout).toMatch(/^::stop-commands::[0-9a-f]{32}\n/);
    expect(github.builtins).toContain('crypto');
    const written = builtinsLoadedBy(['validate', '--output', join(work, 'rapport.txt')]);
    expect(written.code).toBe(0);
    expect(written.builtins).toContain('crypto');
  });
});
