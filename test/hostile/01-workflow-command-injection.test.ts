// Finding 01 (high): text from a pull request (file names, keys, scenario names, expected texts)
// must never become a GitHub Actions workflow command in the output of `validate` or `test`. The
// runner executes every line that starts (after spaces) with `::`, and the legacy form `##[` anywhere
// on a line. Every format is run on hostile fixtures and every line of stdout and stderr is checked.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { hostileDirs, STACK_LINE, type HostileDir } from './hostile-dir.js';

/** A line the runner would execute: `::` after leading white space, or `##[` anywhere. */
const COMMAND_LINE = /^[^\S\r\n]*::|##\[/m;
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => COMMAND_LINE.test(line));

const EVIL_FILE = 'x\n::add-mask::Dekking\n::error title=forged::by a file name\n.yaml';
const LEADING_FILE = '::error::leading ##[warning]legacy.yaml';
const EVIL_KEY = 'sleutel\n::stop-commands::pwned\n  ##[error]legacy';
const SCENARIO = [
  'scenarios:',
  '  - name: "ok\\n::error file=README.md,line=1::Forged by scenario name ##[warning]legacy form too"',
  '    answers: { gevaar: ja }',
  '    expect:',
  '      text: ["zzz\\n::stop-commands::pwned", "##[add-mask]x"]',
  '',
].join('\n');

const newDir = hostileDirs();
/** The valid base protocol plus hostile files; `withErrors` adds files that validate reports. */
function evilFolder(withErrors: boolean): HostileDir {
  const h = newDir();
  h.write('scenarios/evil\n::warning::scenario file.yaml', SCENARIO);
  if (withErrors) {
    h.write(EVIL_FILE, 'foo: [\n');
    h.write(LEADING_FILE, 'foo: [\n');
    h.write('keys.yaml', `sources:\n  - { id: s2, kind: covenant, title: T, ${JSON.stringify(EVIL_KEY)}: 1 }\n`);
  }
  return h;
}

const TODAY = ['--today', '2025-12-01'];

describe('validate: no format lets protocol text issue a workflow command', () => {
  it.each(['stylish', 'json', 'github', 'sarif', 'junit'])('--format %s', async (format) => {
    const h = evilFolder(true);
    const { code, stdout, stderr } = await runCli(['validate', 'proto', '--format', format, ...TODAY], { cwd: h.root });
    expect(code).toBe(1);
    // The findings about the hostile files are there (the files were named, not dropped) ...
    expect(stdout).toMatch(/add-mask/);
    expect(stdout).toMatch(/legacy/);
    expect(stdout).toMatch(/sleutel/);
    // ... but no line the runner would execute, apart from github's own annotations.
    const own = (line: string) => format === 'github' && /^::(error|warning|notice)[ :]/.test(line);
    const lines = commandLines(stdout).filter((line) => !own(line));
    expect(lines).toEqual([]);
    expect(commandLines(stderr)).toEqual([]);
    expect(stdout + stderr).not.toMatch(STACK_LINE);
  });

  it('--format github: one annotation per line, and no legacy `##[` inside one', async () => {
    const h = evilFolder(true);
    const { stdout } = await runCli(['validate', 'proto', '--format', 'github', ...TODAY], { cwd: h.root });
    for (const line of stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice)( file=[^:]*)?::/);
    expect(stdout).not.toContain('##[');
  });

  it('--format json keeps the real file names for a JSON reader (escapes only)', async () => {
    const h = evilFolder(true);
    const { stdout } = await runCli(['validate', 'proto', '--format', 'json', ...TODAY], { cwd: h.root });
    const files = (JSON.parse(stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
    expect(files).toContain(`proto/${EVIL_FILE}`);
    expect(files).toContain(`proto/${LEADING_FILE}`);
  });

  it('stylish shows a line break from a file name or key as a visible \\n, on the same line', async () => {
    const h = evilFolder(true);
    const { stdout } = await runCli(['validate', 'proto', ...TODAY], { cwd: h.root });
    expect(stdout).toContain('proto/x\\n::add-mask::Dekking\\n::error title=forged::by a file name\\n.yaml');
    expect(stdout).toMatch(/onbekende sleutel "sleutel\\n::stop-commands::pwned\\n {2}#\\u\{23\}\[error\]legacy"/);
  });
});

describe('test: no format lets scenario text issue a workflow command', () => {
  it.each(['text', 'json', 'junit'])('--format %s', async (format) => {
    const h = evilFolder(false);
    const { code, stdout, stderr } = await runCli(['test', 'proto', '--format', format], { cwd: h.root });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Forged by scenario name/);
    expect(stdout).toMatch(/stop-commands/);
    expect(commandLines(stdout)).toEqual([]);
    expect(commandLines(stderr)).toEqual([]);
  });

  it('the loader errors printed before refusing to run are guarded too', async () => {
    const h = evilFolder(true);
    const { code, stdout, stderr } = await runCli(['test', 'proto'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/add-mask/);
    expect(commandLines(stdout + stderr)).toEqual([]);
  });

  it('--format json keeps the scenario name for a JSON reader', async () => {
    const h = evilFolder(false);
    const { stdout } = await runCli(['test', 'proto', '--format', 'json'], { cwd: h.root });
    const doc = JSON.parse(stdout) as { scenarios: { name: string; file: string }[] };
    expect(doc.scenarios[0]!.file).toBe('proto/scenarios/evil\n::warning::scenario file.yaml');
    expect(doc.scenarios[0]!.name).toBe('ok\n::error file=README.md,line=1::Forged by scenario name ##[warning]legacy form too');
  });
});

describe('GITHUB_ACTIONS=true: a report for people is wrapped in ::stop-commands::', () => {
  const env = { GITHUB_ACTIONS: 'true' };
  const wrapped = (stdout: string) => {
    const lines = stdout.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token, 'first line opens the stop-commands block').toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    // Inside the block: still no line that looks like a command.
    expect(commandLines(lines.slice(1, -1).join('\n'))).toEqual([]);
    return token!;
  };

  it.each([
    ['validate (stylish)', ['validate', 'proto', ...TODAY], true],
    ['test (text)', ['test', 'proto'], false],
  ] as const)('%s, with a new random token on every run', async (_name, args, withErrors) => {
    const h = evilFolder(withErrors);
    const first = await runCli(args, { cwd: h.root, env });
    const second = await runCli(args, { cwd: h.root, env });
    expect(wrapped(first.stdout)).not.toBe(wrapped(second.stdout));
  });

  it.each([
    ['validate --format json', ['validate', 'proto', '--format', 'json', ...TODAY], true],
    ['validate --format sarif', ['validate', 'proto', '--format', 'sarif', ...TODAY], true],
    ['test --format json', ['test', 'proto', '--format', 'json'], false],
  ] as const)('%s stays plain JSON (a step may pipe it on)', async (_name, args, withErrors) => {
    const h = evilFolder(withErrors);
    const { stdout } = await runCli(args, { cwd: h.root, env });
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(commandLines(stdout)).toEqual([]);
  });

  it('not wrapped outside GitHub Actions', async () => {
    const h = evilFolder(true);
    const { stdout } = await runCli(['validate', 'proto', ...TODAY], { cwd: h.root, env: { GITHUB_ACTIONS: 'false' } });
    expect(stdout).not.toMatch(/stop-commands::[0-9a-f]{32}/);
  });
});
