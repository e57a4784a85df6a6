// `convenant incident` in-process: answers files replayed exactly in all three formats, every
// answers-file problem a clear exit 2, no terminal → exit 2, and --output written safely.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import { Cancelled } from '../../src/ui/cancelled.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { memoryIo, runCli } from '../helpers/run-cli.js';
import { ACUTE_ANSWERS as ACUTE, SHIPPED_DIR } from '../helpers/shipped.js';

/** 2026-01-15T09:30:00Z */
const EPOCH = '1768469400';
const ENV = { SOURCE_DATE_EPOCH: EPOCH };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-incident-'));
  writeFileSync(join(dir, 'antwoorden.yaml'), ACUTE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = ENV) => runCli(['incident', ...args], { cwd: dir, env });

describe('convenant incident --answers', () => {
  it('prints the advice as text, "Bel 112" first and a recap at the end', async () => {
    const { code, stdout, stderr } = await run(['--answers', 'antwoorden.yaml']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const firstItem = stdout.split('\n').find((l) => l.trimStart().startsWith('▶'));
    expect(firstItem).toContain('Bel 112.');
    expect(stdout.indexOf('━━  NU DIRECT')).toBeLessThan(stdout.indexOf('━━ VANDAAG'));
    // The advice opens with the "Nu en vandaag" card: the police number with the police's first task.
    const card = stdout.slice(stdout.indexOf('━━ NU EN VANDAAG'), stdout.indexOf('━━  NU DIRECT'));
    expect(card).toMatch(/1\. Bel 112\.[\s\S]*Bel: 112 bij spoed, 0900-8844 zonder spoed[\s\S]*Vandaag/);
    expect(stdout).toContain('Politie-eenheid Limburg, basisteam Weert');
    expect(stdout).toContain('0900-8844');
    const recap = stdout.slice(stdout.lastIndexOf('━━ '));
    expect(recap).toMatch(/^━━ IN HET KORT[\s\S]*Nu direct +▶ Bel 112\./);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('prints a markdown record with date, protocol id and version, the answers and no colour codes', async () => {
    const { code, stdout } = await run(['--answers', 'antwoorden.yaml', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# Advies bij een incident\n')).toBe(true);
    expect(stdout).toMatch(/\| Datum \| 15 januari 2026 om \d\d:30 \|/);
    expect(stdout).toMatch(/\| Protocol \| .*\(weert-nederweert, versie [^)]+\) \|/);
    expect(stdout).toContain('Hoe oud is degene die het (vermoedelijk) deed? **14 jaar**');
    expect(stdout).toContain('```yaml\nacuut-gevaar: ja\ncategorie: [fysiek-geweld]\ndader: leerling\n');
  });

  it('prints JSON that replays to the same advice when given back as --answers', async () => {
    const first = await run(['--answers', 'antwoorden.yaml', '--format', 'json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, generated: '2026-01-15T09:30:00.000Z', protocol: { id: 'weert-nederweert' } });
    expect(doc.actions[0].text).toBe('Bel 112.');
    writeFileSync(join(dir, 'advies.json'), first.stdout);
    const again = await run(['--answers', 'advies.json', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('accepts the answers file as JSON, and yes-no answers as true/false', async () => {
    const context = { dader: 'leerling', slachtoffer: 'leerling', leeftijd: 14, schooltype: 'vo', plek: 'op-school' };
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ 'acuut-gevaar': 'nee', categorie: ['fysiek-geweld'], ...context, 'fysiek-geweld-letsel': false }));
    const { code, stderr } = await run(['--answers', 'a.json']);
    // Whatever the flow asks next is missing: the error names that step, proving the JSON was read.
    expect(code).toBe(2);
    // (fysiek-geweld-dader is settled by the context "dader", so the next question is the age.)
    expect(stderr).toMatch(/geen antwoord voor vraag "(fysiek-geweld-[a-z-]+|dader-leeftijd)"/);
  });

  it.each([
    ['an unknown step', 'fysiek-geweld-letzel: ja\n', /vraag "fysiek-geweld-letzel" bestaat niet in dit protocol \(bedoel je "fysiek-geweld-letsel"\?\)/],
    ['an invalid answer', 'acuut-gevaar: misschien\n', /ongeldig antwoord voor "acuut-gevaar"/],
    ['an answer for a question this walk never asks', 'verzuim-soort: spijbelen\n', /antwoord voor "verzuim-soort" is niet gebruikt/],
  ])('refuses %s with exit 2, naming the step', async (_name, extra, message) => {
    const base = extra.startsWith('acuut-gevaar') ? ACUTE.replace('acuut-gevaar: ja\n', '') : ACUTE;
    writeFileSync(join(dir, 'fout.yaml'), base + extra);
    const { code, stdout, stderr } = await run(['--answers', 'fout.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses a walk that stops at a question without an answer', async () => {
    writeFileSync(join(dir, 'kort.yaml'), 'acuut-gevaar: nee\n');
    const { code, stderr } = await run(['--answers', 'kort.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('geen antwoord voor vraag "categorie" (Waar gaat het om? Kies alles wat past.)');
  });

  it('refuses an answers file that is not YAML, with its position', async () => {
    writeFileSync(join(dir, 'kapot.yaml'), 'acuut-gevaar: [nee\n');
    const { code, stderr } = await run(['--answers', 'kapot.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/kapot\.yaml:\d+:\d+: dit is geen geldig YAML- of JSON-bestand/);
  });

  it('refuses a missing answers file', async () => {
    const { code, stderr } = await run(['--answers', 'bestaat-niet.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('kan het antwoordenbestand bestaat-niet.yaml niet lezen');
  });

  it('refuses an unknown format', async () => {
    const { code, stderr } = await run(['--answers', 'antwoorden.yaml', '--format', 'pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('onbekend formaat "pdf"');
  });

  it('prints the protocol errors as file:line:column and exits 2', async () => {
    const broken = join(dir, 'protocol');
    mkdirSync(broken);
    writeFileSync(join(broken, 'protocol.yaml'), 'protocol:\n  id: kapot\n  titel: x\n');
    const { code, stdout, stderr } = await run(['--answers', 'antwoorden.yaml', '--protocols', 'protocol']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^protocol\/protocol\.yaml:\d+:\d+ /m);
    expect(stderr).toContain('bevat fouten');
  });

  it('shows an advice cut short by a protocol fault, exits 2 and saves nothing', async () => {
    const loop = join(dir, 'kring');
    mkdirSync(loop);
    writeFileSync(
      join(loop, 'protocol.yaml'),
      [
        'protocol: { id: kring, title: Kring, region: Test, version: "1", signed: "2025-10-01", evaluation: "2026-10-01", start: main }',
        'sources: [{ id: s1, kind: covenant, title: Bron }]',
        'flows:',
        '  - id: main',
        '    title: Kring',
        '    steps:',
        '      - { id: vraag, type: yes-no, question: Gevaar?, yes: { advice: [{ action: Bel 112., urgency: immediate, sources: [s1] }] }, next: a }',
        '      - { id: a, type: route, routes: [{ when: { step: vraag, answered: true }, next: b }], otherwise: { next: end } }',
        '      - { id: b, type: route, routes: [{ when: { step: vraag, answered: true }, next: a }], otherwise: { next: end } }',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'kring.yaml'), 'vraag: ja\n');
    const { code, stdout, stderr } = await run(['--answers', 'kring.yaml', '--protocols', 'kring', '--format', 'json', '--output', 'advies.json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ actions: [{ text: 'Bel 112.' }], fault: expect.stringContaining('kring') });
    expect(stderr).toContain('niet bewaard');
    expect(readdirSync(dir)).not.toContain('advies.json');
  });

  it('uses CONVENANT_PROTOCOLS when --protocols is not given', async () => {
    const { code } = await run(['--answers', 'antwoorden.yaml'], { ...ENV, CONVENANT_PROTOCOLS: SHIPPED_DIR });
    expect(code).toBe(0);
    const missing = await run(['--answers', 'antwoorden.yaml'], { ...ENV, CONVENANT_PROTOCOLS: 'nergens' });
    expect(missing.code).toBe(2);
  });
});

describe('convenant incident without a terminal', () => {
  it('exits 2 at once and points to --answers', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--answers');
  });

  it('also when only stdout is a terminal', async () => {
    const io = memoryIo({ cwd: dir, stdoutTTY: true, stdinTTY: false });
    const { main } = await import('../../src/cli/main.js');
    expect(await main(['incident'], io)).toBe(2);
    expect(io.out()).toBe('');
  });
});

describe('convenant incident --output', () => {
  const files = () => readdirSync(dir).sort();

  it('writes the chosen format to a file readable only by the user, and says where', async () => {
    const shown = await run(['--answers', 'antwoorden.yaml', '--format', 'markdown']);
    const { code, stdout, stderr } = await run(['--answers', 'antwoorden.yaml', '--format', 'markdown', '--output', 'advies.md']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('advies.md');
    expect(readFileSync(join(dir, 'advies.md'), 'utf8')).toBe(shown.stdout);
    expect(statSync(join(dir, 'advies.md')).mode & 0o777).toBe(0o600);
    expect(files()).toEqual(['advies.md', 'antwoorden.yaml']);
  });

  it('never overwrites an existing file without --force, and leaves it untouched', async () => {
    writeFileSync(join(dir, 'advies.txt'), 'eerder verslag');
    const { code, stderr } = await run(['--answers', 'antwoorden.yaml', '--output', 'advies.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('advies.txt bestaat al');
    expect(stderr).toContain('--force');
    expect(readFileSync(join(dir, 'advies.txt'), 'utf8')).toBe('eerder verslag');
    expect(files()).toEqual(['advies.txt', 'antwoorden.yaml']);
  });

  it('replaces an existing file with --force, with mode 0600', async () => {
    writeFileSync(join(dir, 'advies.json'), 'oud', { mode: 0o644 });
    const { code } = await run(['--answers', 'antwoorden.yaml', '--format', 'json', '--output', 'advies.json', '--force']);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'advies.json'), 'utf8')).schemaVersion).toBe(1);
    expect(statSync(join(dir, 'advies.json')).mode & 0o777).toBe(0o600);
    expect(files()).toEqual(['advies.json', 'antwoorden.yaml']);
  });

  it('refuses a folder that does not exist, and writes nothing', async () => {
    const { code, stderr } = await run(['--answers', 'antwoorden.yaml', '--output', 'map/advies.md']);
    expect(code).toBe(2);
    expect(stderr).toContain('bestaat niet');
    expect(files()).toEqual(['antwoorden.yaml']);
  });

  it('writes nothing when an answers-file problem stops the run', async () => {
    writeFileSync(join(dir, 'fout.yaml'), 'acuut-gevaar: misschien\n');
    const { code } = await run(['--answers', 'fout.yaml', '--output', 'advies.md']);
    expect(code).toBe(2);
    expect(files()).toEqual(['antwoorden.yaml', 'fout.yaml']);
  });

  it('refuses an existing file before any question is asked', async () => {
    writeFileSync(join(dir, 'advies.md'), 'eerder');
    const prompter = new FakePrompter([]);
    const io = memoryIo({ cwd: dir, stdinTTY: true, stdoutTTY: true });
    await expect(runIncident(io, { format: 'markdown', output: 'advies.md' }, { prompter })).rejects.toThrow(/bestaat al/);
    expect(prompter.asked).toEqual([]);
  });
});

describe('convenant incident interrupted', () => {
  it('Ctrl-C in a question: Cancelled, and no file is written', async () => {
    const prompter = new FakePrompter([['acuut-gevaar', 'nee']]);
    prompter.select = () => Promise.reject(new Cancelled());
    const io = memoryIo({ cwd: dir, stdinTTY: true, stdoutTTY: true });
    await expect(runIncident(io, { format: 'text', output: 'advies.txt' }, { prompter })).rejects.toBeInstanceOf(Cancelled);
    expect(readdirSync(dir)).toEqual(['antwoorden.yaml']);
  });

  it('Ctrl-C after the last answer: nothing is written either', async () => {
    const controller = new AbortController();
    const io = memoryIo({ cwd: dir, signal: controller.signal });
    controller.abort();
    await expect(runIncident(io, { format: 'text', answers: 'antwoorden.yaml', output: 'advies.txt' })).rejects.toBeInstanceOf(Cancelled);
    expect(readdirSync(dir)).toEqual(['antwoorden.yaml']);
  });

  it('main() turns it into one Dutch line and exit 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const { code, stdout, stderr } = await runCli(['incident', '--answers', 'antwoorden.yaml', '--output', 'advies.txt'], { cwd: dir, signal: controller.signal });
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['antwoorden.yaml']);
  });
});

const scripted = (...end: ConstructorParameters<typeof FakePrompter>[0]) => {
  const answers = ACUTE.trim()
    .split('\n')
    .map((line) => line.split(': ') as [string, string]);
  const value = (k: string, v: string) => (k === 'dader-leeftijd' || k === 'leeftijd' ? Number(v) : k === 'categorie' ? v.replace(/[[\]]/g, '').split(', ') : v);
  return new FakePrompter([...answers.map(([k, v]) => [k, value(k, v)] as const), ['review', 'advice'], ...end]);
};

describe('convenant incident, interactive, after the advice', () => {
  // HOME is the test folder: without a documents folder in it, advice is saved there.
  const interactiveIo = () => memoryIo({ cwd: dir, stdinTTY: true, stdoutTTY: true, env: { ...ENV, HOME: dir } });

  it('offers to save; "no" writes nothing', async () => {
    const prompter = scripted(['save', null]);
    expect(await runIncident(interactiveIo(), { format: 'text' }, { prompter, now: () => new Date(2026, 0, 15, 10, 30) })).toBe(0);
    expect(prompter.steps.at(-1)).toBe('save');
    expect(readdirSync(dir)).toEqual(['antwoorden.yaml']);
  });

  it('saves under a free, dated name suggested per format, with mode 0600', async () => {
    writeFileSync(join(dir, 'advies-2026-01-15.md'), 'eerder');
    const prompter = scripted(['save', { format: 'markdown' }]);
    const io = interactiveIo();
    await runIncident(io, { format: 'text' }, { prompter, now: () => new Date(2026, 0, 15, 10, 30) });
    const saved = join(dir, 'advies-2026-01-15-2.md');
    expect(readFileSync(saved, 'utf8').startsWith('# Advies bij een incident')).toBe(true);
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'advies-2026-01-15.md'), 'utf8')).toBe('eerder');
    expect(io.out()).toContain('Advies bewaard in');
  });

  it('refuses a name that exists, so the user can pick another', async () => {
    writeFileSync(join(dir, 'mijn.json'), 'eerder');
    const prompter = scripted(['save', { format: 'json', file: 'mijn.json' }]);
    await expect(runIncident(interactiveIo(), { format: 'text' }, { prompter })).rejects.toThrow(/refused: .*mijn\.json bestaat al/);
    expect(readFileSync(join(dir, 'mijn.json'), 'utf8')).toBe('eerder');
  });

  it('does not offer to save when --output was given', async () => {
    const prompter = scripted();
    await runIncident(interactiveIo(), { format: 'json', output: 'advies.json' }, { prompter });
    expect(prompter.steps).not.toContain('save');
  });
});

describe('convenant incident, interactive with a scripted prompter', () => {
  it('shows the text advice on screen and saves the chosen format', async () => {
    const prompter = scripted();
    const io = memoryIo({ cwd: dir, stdinTTY: true, stdoutTTY: true, env: ENV });
    const code = await runIncident(io, { format: 'json', output: 'advies.json' }, { prompter });
    expect(code).toBe(0);
    expect(io.out()).toContain('NU DIRECT');
    expect(io.out()).toContain('Advies bewaard in');
    const saved = JSON.parse(readFileSync(join(dir, 'advies.json'), 'utf8'));
    // The record also lists the steps the context settled (fysiek-geweld-dader, from "dader"), marked inferred.
    const asked = ACUTE.trim()
      .split('\n')
      .map((l) => l.split(':')[0]);
    expect(saved.answers.filter((a: { inferred?: boolean }) => !a.inferred).map((a: { step: string }) => a.step)).toEqual(asked);
    expect(saved.answers.filter((a: { inferred?: boolean }) => a.inferred).map((a: { step: string }) => a.step)).toContain('fysiek-geweld-dader');
  });
});
