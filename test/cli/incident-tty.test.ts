// `node bin/convenant.js incident` in a real pseudo-terminal (tmux): the happy path to the advice,
// and Ctrl-C → exit 130 with nothing written. No fixed sleeps: every step polls the screen until
// the expected text appears, with a generous deadline.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/built-cli.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SKIPPED = HAS_TMUX ? '' : ' (skipped: tmux is not installed)';
/** Our own tmux server, apart from any the user runs. */
const SOCKET = `convenant-test-${process.pid}`;
const DEADLINE_MS = 30_000;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir: string;
let session: string;
let sessions = 0;

function start(args: string): void {
  session = `s${++sessions}`;
  // The exit code is printed after the command, then the pane stays open for inspection.
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', '-c', dir, `node ${BIN} incident ${args}; echo "EXIT:$?"; sleep 600`);
}

const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);

async function waitFor(what: string, test: (text: string) => boolean): Promise<string> {
  const until = Date.now() + DEADLINE_MS;
  let text = '';
  while (Date.now() < until) {
    text = screen();
    if (test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`waited ${DEADLINE_MS / 1000}s for ${what}; the screen shows:\n${text}`);
}

const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
const literal = (text: string) => tmux('send-keys', '-t', session, '-l', text);

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
    // A session that lives as long as the tests, so the server does not exit between them.
    tmux('new-session', '-d', '-s', 'keep', 'sleep 3600');
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convenant-tty-'));
  });
  afterEach(() => {
    try {
      tmux('kill-session', '-t', session);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // no server left
    }
  });

  /** "Nee" to acute danger, the category typed, then whatever comes: first option, a number, one checkbox. */
  async function walkToReview(category: string): Promise<void> {
    expect(await question(1)).toContain('Is er nu iemand in gevaar');
    keys('Down', 'Down', 'Down', 'Enter'); // Nee (after: nu in gevaar, dader in de buurt, net gebeurd op school)
    await question(2);
    // Categories are a multi (checkboxes, no type-to-jump): move down to the option, tick it, confirm.
    const options = screen().slice(screen().lastIndexOf('Vraag 2 ·')).split('\n').filter((l) => /^[ ❯]◯ /.test(l)).map((l) => l.slice(3));
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
    start('--format markdown --output advies.md');
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

  it('without --output, offers to save the advice after showing it', async () => {
    start('');
    await walkToReview('Diefstal of heling');
    keys('Enter'); // Ja, toon het advies
    await waitFor('the offer to save', (t) => t.includes('? Wil je dit advies bewaren?'));
    expect(screen()).toContain('IN HET KORT');
    keys('Down', 'Enter'); // als verslag (markdown)
    await waitFor('the file name question', (t) => /\? Naam van het bestand: \(advies-\d{4}-\d\d-\d\d\.md\)/.test(t));
    keys('Enter'); // the suggested name
    const done = await waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
    expect(done).toContain('EXIT:0');
    const [file, ...rest] = readdirSync(dir);
    expect(rest).toEqual([]);
    expect(file).toMatch(/^advies-\d{4}-\d\d-\d\d\.md$/);
    expect(readFileSync(join(dir, file!), 'utf8')).toContain('Diefstal of heling');
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
