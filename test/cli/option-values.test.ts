// Two mistakes from a user trial, run as a user would (the built command in a child process):
// - an option value that is really the next option (`--output --force`) is refused with exit 2 and
//   nothing written, for every file or folder option of every command; ./-name still works;
// - a protocol folder that cannot be read is said once, with the folder as given and without the
//   file:line:column of a file diagnostic.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import { buildProgram } from '../../src/cli/main.js';
import { pathKind } from '../../src/cli/option-values.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { memoryIo, runCli } from '../helpers/run-cli.js';
import { ACUTE_ANSWERS } from '../helpers/shipped.js';

let dir: string;
beforeAll(() => ensureBuilt(), 120_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-option-values-'));
  writeFileSync(join(dir, 'a.yaml'), ACUTE_ANSWERS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { SOURCE_DATE_EPOCH: '1768469400', HOME: '/nonexistent-home' };

describe('an option value that is the next option', () => {
  it('incident --output --force: exit 2, a Dutch message with a hint, and no file named --force', () => {
    const { code, stdout, stderr } = runBuilt(['incident', '--answers', 'a.yaml', '--format', 'json', '--output', '--force'], { cwd: dir, env: ENV });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'convenant: --output verwacht een bestandsnaam, maar kreeg "--force"\n' +
        '  "--force" is zelf een optie: zet de bestandsnaam direct na --output. Begint de naam echt met een streepje, schrijf dan ./--force.\n',
    );
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it.each([
    [['incident', '--answers', '--force']],
    [['incident', '--answers', 'a.yaml', '-o', '--force']],
    [['incident', '--answers', 'a.yaml', '--output=--force']],
    [['incident', '--answers', 'a.yaml', '--output', '-advies.md']],
    [['incident', '--answers', 'a.yaml', '--protocols', '--no-color']],
    [['incident', '--answers', 'a.yaml', '--save-scenario', '--force']],
    [['validate', '--output', '--quiet']],
    [['register', 'report', '--register', '--format']],
  ])('%j: exit 2, nothing written', (args) => {
    const { code, stderr } = runBuilt(args, { cwd: dir, env: ENV });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^convenant: --\S+ verwacht een (bestandsnaam|map), maar kreeg "-/);
    expect(stderr).toContain('schrijf dan ./-');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('a value that is another option of the command is refused for any option, not only files', () => {
    const { code, stderr } = runBuilt(['incident', '--answers', 'a.yaml', '--format', '--force'], { cwd: dir, env: ENV });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^convenant: --format verwacht een waarde, maar kreeg "--force"\n {2}"--force" is zelf een optie/);
  });

  it('a file whose name really starts with "-" is written when given as ./-name', () => {
    const { code, stderr } = runBuilt(['incident', '--answers', 'a.yaml', '--format', 'json', '--output', './--force'], { cwd: dir, env: ENV });
    expect(stderr).toMatch(/^Advies bewaard in .*\/--force /);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['--force', 'a.yaml']);
  });

  it('every file or folder option of every command refuses a value that starts with "-"', async () => {
    const io = memoryIo();
    const program = buildProgram(io);
    const cases: string[][] = [];
    const flags = new Set<string>();
    const walk = (command: Command, path: string[]) => {
      for (const sub of command.commands) walk(sub, [...path, sub.name()]);
      if (path.length === 0) return;
      // Required arguments and mandatory options get a placeholder, so parsing reaches the check.
      const required = command.registeredArguments.filter((a) => a.required).map(() => 'x');
      const mandatory = command.options.filter((o) => o.mandatory).flatMap((o) => [o.long!, '5j']);
      for (const option of command.options.filter((o) => pathKind(o))) {
        flags.add(`${path.join(' ')} ${option.long!}`);
        cases.push([...path, ...required, ...mandatory, `${option.long!}=-x`]);
      }
    };
    walk(program, []);
    for (const expected of [
      'incident --output',
      'incident --answers',
      'incident --protocols',
      'incident --save-scenario',
      'incident --register',
      'validate --protocols',
      'register add --register',
    ])
      expect(flags).toContain(expected);
    for (const args of cases) {
      const { code, stderr } = await runCli(args, { cwd: dir, env: { HOME: dir, XDG_DATA_HOME: dir } });
      expect({ args, code, stderr }).toMatchObject({ code: 2, stderr: expect.stringMatching(/verwacht een (bestandsnaam|map), maar kreeg "-x"/) });
    }
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

describe('a protocol folder that cannot be read', () => {
  // Run from a nested folder: the folder is not shown as ../../nergens:1:1.
  let nested: string;
  let missing: string;
  beforeEach(() => {
    nested = join(dir, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    missing = join(dir, 'nergens');
  });

  it.each([
    ['incident --answers', (m: string) => ['incident', '--answers', '../../a.yaml', '--protocols', m], 'Controleer het pad (--protocols of CONVENANT_PROTOCOLS).'],
    ['validate', (m: string) => ['validate', m], 'Controleer het pad (de map, --protocols of CONVENANT_PROTOCOLS).'],
    ['validate --format sarif', (m: string) => ['validate', m, '--format', 'sarif'], 'Controleer het pad (de map, --protocols of CONVENANT_PROTOCOLS).'],
    ['test', (m: string) => ['test', m], 'Controleer het pad (de map, --protocols of CONVENANT_PROTOCOLS).'],
    ['partners', (m: string) => ['partners', '--protocols', m], 'Controleer het pad (--protocols of CONVENANT_PROTOCOLS).'],
  ])('%s: one line with the folder as given and why, exit 2', (_name, args, hint) => {
    const { code, stdout, stderr } = runBuilt(args(missing), { cwd: nested, env: ENV });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`convenant: kan de protocolmap ${missing} niet lezen: de map bestaat niet\n  ${hint}\n`);
  });

  it('the wizard: the reason once, on the emergency card, and exit 2', async () => {
    const io = memoryIo({ cwd: nested, stdoutTTY: true, stdinTTY: true, columns: 80 });
    const code = await runIncident(io, { format: 'text', protocols: '../../nergens' }, { prompter: new FakePrompter([]) });
    expect(code).toBe(2);
    expect(io.err()).toBe('');
    const out = io.out();
    expect(out).toMatch(/De protocolmap \.\.\/\.\.\/nergens is niet te lezen: de map bestaat niet\./);
    expect(out.match(/niet te lezen/g)).toHaveLength(1);
    expect(out).not.toMatch(/:1:1/);
    expect(out).toContain('NOODKAART');
    for (const number of ['112', '0900-8844', '0800-2000', '113']) expect(out).toContain(number);
  });
});
