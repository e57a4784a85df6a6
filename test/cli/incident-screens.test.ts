// The wizard as a stressed mentor sees it, in real terminals of 80x24, 100x30, 60x12 and 40x30:
// no word is ever split across lines, no line is wider than the terminal, and once the answers call
// for 112 (or 113) that line is on screen above every later question. Set CONVENANT_SCREENS=<dir> to
// keep every screen for a look by eye.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BIN, ROOT, ensureBuilt } from '../helpers/built-cli.js';
import { HAS_TMUX, SKIPPED, Tmux, type Size } from '../helpers/tmux.js';

const SIZES: Size[] = [
  { width: 80, height: 24 },
  { width: 100, height: 30 },
  { width: 60, height: 12 },
  { width: 40, height: 30 },
];

/** Letter runs: what a split word leaves behind ("leerl", "ing"). */
const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Every word the wizard can show: the protocol's texts and the program's own. */
function vocabulary(): Set<string> {
  const vocab = new Set<string>();
  const walk = (dir: string, ext: RegExp) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, ext);
      else if (ext.test(e.name)) for (const w of words(readFileSync(path, 'utf8'))) vocab.add(w);
    }
  };
  walk(join(ROOT, 'protocols'), /\.ya?ml$/);
  walk(join(ROOT, 'src'), /\.ts$/);
  return vocab;
}

const tmux = new Tmux();
let dir: string;
let vocab: Set<string>;
let shots = 0;

/** What the screen asks for now. */
type Prompt = 'select' | 'multi' | 'number' | 'review' | 'save' | 'done';
function promptOf(screen: string): Prompt | undefined {
  if (/EXIT:\d+/.test(screen)) return 'done';
  if (screen.includes('Wil je dit advies bewaren?')) return 'save';
  if (screen.includes('Kloppen deze antwoorden?')) return 'review';
  if (screen.includes('aan/uit')) return 'multi';
  if (/Typ een getal van/.test(screen) && /^\? /m.test(screen)) return 'number';
  if (screen.includes('kiezen')) return 'select';
  return undefined;
}

/** The checks on every screen; returns the problems found (empty when fine). */
function problems(screen: string, joined: string, size: Size, mustShow: readonly string[], longWords: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const line of joined.split('\n')) if (Array.from(line.trimEnd()).length > size.width - 1) out.push(`line wider than ${size.width - 1}: ${JSON.stringify(line)}`);
  // Only a word longer than a line (a path, a URL) may be cut.
  const cutOk = (w: string) => longWords.some((long) => long.length >= size.width - 1 && long.toLowerCase().includes(w));
  for (const w of words(screen)) if (!vocab.has(w) && !cutOk(w)) out.push(`"${w}" is no word the wizard knows: a split word?`);
  for (const m of mustShow) if (!screen.includes(m)) out.push(`"${m}" is not on screen`);
  return out;
}

/** The card must be on screen whole (both bars), with the given numbers, and pass the usual checks. */
function cardProblems(screen: string, size: Size, numbers: readonly string[]): string[] {
  const lines = screen.split('\n');
  const top = lines.findIndex((l) => l.startsWith('━━ NU EN VANDAAG'));
  const bottom = lines.findIndex((l, i) => i > top && /^━+\s*$/.test(l));
  const out = problems(screen, tmux.visible(true), size, numbers).map((p) => `advice: ${p}`);
  if (top < 0 || bottom < 0) out.push(`the card is not whole on the first screen:\n${screen}`);
  return out;
}

interface Walk {
  name: string;
  /** Keys for the first two questions (danger, categories). */
  opening: (t: Tmux) => Promise<void>;
  /** The select answer to pick: typed letters jump to an option starting with them ('' = the first). */
  prefer: string;
  /** Text that must stay on screen once it appeared. */
  keep: readonly string[];
}

const WALKS: Walk[] = [
  { name: 'danger now, bullying', opening: async (t) => answerOpening(t, '', ['Pesten, cyberpesten of discriminatie']), prefer: '', keep: ['112'] },
  { name: 'not sure about danger, truancy, "weet ik niet" where offered', opening: async (t) => answerOpening(t, 'Weet', ['Schoolverzuim']), prefer: 'Weet', keep: ['112'] },
  {
    name: 'no danger, a pupil talks about suicide (113)',
    opening: async (t) => {
      await answerOpening(t, 'Nee', ['Psychische nood']);
      // The shared context questions come first (asked once); then the first question of the category.
      let { screen, prompt } = await step(t, () => t.keys('Enter'));
      for (let n = 0; !screen.includes('De leerling praat'); n++) {
        if (n > 10) throw new Error(`no question about the talk of suicide:\n${screen}`);
        ({ screen, prompt } = await step(t, () => answerWith(t, prompt, '')));
      }
      t.literal('De leerling praat');
      await t.waitFor(
        'the cursor on the talk of suicide',
        (s) => s.includes('❯ De leerling praat'),
        () => t.visible(),
      );
    },
    prefer: '',
    keep: ['113'],
  },
];

async function step(t: Tmux, send: () => void, expect?: Prompt): Promise<{ screen: string; prompt: Prompt }> {
  const before = t.visible();
  send();
  const screen = await t.settled(before, (s) => promptOf(s) !== undefined && (expect === undefined || promptOf(s) === expect || promptOf(s) === 'done'));
  const prompt = promptOf(screen)!;
  if (prompt === 'done') throw new Error(`the command ended:\n${t.history()}`);
  return { screen, prompt };
}

/** The danger question (typed letters jump to the option: '' = the first), then ticks `categories` in the checkbox. */
async function answerOpening(t: Tmux, first: string, categories: readonly string[]): Promise<void> {
  const shown = await t.settled('', (s) => promptOf(s) === 'select' || promptOf(s) === 'done');
  if (promptOf(shown) === 'done') throw new Error(`the command ended:\n${t.history()}`);
  if (first) {
    t.literal(first);
    await t.waitFor(
      `the cursor on ${first}`,
      (s) => (s.match(/^❯ (.*)$/m)?.[1] ?? '').startsWith(first),
      () => t.visible(),
    );
  }
  await step(t, () => t.keys('Enter'), 'multi');
  for (const category of categories) await tick(t, category);
}

/** A checkbox row: cursor, box (◯ off, ◉ on), text. Rows that continue a wrapped label have no box. */
const ROW = /^([❯ ])([◯◉]) (.*)$/u;

/**
 * Ticks `label` in the checkbox on screen: finds its row, presses Down once per option between the
 * cursor and it (a page down first when it is not on screen yet), then Space.
 */
async function tick(t: Tmux, label: string): Promise<void> {
  const isLabel = (text: string) =>
    text.trim() !== '' && (label === text.trim() || label.startsWith(`${text.trim()} `) || (label.startsWith(text.trim()) && text.trim().length >= 6));
  for (let page = 0; page < 30; page++) {
    const rows = t
      .visible()
      .split('\n')
      .map((l) => l.match(ROW))
      .filter((m): m is RegExpMatchArray => m !== null);
    const cursor = rows.findIndex((m) => m[1] === '❯');
    if (cursor < 0) throw new Error(`no checkbox on screen:\n${t.visible()}`);
    if (isLabel(rows[cursor]?.[3] ?? '')) break;
    const target = rows.findIndex((m, i) => i > cursor && isLabel(m[3] ?? ''));
    const downs = target > cursor ? target - cursor : Math.max(1, rows.length - 1 - cursor);
    const before = t.visible();
    for (let i = 0; i < downs; i++) t.keys('Down');
    await t.settled(before, (s) => s.includes('aan/uit'));
  }
  const before = t.visible();
  const on = (s: string) =>
    s.split('\n').some((l) => {
      const m = l.match(ROW);
      return m !== null && m[1] === '❯' && m[2] === '◉' && isLabel(m[3] ?? '');
    });
  if (
    !t
      .visible()
      .split('\n')
      .some((l) => {
        const m = l.match(ROW);
        return m !== null && m[1] === '❯' && isLabel(m[3] ?? '');
      })
  )
    throw new Error(`the cursor did not reach ${label}:\n${before}`);
  t.keys('Space');
  await t.waitFor(`${label} ticked`, on, () => t.visible());
}

function answerWith(t: Tmux, prompt: Prompt, prefer: string): void {
  switch (prompt) {
    case 'multi':
      return t.keys('Space', 'Enter');
    case 'number':
      t.literal('14');
      return t.keys('Enter');
    default:
      if (prefer) t.literal(prefer);
      return t.keys('Enter');
  }
}

/** The answers of a shipped scenario that passes `convenant test`, as an answers file. */
function scenarioAnswers(name: string): string {
  const dirPath = join(ROOT, 'protocols', 'weert-nederweert', 'scenarios');
  for (const file of readdirSync(dirPath).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dirPath, file), 'utf8')) as { scenarios?: { name: string; answers: Record<string, unknown> }[] };
    const found = doc.scenarios?.find((s) => s.name === name);
    if (found) return stringify(found.answers);
  }
  throw new Error(`no scenario named ${JSON.stringify(name)}`);
}

describe.skipIf(!HAS_TMUX)(`the wizard's screens at four terminal sizes${SKIPPED}`, () => {
  beforeAll(() => {
    ensureBuilt();
    vocab = vocabulary();
    tmux.open();
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convenant-screens-'));
    for (const w of words(dir)) vocab.add(w);
  });
  afterEach(() => {
    tmux.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => tmux.close());

  const keep = process.env.CONVENANT_SCREENS;
  const record = (name: string, screen: string) => {
    if (!keep) return;
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, `${String(++shots).padStart(3, '0')}-${name.replace(/\W+/g, '-')}.txt`), screen);
  };

  describe.each(SIZES)('$width x $height', (size) => {
    it.each(WALKS)(
      '$name: whole words, nothing too wide, the urgent line in view',
      async (walk) => {
        tmux.start(`node ${BIN} incident`, { cwd: dir, size, env: { HOME: dir } });
        await walk.opening(tmux);
        const found: string[] = [];
        let seen: string[] = [];
        let { screen, prompt } = await step(tmux, () => tmux.keys('Enter'));
        for (let n = 3; prompt !== 'review'; n++) {
          if (n > 40) throw new Error(`the walk does not end:\n${screen}`);
          seen = [...seen, ...walk.keep.filter((k) => history().includes(k) && !seen.includes(k))];
          record(`${size.width}x${size.height}-${walk.name}-q${n}`, screen);
          found.push(...problems(screen, tmux.visible(true), size, seen).map((p) => `question ${n}: ${p}\n${screen}`));
          ({ screen, prompt } = await step(tmux, () => answer(prompt, walk.prefer)));
        }
        record(`${size.width}x${size.height}-${walk.name}-review`, screen);
        found.push(...problems(screen, tmux.visible(true), size, seen).map((p) => `review: ${p}\n${screen}`));
        // "Ja, toon het advies": the pager opens on the whole "Nu en vandaag" card.
        const before = tmux.visible();
        tmux.keys('Enter');
        const advice = await tmux.settled(before, (s) => s.includes('NU EN VANDAAG'));
        record(`${size.width}x${size.height}-${walk.name}-advice`, advice);
        found.push(...cardProblems(advice, size, walk.keep));
        tmux.keys('q');
        await tmux.waitFor(
          'the offer to save',
          (s) => s.includes('Wil je dit advies bewaren?'),
          () => tmux.visible(),
        );
        expect(found).toEqual([]);
        expect(seen).toEqual(walk.keep);
      },
      180_000,
    );
  });

  describe('a broken shipped protocol', () => {
    let copy: string;
    beforeAll(() => {
      // A copy of the installed program whose own protocol has a wrong partner id: only the
      // build's dist/emergency.json (taken from the shipped protocol) is left to take the numbers from.
      copy = mkdtempSync(join(tmpdir(), 'convenant-copy-'));
      for (const part of ['bin', 'dist', 'protocols', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
      const flow = join(copy, 'protocols', 'weert-nederweert', 'flows', 'fysiek-geweld.yaml');
      writeFileSync(flow, readFileSync(flow, 'utf8').replace(/partner: politie/g, 'partner: wijkteam'));
      for (const w of words(`${copy} wijkteam`)) vocab.add(w);
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it.each(SIZES)(
      '$width x $height: the emergency card with its numbers is on screen, exit 1',
      async (size) => {
        tmux.start(`node ${join(copy, 'bin', 'convenant.cjs')} incident`, { cwd: dir, size });
        const done = await tmux.waitFor(
          'the exit code',
          (t) => /EXIT:\d+/.test(t),
          () => tmux.visible(),
        );
        record(`${size.width}x${size.height}-emergency-card`, done);
        expect(tmux.history()).toContain('EXIT:1');
        const folder = join(copy, 'protocols', 'weert-nederweert');
        expect(problems(done, tmux.visible(true), size, ['NOODKAART', '112', '0900-8844', '0800-2000', '113', 'ingebouwde protocol'], [folder])).toEqual([]);
      },
      120_000,
    );
  });

  it('says when a list goes on below the screen, and only then', async () => {
    // 100x30: the five answers of the first question fit; the 28 categories do not, and inquirer
    // itself gives no sign that "Psychische nood" or "Iets anders" are further down.
    tmux.start(`node ${BIN} incident`, { cwd: dir, size: { width: 100, height: 30 }, env: { HOME: dir } });
    const first = await tmux.waitFor(
      'the first question',
      (s) => s.includes('omhoog/omlaag'),
      () => tmux.visible(),
    );
    expect(first).not.toContain('meer keuzes');
    const before = tmux.visible();
    tmux.keys('Down', 'Down', 'Down', 'Enter');
    const categories = await tmux.settled(before, (s) => s.includes('Waar gaat het om?'));
    expect(categories).not.toContain('Iets anders');
    expect(categories).toContain('omhoog/omlaag, meer keuzes');
  }, 120_000);

  describe('the advice in a pager', () => {
    // Danger now, physical violence: the card calls for 112 and names the police's other number.
    const answers = scenarioAnswers('Fysiek geweld: vechtpartij nu bezig, iemand gewond, dader 17 ontkent');
    const run = (size: Size, args = '', env: Record<string, string> = {}) => {
      writeFileSync(join(dir, 'antwoorden.yaml'), answers);
      tmux.start(`${process.execPath} ${BIN} incident --answers antwoorden.yaml ${args}`, { cwd: dir, size, env });
    };

    it.each(SIZES)(
      '$width x $height: less opens on the whole card with the police numbers',
      async (size) => {
        run(size);
        const first = await tmux.settled('', (s) => s.includes('NU EN VANDAAG') && /^:/m.test(s));
        record(`${size.width}x${size.height}-pager-less`, first);
        expect(cardProblems(first, size, ['Bel 112', '0900-8844'])).toEqual([]);
        tmux.keys('q');
        await tmux.waitFor(
          'the exit code',
          (t) => /EXIT:0/.test(t),
          () => tmux.visible(),
        );
      },
      120_000,
    );

    it('without less: the built-in pager, a screen at a time', async () => {
      const size = { width: 60, height: 12 };
      run(size, '', { PATH: '/nonexistent' });
      const first = await tmux.settled('', (s) => s.includes('-- meer'));
      record('60x12-pager-built-in', first);
      expect(cardProblems(first, size, ['Bel 112', '0900-8844'])).toEqual([]);
      tmux.keys('Space');
      await tmux.settled(first, (s) => s.includes('-- meer') || /EXIT:/.test(s));
      tmux.keys('q');
      await tmux.waitFor(
        'the exit code',
        (t) => /EXIT:0/.test(t),
        () => tmux.visible(),
      );
    }, 120_000);

    it.each([
      ['--no-pager', {}],
      ['', { PAGER: 'cat' }],
    ] as const)(
      '%s %j: straight through, no key needed',
      async (args, env) => {
        run({ width: 60, height: 12 }, args, env);
        const done = await tmux.waitFor('the exit code', (t) => /EXIT:\d+/.test(t));
        expect(done).toContain('EXIT:0');
        expect(done).toContain('IN HET KORT');
      },
      120_000,
    );
  });

  function history(): string {
    return tmux.history();
  }

  function answer(prompt: Prompt, prefer: string): void {
    answerWith(tmux, prompt, prefer);
  }
});
