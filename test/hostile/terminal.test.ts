// Terminal safety: text from protocol files and answers files never reaches the terminal raw.
// test/fixtures/hostile/unsafe-text has terminal control sequences (clear screen, window title,
// C1 CSI, bidi override and isolate, CR, BS, NUL, NEL, LS, ALM) in every text field. Every output
// must show them as visible codes; colour is off in tests, so no output may hold a control
// character at all besides newline and tab. `validate` reports every such field as unsafe-text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import type { Io } from '../../src/cli/io.js';
import { loadProtocol } from '../../src/loader/index.js';
import { createTheme } from '../../src/cli/color-theme.js';
import { InquirerPrompter } from '../../src/ui/inquirer-prompter.js';
import type { QuestionBase } from '../../src/ui/prompter.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { memoryIo, runCli } from '../helpers/run-cli.js';
import { FIXTURES, hostileDir, type HostileDir } from './hostile-dir.js';

/** Control characters (C0 but tab and newline, DEL, C1) and bidi / line-separator characters. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const expectNoRaw = (text: string) => {
  const found = RAW.exec(text);
  expect(found, found ? `raw U+${found[0].codePointAt(0)!.toString(16)} near ${JSON.stringify(text.slice(Math.max(0, found.index - 40), found.index + 10))}` : '').toBeNull();
};

const UNSAFE_DIR = join(FIXTURES, 'unsafe-text');
const UNSAFE_TEXT = readFileSync(join(UNSAFE_DIR, 'protocol.yaml'), 'utf8');
/** What the hostile text looks like once neutralised (plain text and JSON). */
const SHOWN = /\\u\{1b\}\[2J\\u\{1b\}\]0;PWNED\\u\{7\}\\u\{9b\}31m\\u\{202e\}DESREVER/;
const SHOWN_JSON = /\\u001b\[2J\\u001b\]0;PWNED\\u0007\\u009b31m\\u202eDESREVER/;
const EVIL = 'Tekst \x1b[2J\x1b]0;PWNED\x07\x9b31m\u202eDESREVER\u2066\r\b\0\u0085\u2028\u061c einde';

let h: HostileDir | undefined;
afterEach(() => {
  h?.cleanup();
  h = undefined;
});
const scratch = () => (h = hostileDir());

const run = (args: string[], cwd = FIXTURES) => runCli(args, { cwd, env: { SOURCE_DATE_EPOCH: '1768469400' } });

describe('the hostile-text protocol', () => {
  it('loads: unsafe text is not a loader error, it is neutralised on output and reported by validate', () => {
    const loaded = loadProtocol(UNSAFE_DIR, FIXTURES);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.protocol!.meta.title).toContain('\x1b]0;PWNED\x07');
  });

  it('validate reports every text field that holds control characters, at the field (unsafe-text)', async () => {
    const { code, stdout } = await run(['validate', 'unsafe-text', '--format', 'json', '--today', '2025-12-01']);
    expect(code).toBe(1);
    const reported = (JSON.parse(stdout) as { diagnostics: { code: string; line: number; severity: string }[] }).diagnostics.filter((d) => d.code === 'unsafe-text');
    // One finding per hostile field: the fixture's lines, each as often as it holds a field.
    const expected = UNSAFE_TEXT.split('\n').flatMap((line, i) => Array<number>(line.split('PWNED').length - 1).fill(i + 1));
    expect(expected).toHaveLength(35);
    expect(reported.map((d) => d.line).sort((a, b) => a - b)).toEqual(expected);
    expect(reported.every((d) => d.severity === 'error')).toBe(true);
  });
});

describe('every output of every command neutralises the text', () => {
  const ANSWERS = 'gevaar: ja\nsoort: een\nleeftijd: 14\n';
  const answersFile = () => {
    const dir = scratch();
    writeFileSync(join(dir.root, 'a.yaml'), ANSWERS);
    return join(dir.root, 'a.yaml');
  };

  it.each([
    ['validate (stylish)', ['validate', 'unsafe-text', '--today', '2025-12-01'], 1],
    ['validate --format github', ['validate', 'unsafe-text', '--today', '2025-12-01', '--format', 'github'], 1],
    ['validate --format json', ['validate', 'unsafe-text', '--today', '2025-12-01', '--format', 'json'], 1],
    ['validate --format sarif', ['validate', 'unsafe-text', '--today', '2025-12-01', '--format', 'sarif'], 1],
    ['validate --format junit', ['validate', 'unsafe-text', '--today', '2025-12-01', '--format', 'junit'], 1],
    ['partners', ['partners', '--protocols', 'unsafe-text'], 0],
    ['partners politie', ['partners', 'politie', '--protocols', 'unsafe-text'], 0],
    ['partners politie --format json', ['partners', 'politie', '--protocols', 'unsafe-text', '--format', 'json'], 0],
    ['checklist', ['checklist', '--protocols', 'unsafe-text'], 0],
    ['checklist --format markdown', ['checklist', '--protocols', 'unsafe-text', '--format', 'markdown'], 0],
    ['explain politie', ['explain', 'politie', '--protocols', 'unsafe-text'], 0],
    ['explain meldcode', ['explain', 'meldcode', '--protocols', 'unsafe-text'], 0],
    ['graph (mermaid)', ['graph', '--protocols', 'unsafe-text'], 0],
    ['graph --format dot', ['graph', '--protocols', 'unsafe-text', '--format', 'dot'], 0],
  ])('%s', async (_name, args, exit) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(exit);
    // validate names the characters (U+001B, ...) instead of quoting the text; the others quote it.
    if (args[0] === 'validate') expect(stdout).toMatch(/U\+001B/);
    else expect(stdout).toMatch(args.includes('json') ? SHOWN_JSON : /PWNED/);
    expectNoRaw(stdout);
    expectNoRaw(stderr);
  });

  it.each([
    ['text', SHOWN],
    ['markdown', /PWNED/],
    ['json', SHOWN_JSON],
  ])('incident --answers --format %s: the advice', async (format, shown) => {
    const { code, stdout, stderr } = await run(['incident', '--protocols', 'unsafe-text', '--answers', answersFile(), '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toMatch(shown);
    // Every kind of advice item made it into the output: action, partner task, rule, info.
    for (const word of ['Actie', 'Partnertaak', 'Conclusie', 'Info', 'Publiek']) expect(stdout.toLowerCase()).toContain(word.toLowerCase());
    expectNoRaw(stdout);
    expectNoRaw(stderr);
  });

  it('the wizard (scripted prompter): the advice screen after the questions', async () => {
    const io = memoryIo({ cwd: FIXTURES, env: { SOURCE_DATE_EPOCH: '1768469400' } });
    const prompter = new FakePrompter([
      ['gevaar', 'ja'],
      ['soort', 'een'],
      ['leeftijd', 14],
      ['review', 'advice'],
      ['save', null],
    ]);
    const code = await runIncident(io, { format: 'text', protocols: 'unsafe-text' }, { prompter });
    expect(code).toBe(0);
    expect(io.out()).toMatch(SHOWN);
    expectNoRaw(io.out());
    expectNoRaw(io.err());
  });
});

describe('diagnostics about hostile keys, values and file names', () => {
  it.each(['stylish', 'github', 'json', 'sarif', 'junit'])('validate --format %s shows them neutralised', async (format) => {
    const dir = scratch();
    dir.write(
      'evil\x1b]0;PWNED\x07.yaml',
      'sources:\n  - { id: s2, kind: covenant, title: T, "sleutel\\e[31m\\u202e": 1 }\n  - { id: s3, kind: "covenant\\e]0;PWNED\\a", title: T }\n',
    );
    const { code, stdout, stderr } = await runCli(['validate', 'proto', '--format', format, '--today', '2025-12-01'], { cwd: dir.root });
    expect(code).toBe(1);
    expect(stdout).toMatch(/sleutel/);
    expect(stdout).toMatch(/PWNED/);
    expectNoRaw(stdout);
    expectNoRaw(stderr);
  });

  it('incident lists the protocol errors neutralised', async () => {
    const dir = scratch();
    dir.write('evil\x1b]0;PWNED\x07.yaml', 'sources:\n  - { id: s2, kind: covenant, title: T, "sleutel\\e[31m\\u202e": 1 }\n');
    writeFileSync(join(dir.root, 'a.yaml'), 'gevaar: nee\n');
    const { code, stderr } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: dir.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/evil\\u\{1b\}\]0;PWNED\\u\{7\}\.yaml:2:41 onbekende sleutel "sleutel\\u\{1b\}\[31m\\u\{202e\}"/);
    expectNoRaw(stderr);
  });

  it('an answers file with hostile keys and a hostile name', async () => {
    const dir = scratch();
    mkdirSync(join(dir.root, 'x\x1b[2J'));
    writeFileSync(join(dir.root, 'x\x1b[2J', 'a\u202e.yaml'), 'gevaar: nee\n"vraag\\e]0;PWNED\\a": ja\n');
    const { code, stderr } = await runCli(['incident', '--protocols', 'proto', '--answers', 'x\x1b[2J/a\u202e.yaml'], { cwd: dir.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/vraag "vraag\\u\{1b\}\]0;PWNED\\u\{7\}" bestaat niet/);
    expect(stderr).toContain('x\\u{1b}[2J/a\\u{202e}.yaml');
    expectNoRaw(stderr);
  });

  it('a scenario file with hostile text: convenant test', async () => {
    const dir = scratch();
    dir.write(
      'scenarios/s.yaml',
      `scenarios:\n  - name: "${EVIL.replace(/\x1b/g, '\\e')
        .replace(/\x07/g, '\\a')
        .replace(
          /[\x9b\u202e\u2066\r\b\0\u0085\u2028\u061c]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )}"\n    answers: { gevaar: nee }\n    expect: { text: ["${'\\e[31m'}niet aanwezig"] }\n`,
    );
    const { code, stdout, stderr } = await runCli(['test', 'proto'], { cwd: dir.root });
    expect(code).toBe(1);
    expect(stdout).toMatch(/PWNED/);
    expectNoRaw(stdout);
    expectNoRaw(stderr);
  });
});

describe('the terminal prompts of the wizard', () => {
  /** A terminal in memory: what the prompts write, and a keyboard to answer them. */
  function terminal() {
    let screen = '';
    const stdout = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          screen += chunk.toString();
          done();
        },
      }),
      // Like process.stdout, never ended by a prompt that pipes into it.
      { isTTY: true, columns: 100, rows: 40, end: () => stdout },
    );
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const io: Io = { stdout, stderr: stdout, stdin, env: {}, cwd: FIXTURES };
    /** Types `keys` once the prompt has drawn `ready` (waits for the prompt, not for a time). */
    const type = async (ready: string, keys: string) => {
      while (!screen.includes(ready)) await new Promise((r) => setImmediate(r));
      stdin.write(keys);
    };
    return { io, type, screen: () => screen };
  }

  const base: QuestionBase = { step: 'a', question: EVIL, help: EVIL, flowTitle: EVIL, number: 2, remainingAtMost: 3, canGoBack: true, now: [EVIL] };
  const choices = [
    { value: 'x', label: EVIL, help: EVIL },
    { value: 'y', label: 'Andere keuze' },
  ];

  /** The screen holds none of the hostile sequences; what is left are inquirer's own cursor moves. */
  const expectSafeScreen = (screen: string) => {
    expect(screen).toMatch(SHOWN);
    for (const raw of ['\x1b[2J', '\x1b]0;', '\x07', '\x9b', '\u202e', '\u2066', '\b', '\0', '\u0085', '\u2028', '\u061c']) expect(screen).not.toContain(raw);
    expectNoRaw(screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
  };

  it('a choice question, its options, help and the "now" banner', async () => {
    const t = terminal();
    const prompter = new InquirerPrompter(t.io, createTheme(0));
    const answer = prompter.select({ ...base, choices });
    await t.type('Andere keuze', '\r');
    expect(await answer).toBe('x');
    expectSafeScreen(t.screen());
  });

  it('a number question with its unit', async () => {
    const t = terminal();
    const prompter = new InquirerPrompter(t.io, createTheme(0));
    const answer = prompter.number({ ...base, min: 4, max: 99, unit: EVIL, allowUnknown: true });
    await t.type('? Tekst', '14\r');
    expect(await answer).toBe(14);
    expectSafeScreen(t.screen());
  });

  it('a multiple-choice question', async () => {
    const t = terminal();
    const prompter = new InquirerPrompter(t.io, createTheme(0));
    const answer = prompter.multi({ ...base, choices, allowUnknown: true });
    await t.type('Andere keuze', ' \r');
    expect(await answer).toEqual(['x']);
    expectSafeScreen(t.screen());
  });

  it('the review of the answers and an urgent notice', async () => {
    const t = terminal();
    const prompter = new InquirerPrompter(t.io, createTheme(0));
    prompter.urgent([EVIL]);
    const decision = prompter.review([{ step: 'a', question: EVIL, answer: EVIL }]);
    await t.type('Ja, toon het advies', '\r');
    expect(await decision).toEqual({ kind: 'advice' });
    expectSafeScreen(t.screen());
  });
});
