// Hostile input through the commands a user runs: `validate` and `incident` on hostile protocol
// folders, `incident --answers` with hostile answers files, `test` with hostile scenario files.
// Each case: the exit code, the located message (file:line:column) and no stack trace. A few
// also through the built binary in a child process.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { PROTOCOL_CASES, type Expected } from './cases.js';
import { fixture, hostileDir, STACK_LINE, type HostileDir } from './hostile-dir.js';

const TODAY = ['--today', '2025-12-01'];
let made: HostileDir[] = [];
afterEach(() => {
  made.forEach((h) => h.cleanup());
  made = [];
  delete (Object.prototype as Record<string, unknown>).polluted;
});
const folder = () => {
  const h = hostileDir();
  made.push(h);
  return h;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const number = (n: unknown) => (typeof n === 'number' ? String(n) : '\\d+');
const messagePattern = (e: Expected) => e.message.source.replace(/^\^/, '').replace(/\$$/, '');
/** The GitHub annotation of a diagnostic: `::error file=…,line=…,col=…,…title=code::message`. */
const annotation = (e: Expected) => new RegExp(`^::error file=${escape(e.file)},line=${number(e.line)},col=${number(e.column)},.*title=${e.code}::.*${messagePattern(e)}`, 'm');
/** How `incident` lists the protocol's errors before refusing: `file:line:column message [code]`. */
const listed = (e: Expected) => new RegExp(`^${escape(e.file)}:${number(e.line)}:${number(e.column)} .*${messagePattern(e)}.* \\[${e.code}\\]$`, 'm');
const exitFor = (expected: Expected[]) => (expected[0]!.code === 'io-error' ? 2 : 1);

const VALID_ANSWERS = 'gevaar: nee\n';

describe('convenant validate on a hostile folder', () => {
  it.each(PROTOCOL_CASES)('%s: exit 1 (2 for an unreadable file), located, no stack trace', async (_name, setup, expected) => {
    const h = folder();
    setup(h);
    const { code, stdout, stderr } = await runCli(['validate', 'proto', '--format', 'github', ...TODAY], { cwd: h.root });
    expect(code).toBe(exitFor(expected));
    for (const e of expected) expect(stdout).toMatch(annotation(e));
    expect(stdout + stderr).not.toMatch(STACK_LINE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows the location in the default (stylish) format too', async () => {
    const h = folder();
    h.write('syntax-error.yaml', fixture('syntax-error.yaml'));
    const { code, stdout } = await runCli(['validate', 'proto', ...TODAY], { cwd: h.root });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^proto\/syntax-error\.yaml\n {2}4:12 +fout +YAML-fout: het aanhalingsteken " hier wordt niet gesloten/m);
  });
});

describe('convenant incident on a hostile protocol folder', () => {
  it.each(PROTOCOL_CASES)('%s: exit 2 with the located errors, nothing on stdout', async (_name, setup, expected) => {
    const h = folder();
    setup(h);
    writeFileSync(join(h.root, 'antwoorden.yaml'), VALID_ANSWERS);
    const { code, stdout, stderr } = await runCli(['incident', '--protocols', 'proto', '--answers', 'antwoorden.yaml'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const e of expected) expect(stderr).toMatch(listed(e));
    expect(stderr).toMatch(/er kan geen advies gegeven worden/);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('gives advice from the base protocol when nothing hostile is added (the cases above fail for their file only)', async () => {
    const h = folder();
    writeFileSync(join(h.root, 'antwoorden.yaml'), VALID_ANSWERS);
    const { code, stdout } = await runCli(['incident', '--protocols', 'proto', '--answers', 'antwoorden.yaml'], { cwd: h.root });
    expect(code).toBe(0);
    expect(stdout).toContain('Overleg met de wijkagent');
  });
});

/** [description, the answers file's content, what stderr must say]. */
const ANSWERS_CASES: [string, string | Uint8Array, RegExp][] = [
  ['a YAML syntax error', 'gevaar: "nee\n', /a\.yaml:1:9: dit is geen geldig YAML- of JSON-bestand: het aanhalingsteken " hier wordt niet gesloten/],
  ['an empty file', '', /a\.yaml:1:1: verwacht per vraag-id een antwoord/],
  ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), /a\.yaml:1:1: dit is geen tekstbestand \(het bevat NUL-bytes\)/],
  ['a file that is not UTF-8', Buffer.from('gevaar: n\xe9\n', 'latin1'), /a\.yaml:1:10: het bestand is geen geldige UTF-8-tekst/],
  ['an alias bomb', fixture('alias-bomb.yaml'), /a\.yaml:7:8: de YAML-aliassen \(\*naam\) in dit bestand dijen uit/],
  ['an alias inside its own anchor', 'gevaar: &a [*a]\n', /a\.yaml:1:13: de alias \*a staat binnen zijn eigen anker &a/],
  ['deep nesting', `gevaar: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /a\.yaml:1:\d+: te diep genest/],
  ['a file over 256 KiB', `gevaar: nee\n${'# vulling\n'.repeat(30_000)}`, /a\.yaml:1:1: het bestand is 293 KiB; de grens is 256 KiB/],
  ['a very long line', `gevaar: ${'x'.repeat(200_000)}\n`, /ongeldig antwoord voor "gevaar": antwoord met "ja" of "nee"/],
  ['a very long unknown key', `{ "${'k'.repeat(200_000)}": nee }\n`, /vraag "k{59}…" bestaat niet in dit protocol/],
  ['__proto__ and constructor keys', '__proto__: { polluted: ja }\ngevaar: nee\nconstructor: ja\n', /a\.yaml:1:1: onbekende sleutel "__proto__"/],
  ['constructor as a step', 'gevaar: nee\nconstructor: ja\n', /vraag "constructor" bestaat niet in dit protocol/],
  [
    '__proto__ as a step of a saved JSON advice',
    '{"schemaVersion": 1, "answers": [{"step": "__proto__", "value": {"polluted": 1}}, {"step": "gevaar", "value": "nee"}]}',
    /vraag "__proto__" bestaat niet in dit protocol/,
  ],
  ['a duplicate key', 'gevaar: nee\ngevaar: ja\n', /a\.yaml:2:1: dubbele sleutel "gevaar": die staat in deze map al op regel 1/],
  [
    '20,000 unknown keys (the list is cut short)',
    Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n'),
    /vraag "k19" bestaat niet in dit protocol\n {2}- en nog 19981\n/,
  ],
  ['a !!js/function tag', 'gevaar: !!js/function "function () { globalThis.hacked = true }"\n', /a\.yaml:1:9: onbekende of niet toegestane YAML-tag/],
  ['a custom !foo tag', 'gevaar: !foo nee\n', /a\.yaml:1:9: onbekende of niet toegestane YAML-tag \(Unresolved tag: !foo\)/],
  ['a list at the top level', '- gevaar\n', /a\.yaml:1:1: verwacht per vraag-id een antwoord/],
  ['a scalar at the top level', 'nee\n', /a\.yaml:1:1: verwacht per vraag-id een antwoord/],
];

describe('convenant incident --answers with a hostile answers file', () => {
  it.each(ANSWERS_CASES)('%s: exit 2, located, no stack trace', async (_name, content, message) => {
    const h = folder();
    writeFileSync(join(h.root, 'a.yaml'), content);
    const { code, stdout, stderr } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr.length).toBeLessThan(3000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
  });

  it('a directory named *.yaml: exit 2', async () => {
    const h = folder();
    mkdirSync(join(h.root, 'a.yaml'));
    const { code, stderr } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/a\.yaml:1:1: dit is een map, geen bestand/);
  });

  it("a symlink named *.yaml is followed: the answers file is the user's own choice", async () => {
    const h = folder();
    writeFileSync(join(h.root, 'echt.txt'), VALID_ANSWERS);
    symlinkSync('echt.txt', join(h.root, 'a.yaml'));
    const { code } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: h.root });
    expect(code).toBe(0);
  });
});

describe('convenant test with a hostile scenario file', () => {
  it.each([
    ['a syntax error', fixture('syntax-error.yaml'), 'proto/scenarios/s.yaml', /4:12 +fout +YAML-fout/],
    ['an alias bomb', fixture('alias-bomb.yaml'), 'proto/scenarios/s.yaml', /7:8 +fout +de YAML-aliassen/],
    ['deep nesting', `scenarios: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'proto/scenarios/s.yaml', /1:\d+ +fout +te diep genest/],
    [
      '__proto__ in the answers',
      'scenarios:\n  - name: x\n    answers: { __proto__: { polluted: ja }, gevaar: nee }\n    expect: {}\n',
      'proto/scenarios/s.yaml',
      /3:16 +fout +onbekende sleutel "__proto__"/,
    ],
    ['a custom tag', 'scenarios: !foo []\n', 'proto/scenarios/s.yaml', /1:12 +fout +onbekende of niet toegestane YAML-tag/],
    ['a top-level list', '- name: x\n', 'proto/scenarios/s.yaml', /1:1 +fout +een scenariobestand begint met "scenarios:"/],
  ])('%s: exit 2, located, nothing run', async (_name, content, file, line) => {
    const h = folder();
    h.write('scenarios/s.yaml', content);
    const { code, stdout, stderr } = await runCli(['test', 'proto'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}\n`);
    expect(stderr).toMatch(line);
    expect(stderr).toMatch(/er is niets gedraaid/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the built binary on hostile input', () => {
  beforeAll(ensureBuilt, 120_000);

  it.each([
    'a YAML syntax error',
    'a "billion laughs" alias bomb',
    '100,000 nested flow lists (deeper than the YAML parser can go)',
    'a file over the size limit',
    '__proto__, constructor and prototype keys',
  ])('node bin/convenant.cjs validate DIR: %s', (name) => {
    const [, setup, expected] = PROTOCOL_CASES.find(([n]) => n === name)!;
    const h = folder();
    setup(h);
    const { code, stdout, stderr } = runBuilt(['validate', 'proto', '--format', 'github', ...TODAY], { cwd: h.root });
    expect(code).toBe(1);
    for (const e of expected) expect(stdout).toMatch(annotation(e));
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(STACK_LINE);
  });

  it('never reads or prints the target of a symlink that leaves the folder', () => {
    const h = folder();
    const secret = join(h.root, 'geheim-doel.yaml');
    writeFileSync(secret, 'sources:\n  - { id: geheim, kind: covenant, title: "GEHEIME INHOUD" }\n');
    symlinkSync(secret, join(h.dir, 'lek.yaml'));
    for (const format of ['stylish', 'github', 'json', 'sarif', 'junit']) {
      const { code, stdout, stderr } = runBuilt(['validate', 'proto', '--format', format, ...TODAY], { cwd: h.root });
      expect(code).toBe(1);
      expect(stdout).toContain('lek.yaml');
      expect(stdout + stderr).not.toContain('GEHEIME INHOUD');
      expect(stdout + stderr).not.toContain('geheim-doel');
    }
    writeFileSync(join(h.root, 'a.yaml'), VALID_ANSWERS);
    const walk = runBuilt(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: h.root });
    expect(walk.stderr).toMatch(/^proto\/lek\.yaml:1:1 deze koppeling \(symlink\) wijst buiten de protocolmap/m);
    expect(walk.stdout + walk.stderr).not.toContain('geheim-doel');
  });

  it('an answers file with an alias bomb: exit 2 and one located line', () => {
    const h = folder();
    writeFileSync(join(h.root, 'a.yaml'), fixture('alias-bomb.yaml'));
    const { code, stdout, stderr } = runBuilt(['incident', '--protocols', 'proto', '--answers', 'a.yaml'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^convenant: a\.yaml:7:8: de YAML-aliassen/);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});
