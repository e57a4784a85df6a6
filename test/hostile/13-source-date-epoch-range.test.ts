// Finding 13 (low): a SOURCE_DATE_EPOCH past what a JavaScript date can hold ended in "interne
// fout (RangeError)", exit 3. It is ignored now, like a value that is not a number: the advice is
// dated today.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES } from './hostile-dir.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-epoch-'));
  writeFileSync(join(dir, 'a.yaml'), 'gevaar: nee\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (format: string, epoch: string) =>
  runCli(['incident', '--protocols', join(FIXTURES, 'base'), '--answers', 'a.yaml', '--format', format], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } });
const today = () => new Date().toISOString().slice(0, 10);

describe('SOURCE_DATE_EPOCH out of range', () => {
  it.each([
    ['markdown', '99999999999999999'],
    ['json', '99999999999999999'],
    ['text', '99999999999999999'],
    ['json', '8640000000001'],
  ])('--format %s with %s: exit 0, dated today', async (format, epoch) => {
    const { code, stdout, stderr } = await run(format, epoch);
    expect(stderr).not.toMatch(/interne fout/);
    expect(code).toBe(0);
    if (format === 'json') expect(stdout).toContain(today());
    if (format === 'markdown') expect(stdout).toMatch(new RegExp(`Datum \\| \\d+ \\w+ ${new Date().getFullYear()}`));
  });

  it('a value in range still fixes the date (2026-01-15)', async () => {
    const { code, stdout } = await run('json', '1768469400');
    expect(code).toBe(0);
    expect(stdout).toContain('2026-01-15');
  });
});
