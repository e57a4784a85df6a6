// `node bin/convenant.cjs incident` in a real pseudo-terminal (tmux): the happy path to the advice,
// and Ctrl-C → exit 130 with nothing written. No fixed sleeps: every step polls the screen until
// the expected text appears, with a generous deadline.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/built-cli.js';
import { HAS_TMUX, SKIPPED, Tmux } from '../helpers/tmux.js';
import { ACUTE_ANSWERS } from '../helpers/shipped.js';
import { spawnSync } from 'node:child_process';

const tmux = new Tmux();
let dir: string;

const start = (args: string) => tmux.start(`node ${BIN} incident ${args}`, { cwd: dir });
const screen = () => tmux.history();
const waitFor = (what: string, test: (text: string) => boolean) => tmux.waitFor(what, test);
const keys = (...k: string[]) => tmux.keys(...k);
const literal = (text: string) => tmux.literal(text);

/** The part of the screen from the header of question `n` on, once its prompt is waiting for input. */
async function question(n: number): Promise<string> {
  const marker = `Vraag ${n} ·`;
  const text = await waitFor(`question ${n}`, (t) => {
    const at = t.lastIndexOf(marker);
    return (at >= 0 && /\n\? /.test(t.slice(at))) || t.includes('? Kloppen deze antwoorden?');
  });
  return text.includes('? Kloppen deze antwoorden?') ? 'review' : text.slice(text.lastIndexOf(marker));
}

describe.skipIf(!HAS_TMUX)(`convenant incident in a terminal${SKIPPED}`, () => {
  beforeAll(() => {
    ensureBuilt();
    tmux.open();
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convenant-tty-'));
  });
  afterEach(() => {
    tmux.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => tmux.close());

  /** "Nee" to acute danger, the category typed, then whatever comes: first option, a number, one checkbox. */
  async function walkToReview(category: string): Promise<void> {
    expect(await question(1)).toContain('Is er nu iemand in gevaar');
    keys('Down', 'Down', 'Down', 'Enter'); // Nee (after: nu in gevaar, dader in de buurt, net gebeurd op school)
    await question(2);
    // Categories are a multi (checkboxes, no type-to-jump): move down to the option, tick it, confirm.
    const options = screen()
      .slice(screen().lastIndexOf('Vraag 2 ·'))
      .split('\n')
      .filter((l) => /^[ ❯]◯ /.test(l))
      .map((l) => l.slice(3));
    const at = options.indexOf(category);
    expect(at, `option "${category}" in ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
    if (at > 0) keys(...Array<string>(at).fill('Down'));
    await waitFor(`the cursor on "${category}"`, (t) => t.includes(`❯◯ ${category}`));
    keys('Space', 'Enter');
    for (let n = 3; ; n++) {
      const q = await question(n);
      if (q === 'review') break;
      if (n > 40) throw new Error('the walk does not end');
      if (q.includes('Typ een getal')) {
        literal('14');
        keys('Enter');
      } else if (q.includes('spatie')) keys('Space', 'Enter');
      else keys('Enter');
    }
    expect(screen()).toMatch(new RegExp(`Je antwoorden[\\s\\S]*Waar gaat het om\\?[\\s\\S]*${category}`));
  }

  it('walks from the first question to the advice and saves it', async () => {
    start('--format markdown --output advies.md --no-pager');
    await walkToReview('Vuurwerk');
    keys('Enter'); // Ja, toon het advies

    const done = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(done).toContain('EXIT:0');
    expect(done).toContain('IN HET KORT');
    expect(done).toContain('Advies bewaard in');
    const saved = readFileSync(join(dir, 'advies.md'), 'utf8');
    expect(saved.startsWith('# Advies bij een incident')).toBe(true);
    expect(saved).toContain('Vuurwerk');
    expect(statSync(join(dir, 'advies.md')).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('without --output, offers to save the advice after showing it, in the documents folder', async () => {
    // A temporary home with a documents folder: the advice goes there, not in the current folder.
    const home = join(dir, 'thuis');
    mkdirSync(join(home, 'Documents'), { recursive: true });
    tmux.start(`node ${BIN} incident --no-pager`, { cwd: dir, env: { HOME: home } });
    await walkToReview('Diefstal of heling');
    keys('Enter'); // Ja, toon het advies
    await waitFor('the offer to save', (t) => t.includes('? Wil je dit advies bewaren?'));
    expect(screen()).toContain('IN HET KORT');
    keys('Down', 'Enter'); // als verslag (markdown)
    const documents = join(home, 'Documents');
    await waitFor('the file name question', (t) => t.replace(/\n\s*/g, '').includes(`? Naam van het bestand: (${documents}/advies-`));
    keys('Enter'); // the suggested name
    const done = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(done).toContain('EXIT:0');
    const [file, ...rest] = readdirSync(documents);
    expect(rest).toEqual([]);
    expect(file).toMatch(/^advies-\d{4}-\d\d-\d\d\.md$/);
    expect(readdirSync(dir)).toEqual(['thuis']);
    const saved = readFileSync(join(documents, file!), 'utf8');
    expect(saved).toContain('Diefstal of heling');
    expect(saved).toMatch(/^- \[ \] /m);
    expect(done.replace(/\n/g, '')).toContain(`Advies bewaard in ${join(documents, file!)}`);
  }, 120_000);

  it('goes back with "← Vorige vraag"', async () => {
    start('');
    await question(1);
    keys('Down', 'Down', 'Down', 'Enter'); // Nee
    await question(2);
    keys('Space', 'Enter'); // Fysiek geweld
    await question(3); // the first context question, a single choice
    keys(...Array<string>(30).fill('Down')); // the list does not wrap: this ends on "← Vorige vraag"
    await waitFor('the cursor on "← Vorige vraag"', (t) => /❯ ← Vorige vraag/.test(t));
    keys('Enter');
    const again = await waitFor('question 2 again', (t) => (t.match(/Vraag 2 ·/g) ?? []).length === 2 && /\n\? Waar gaat het om/.test(t.slice(t.lastIndexOf('Vraag 2 ·'))));
    // The earlier answer is pre-selected.
    expect(again.slice(again.lastIndexOf('Vraag 2 ·'))).toMatch(/◉ Fysiek geweld/);
  }, 120_000);

  // The advice is longer than the screen, so it is paged: by less when it is there (which ignores
  // Ctrl-C unless told otherwise), else by the built-in pager (PATH without less).
  const HAS_LESS = spawnSync('less', ['--version'], { stdio: 'ignore' }).status === 0;
  async function interruptPager(pager: string, prompt: RegExp, env: Record<string, string>): Promise<void> {
    writeFileSync(join(dir, 'a.yaml'), ACUTE_ANSWERS);
    tmux.start(`${process.execPath} ${BIN} incident --answers a.yaml`, { cwd: dir, env, size: { width: 100, height: 30 } });
    await waitFor(`the first page in ${pager}`, (t) => t.includes('NU EN VANDAAG') && prompt.test(tmux.visible()));
    keys('C-c');
    const done = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(done).toContain('EXIT:130');
    expect(done).toContain('Afgebroken. Er is niets opgeslagen.');
  }

  it.skipIf(!HAS_LESS)(
    `Ctrl-C in less ends the command: one Dutch line, exit 130${HAS_LESS ? '' : ' (skipped: less is not installed)'}`,
    async () => {
      await interruptPager('less', /\n:\s*$/, {});
    },
    120_000,
  );

  it('Ctrl-C in the built-in pager (no less on PATH) ends the command: one Dutch line, exit 130', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    await interruptPager('the built-in pager', /-- meer \(\d+%\)/, { PATH: bin });
  }, 120_000);

  it('Ctrl-C in the middle: one Dutch line, exit 130, nothing written', async () => {
    start('--output advies.txt');
    await question(1);
    keys('Down', 'Enter');
    await question(2);
    keys('C-c');
    const done = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(done).toContain('EXIT:130');
    expect(done).toContain('Afgebroken. Er is niets opgeslagen.');
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);
});
