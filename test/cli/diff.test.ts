// `convenant diff` on real folders and on git revisions: questions added, removed and reworded, and
// the answer paths whose partners, urgencies or rules change.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINI_DIR } from '../helpers/mini.js';
import { runCli } from '../helpers/run-cli.js';

let cwd: string;
let before: string;
let after: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'convenant-diff-'));
  before = join(cwd, 'oud');
  after = join(cwd, 'nieuw');
  cpSync(MINI_DIR, before, { recursive: true });
  cpSync(MINI_DIR, after, { recursive: true });
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** Edits the new version's flow file. */
function edit(change: (text: string) => string, dir = after): void {
  const file = join(dir, 'flows', 'melding.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed, 'the edit must change the file').not.toBe(text);
  writeFileSync(file, changed);
}

const diff = (...args: string[]) => runCli(['diff', ...args], { cwd });

describe('convenant diff', () => {
  it('says nothing changes for identical versions', async () => {
    const { code, stdout } = await diff('oud', 'nieuw');
    expect(code).toBe(0);
    expect(stdout).toContain('**Vragen:** geen vragen bij, weg of anders gesteld.');
    expect(stdout).toMatch(/\*\*Advies:\*\* gelijk op alle \d+ vergeleken antwoordpaden\./);
  });

  it('shows a changed urgency on the answer path that reaches it, before and after', async () => {
    edit((t) => t.replace('urgency: today\n                task: Overleg', 'urgency: immediate\n                task: Overleg'));
    const { stdout } = await diff('oud', 'nieuw');
    expect(stdout).toMatch(/### Advies dat verandert \(1 van \d+ vergeleken antwoordpaden\)/);
    expect(stdout).toContain('#### gevaar = nee · soort = ruzie · leeftijd = 12');
    expect(stdout).toContain('| Politie Testdorp | vandaag | nu direct |');
  });

  it('lists new, removed and reworded questions, and a rule that comes or goes', async () => {
    edit((t) =>
      t
        .replace('question: Is er nu gevaar?', 'question: Is er op dit moment gevaar?')
        .replace(
          '            call: leeftijd\n',
          '            advice:\n              - rule: meldcode\n                conclusion: Kijk ook naar thuis.\n                sources: [bron-wet]\n            call: leeftijd\n',
        )
        .replace(/ {6}- id: signalen[\s\S]*?next: end\n\n/, '      - id: signalen-nieuw\n        type: yes-no\n        question: Zie je letsel?\n        next: end\n\n')
        .replace('next: signalen', 'next: signalen-nieuw'),
    );
    const { stdout } = await diff('oud', 'nieuw');
    expect(stdout).toContain('- **Nieuw** `signalen-nieuw` (melding): Zie je letsel?');
    expect(stdout).toContain('- **Weg** `signalen` (melding): Welke signalen zie je? [Letsel / Veel verzuim]');
    expect(stdout).toContain('- **Anders** `gevaar` (melding): Is er nu gevaar? → Is er op dit moment gevaar?');
    expect(stdout).toContain('| regelset meldcode | — | geldt |');
    // A walk through the removed question cannot be finished in the new version.
    expect(stdout).toContain('kan zo niet meer worden doorlopen');
  });

  it('gives JSON for tools', async () => {
    edit((t) => t.replace('urgency: today\n                task: Overleg', 'urgency: this-week\n                task: Overleg'));
    const { stdout } = await diff('oud', 'nieuw', '--format', 'json');
    const report = JSON.parse(stdout);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0].partners).toEqual([{ id: 'politie', before: 'today', after: 'this-week' }]);
  });

  it('compares git revisions (REVISION:path)', async () => {
    const repo = join(cwd, 'repo');
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        stdio: 'pipe',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    cpSync(MINI_DIR, join(repo, 'protocol'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    edit((t) => t.replace('urgency: today\n                task: Overleg', 'urgency: immediate\n                task: Overleg'), join(repo, 'protocol'));
    git('commit', '-qam', 'two');
    const { code, stdout, stderr } = await runCli(['diff', 'HEAD~1:protocol', 'HEAD:protocol'], { cwd: repo });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('HEAD~1:protocol → HEAD:protocol');
    expect(stdout).toContain('| Politie Testdorp | vandaag | nu direct |');
    // As git reads REVISION:path: from the top of the repository, also in a subfolder; ./ and ../ from here.
    mkdirSync(join(repo, 'sub'));
    for (const [before, after] of [
      ['HEAD~1:protocol', 'HEAD:protocol'],
      ['HEAD~1:../protocol', 'HEAD:./../protocol/'],
    ]) {
      const fromSub = await runCli(['diff', before!, after!], { cwd: join(repo, 'sub') });
      expect(fromSub.stderr).toBe('');
      expect(fromSub.code).toBe(0);
      expect(fromSub.stdout).toContain('| Politie Testdorp | vandaag | nu direct |');
    }
    const dotted = await runCli(['diff', 'HEAD~1:./protocol', 'HEAD:protocol'], { cwd: repo });
    expect(dotted.stderr).toBe('');
    expect(dotted.stdout).toContain('| Politie Testdorp | vandaag | nu direct |');
  });

  it('refuses a version with a file that is not UTF-8, from a folder and from git, naming the file and the byte', async () => {
    // "é" in Latin-1: the file cannot be decoded. Before, a folder compared without the file and git
    // compared its text with replacement characters.
    const latin1 = (dir: string) => {
      const file = join(dir, 'flows', 'melding.yaml');
      const bytes = readFileSync(file);
      const at = bytes.indexOf('Is er nu gevaar?');
      expect(at).toBeGreaterThan(0);
      writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]));
    };
    latin1(after);
    const folder = await diff('oud', 'nieuw');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('nieuw/flows/melding.yaml');
    expect(folder.stderr).toContain('geen geldige UTF-8');
    expect(folder.stderr).toContain('waarschijnlijk "é"');

    const repo = join(cwd, 'repo');
    cpSync(MINI_DIR, join(repo, 'protocol'), { recursive: true });
    latin1(join(repo, 'protocol'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        stdio: 'pipe',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    const fromGit = await runCli(['diff', 'HEAD:protocol', join(cwd, 'oud')], { cwd: repo });
    expect(fromGit.code).toBe(2);
    expect(fromGit.stderr).toContain('HEAD:protocol/flows/melding.yaml');
    expect(fromGit.stderr).toContain('geen geldige UTF-8');
  });

  it('refuses a version whose scenario file is not UTF-8, naming it (its answer paths would be missing)', async () => {
    mkdirSync(join(after, 'scenarios'));
    writeFileSync(join(after, 'scenarios', 'kapot.yaml'), Buffer.from('scenarios:\n  - name: "caf\xe9"\n', 'latin1'));
    const { code, stderr } = await diff('oud', 'nieuw');
    expect(code).toBe(2);
    expect(stderr).toContain('nieuw/scenarios/kapot.yaml:2:15 het bestand is geen geldige UTF-8-tekst');
  });

  it('refuses a version it cannot read, with exit 2', async () => {
    const missing = await diff('bestaat-niet', 'nieuw');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('bestaat-niet');
    const badRevision = await diff('geen-revisie:oud', 'nieuw');
    expect(badRevision.code).toBe(2);
    expect(badRevision.stderr).toContain('niet uit git lezen');
  });
});
