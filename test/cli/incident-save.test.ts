// Saving the advice like a desktop program: the suggested file is in the documents folder, "~" is
// the home folder, a bare name goes in the documents folder, and the full path is printed.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import { documentsDir, savePath } from '../../src/cli/commands/incident-save.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { memoryIo } from '../helpers/run-cli.js';

let home: string;
let cwd: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'convenant-home-'));
  cwd = mkdtempSync(join(tmpdir(), 'convenant-cwd-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

const io = (env: Record<string, string> = {}) => memoryIo({ cwd, stdinTTY: true, stdoutTTY: true, env: { HOME: home, SOURCE_DATE_EPOCH: '1768469400', ...env } });

describe('documentsDir', () => {
  it.each([
    // folders to make, environment, user-dirs.dirs line, expected (relative to home)
    [[], {}, undefined, '.'],
    [['Documents'], {}, undefined, 'Documents'],
    [['Documenten', 'Documents'], {}, undefined, 'Documenten'],
    [['Werk'], { XDG_DOCUMENTS_DIR: '$HOME/Werk' }, undefined, 'Werk'],
    [['Papieren', 'Documents'], {}, 'XDG_DOCUMENTS_DIR="$HOME/Papieren"', 'Papieren'],
    [['Documents'], { XDG_DOCUMENTS_DIR: '$HOME/bestaat-niet' }, undefined, 'Documents'],
  ] as [string[], Record<string, string>, string | undefined, string][])('%j %j %j → %s', (folders, env, userDirs, expected) => {
    for (const f of folders) mkdirSync(join(home, f));
    if (userDirs) {
      mkdirSync(join(home, '.config'));
      writeFileSync(join(home, '.config', 'user-dirs.dirs'), `# written by xdg-user-dirs-update\n${userDirs}\n`);
    }
    expect(documentsDir(io(env))).toBe(join(home, expected));
  });
});

describe('savePath', () => {
  it.each([
    ['verslag.md', 'docs/verslag.md'],
    ['~/thuis.txt', 'thuis.txt'],
    ['~', '.'],
    ['Sub/Map.md', 'docs/Sub/Map.md'],
  ])('%s → %s', (typed, expected) => {
    expect(savePath(io(), typed, join(home, 'docs'))).toBe(join(home, expected));
  });

  it('keeps an absolute path', () => {
    expect(savePath(io(), join(cwd, 'x.md'), home)).toBe(join(cwd, 'x.md'));
  });
});

describe('saving after the wizard', () => {
  const walk = (save: { format: 'markdown' | 'text' | 'json'; file?: string }) =>
    new FakePrompter([
      ['acuut-gevaar', 'ja'],
      ['categorie', ['fysiek-geweld']],
      ['dader', 'leerling'],
      ['slachtoffer', 'leerling'],
      ['leeftijd', 14],
      ['schooltype', 'vo'],
      ['plek', 'op-school'],
      ['fysiek-geweld-letsel', 'ja'],
      ['fysiek-geweld-ernst', 'ernstig'],
      ['dader-leeftijd', 14],
      ['herhaling-eerder', 'nee'],
      ['fysiek-geweld-bekent', 'ja'],
      ['fysiek-geweld-thuis', 'nee'],
      ['fysiek-geweld-camera', 'nee'],
      ['fysiek-geweld-getuigen', 'nee'],
      ['review', 'advice'],
      ['save', save],
    ]);

  it('suggests a file in the documents folder, saves it there (not in the current folder) and prints the full path', async () => {
    mkdirSync(join(home, 'Documents'));
    const term = io();
    const prompter = walk({ format: 'markdown' });
    expect(await runIncident(term, { format: 'text', pager: false }, { prompter })).toBe(0);
    const saved = readdirSync(join(home, 'Documents'));
    expect(saved).toEqual([expect.stringMatching(/^advies-\d{4}-\d\d-\d\d\.md$/)]);
    expect(readdirSync(cwd)).toEqual([]);
    expect(term.out()).toContain(`Advies bewaard in ${join(home, 'Documents', saved[0]!)}`);
    // The record is a follow-up list: every action and task has a tick box.
    const record = readFileSync(join(home, 'Documents', saved[0]!), 'utf8');
    expect(record).toMatch(/^- \[ \] /m);
  });

  it('expands "~" in a typed name', async () => {
    const term = io();
    await runIncident(term, { format: 'text', pager: false }, { prompter: walk({ format: 'text', file: '~/thuis.txt' }) });
    expect(readFileSync(join(home, 'thuis.txt'), 'utf8')).toContain('NU EN VANDAAG');
  });
});
