// `convenant register …` and `incident --register` in-process, on real SQLite files in a temporary
// folder: what a coordinator types, what the register then holds, and what the report says.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordFromAdvice, type RegisterRecord } from '../../src/register/record.js';
import { RegisterStore } from '../../src/register/store.js';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { memoryIo, runCli } from '../helpers/run-cli.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';
import { advice, nthAdvice } from '../register/advice-fixture.js';

/** 2026-12-04T12:00:00Z */
const EPOCH = '1796385600';

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-register-cli-'));
  env = { SOURCE_DATE_EPOCH: EPOCH, CONVENANT_REGISTER: join(dir, 'register.sqlite'), CONVENANT_SCHOOL: 'College Weert' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], extraEnv: Record<string, string | undefined> = {}) => runCli(args, { cwd: dir, env: { ...env, ...extraEnv } });
const write = (name: string, data: unknown) => writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));

/** The answers of the first scenario of the shipped protocol: a complete walk, whatever the protocol asks today. */
function shippedAnswers(): Record<string, unknown> {
  const doc = parse(readFileSync(join(SHIPPED_DIR, 'scenarios', 'categorieen-1.yaml'), 'utf8')) as { scenarios: { answers: Record<string, unknown> }[] };
  return doc.scenarios[0]!.answers;
}

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
function seed(records: RegisterRecord[]): void {
  const store = RegisterStore.open(env.CONVENANT_REGISTER!, { create: true });
  try {
    store.addMany(records);
  } finally {
    store.close();
  }
}
const recordOf = (data: Record<string, unknown>, day?: string): RegisterRecord => {
  const built = recordFromAdvice(data, { school: 'College Weert', sha256, ...(day ? { day } : {}) });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.record;
};

describe('adding incidents', () => {
  it('incident --register adds the walk; register add of the saved JSON advice of the same walk adds nothing twice', async () => {
    write('antwoorden.json', shippedAnswers());
    const walked = await run(['incident', '--answers', 'antwoorden.json', '--register', '--ref', '2026-014', '--format', 'json', '--output', 'advies.json']);
    expect(walked.code).toBe(0);
    expect(walked.stderr).toMatch(/Geregistreerd in het register als nr\. 1/);
    const list = await run(['register', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/1\s+2026-12-04\s+fysiek-geweld\s+.*open\s+2026-014/);
    // The saved file of the same walk is the same incident.
    const again = await run(['register', 'add', 'advies.json']);
    expect([again.code, again.stdout]).toEqual([0, 'Stond al in het register als nr. 1; niets toegevoegd.\n']);
  });

  it.each([
    ['a file that is not a register', { register: 'kapot.sqlite' }, {}, /geen register van convenant/],
    ['no school name', { register: true }, { CONVENANT_SCHOOL: undefined }, /voor welke school/],
    ['a case code that looks like a name', { register: true, ref: 'Jansen' }, {}, /zaakcode/],
  ] as const)('incident --register with %s stops before the first question', async (_name, extra, extraEnv, message) => {
    write('kapot.sqlite', 'geen database');
    const prompter = new FakePrompter([]);
    const io = memoryIo({ cwd: dir, env: { ...env, ...extraEnv }, stdinTTY: true, stdoutTTY: true });
    await expect(runIncident(io, { format: 'text', ...extra }, { prompter })).rejects.toThrow(message);
    expect(prompter.asked).toEqual([]);
  });

  it('show and close: the follow-up of one incident', async () => {
    write(
      'a.json',
      advice({
        partners: [
          ['politie', 'today'],
          ['halt', 'when-needed'],
        ],
        rules: ['halt'],
        context: { perpetrator: 'leerling', victim: 'leerling', age: 14, place: 'op-school' },
        categories: ['fysiek-geweld'],
      }),
    );
    expect((await run(['register', 'add', 'a.json'])).stdout).toBe('Toegevoegd aan het register als nr. 1 (2026-03-10, fysiek-geweld).\n');
    const shown = await run(['register', 'show', '1']);
    expect(shown.stdout).toMatch(/Wie deed het\s+leerling/);
    expect(shown.stdout).toMatch(/Leeftijd leerling\s+12 tot 16/);
    expect(shown.stdout).toMatch(/Partners\s+halt \(als het nodig is\), politie \(vandaag\)/);
    expect(shown.stdout).toMatch(/Opvolging\s+open/);
    expect((await run(['register', 'close', '1'])).stdout).toBe('Opvolging van nr. 1 afgesloten op 2026-12-04.\n');
    expect((await run(['register', 'close', '1'])).stdout).toMatch(/was al afgesloten/);
    expect((await run(['register', 'list', '--open'])).stdout).toMatch(/Geen incidenten/);
    const missing = await run(['register', 'show', '7']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/nr\. 7 staat niet in het register/)]);
  });

  it('ref gives an incident a case code afterwards, or changes it; a code that could be personal data is refused', async () => {
    write('a.json', advice());
    await run(['register', 'add', 'a.json']);
    expect((await run(['register', 'ref', '1', '2026-014'])).stdout).toBe('Nr. 1 heeft nu de zaakcode 2026-014.\n');
    expect((await run(['register', 'list'])).stdout).toMatch(/^\s*1\s+2026-03-10\s.*\s2026-014$/m);
    expect((await run(['register', 'ref', '1', 'INC-42'])).stdout).toBe('De zaakcode van nr. 1 is gewijzigd van 2026-014 in INC-42.\n');
    expect((await run(['register', 'ref', '1', 'INC-42'])).stdout).toMatch(/had de zaakcode INC-42 al; niets gewijzigd/);
    for (const code of ['Jansen', '123456789', '12-03-2011', 'a@b1.nl', 'twee woorden 1']) {
      const refused = await run(['register', 'ref', '1', code]);
      expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/ongeldige zaakcode/)]);
    }
    const missing = await run(['register', 'ref', '7', '2026-015']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/nr\. 7 staat niet in het register/)]);
    // Nothing of the refused codes reached the register.
    expect((await run(['register', 'show', '1'])).stdout).toMatch(/Zaakcode\s+INC-42\n/);
  });

  it('a wrong field is reported at its line and column, and the good files are still added', async () => {
    write('goed.json', nthAdvice(1));
    const bad = advice();
    (bad.partners as { urgency: string }[])[0]!.urgency = 'straks';
    write('fout.json', bad);
    write('kapot.json', '{ "schemaVersion": 1,\n  "answers": [ }');
    const r = await run(['register', 'add', 'goed.json', 'fout.json', 'kapot.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('1 toegevoegd, 0 stonden er al in, 2 niet gelezen.\n');
    const line =
      JSON.stringify(bad, null, 2)
        .split('\n')
        .findIndex((l) => l.includes('"straks"')) + 1;
    expect(r.stderr).toMatch(new RegExp(`fout\\.json:${line}:\\d+: onbekende urgentie "straks"`));
    expect(r.stderr).toMatch(/kapot\.json:2:\d+: dit is geen geldig JSON-bestand/);
  });

  it('many files (read in worker threads by the built command): all added in file order, bad ones explained', () => {
    ensureBuilt();
    const names: string[] = [];
    for (let n = 0; n < 250; n++) {
      names.push(`a${n}.json`);
      write(`a${n}.json`, nthAdvice(n));
    }
    const bad = advice();
    (bad.partners as { urgency: string }[])[0]!.urgency = 'straks';
    write('a17.json', bad);
    write('a200.json', '{ "schemaVersion": 1,\n  "answers": [ }');
    const r = runBuilt(['register', 'add', ...names], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('248 toegevoegd, 0 stonden er al in, 2 niet gelezen.\n');
    expect(r.stderr).toMatch(/^a17\.json:\d+:\d+: onbekende urgentie "straks"/);
    expect(r.stderr).toMatch(/\na200\.json:2:\d+: dit is geen geldig JSON-bestand/);
    const store = RegisterStore.open(env.CONVENANT_REGISTER!, { create: false });
    try {
      const uids = store
        .records()
        .sort((a, b) => a.id - b.id)
        .map((x) => x.uid);
      const expected = Array.from({ length: 250 }, (_, n) => n)
        .filter((n) => n !== 17 && n !== 200)
        .map((n) => recordOf(nthAdvice(n)).uid);
      expect(uids).toEqual(expected);
    } finally {
      store.close();
    }
    // The same files again: nothing twice.
    expect(runBuilt(['register', 'add', ...names], { cwd: dir, env }).stdout).toBe('0 toegevoegd, 248 stonden er al in, 2 niet gelezen.\n');
  }, 60_000);

  it.each([
    [['register', 'add', 'a.json', '--ref', 'Piet Jansen'], /ongeldige zaakcode/],
    [['register', 'add', 'a.json', '--ref', '123456789'], /BSN/],
    [['register', 'add', 'a.json', '--day', '2027-01-01'], /in de toekomst/],
    [['register', 'add', 'a.json', '--day', '10-03-2026'], /JJJJ-MM-DD/],
    [['register', 'add', 'a.json', '--school', 'X'], /schoolnaam/],
    [['register', 'report', '--format', 'pdf'], /onbekend formaat/],
    [['register', 'report', '--year', '26'], /ongeldig jaar/],
    [['register', 'prune', '--older-than', 'lang'], /geen bewaartermijn/],
  ])('refuses %j with a clear message and exit 2', async (args, message) => {
    write('a.json', advice());
    seed([]);
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts|Error:/);
  });

  it('without a school name nothing is added, and the message says how to set one', async () => {
    write('a.json', advice());
    const r = await run(['register', 'add', 'a.json'], { CONVENANT_SCHOOL: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/register school "Naam van de school"/);
    expect((await run(['register', 'school', 'Basisschool De Horizon'])).code).toBe(0);
    expect((await run(['register', 'add', 'a.json'], { CONVENANT_SCHOOL: undefined })).code).toBe(0);
    expect((await run(['register', 'show', '1', '--format', 'json'])).stdout).toMatch(/"school": "Basisschool De Horizon"/);
  });

  it('a file that is not a register: a clear Dutch error, and the file stays as it was', async () => {
    write('register.sqlite', 'dit is een spreadsheet\n');
    write('a.json', advice());
    const r = await run(['register', 'add', 'a.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/register\.sqlite is geen register van convenant: .*niet aangeraakt/);
    expect(readFileSync(join(dir, 'register.sqlite'), 'utf8')).toBe('dit is een spreadsheet\n');
  });

  it('without --register or CONVENANT_REGISTER the register lives in XDG_DATA_HOME', async () => {
    write('a.json', advice());
    const r = await run(['register', 'add', 'a.json'], { CONVENANT_REGISTER: undefined, XDG_DATA_HOME: join(dir, 'data'), HOME: join(dir, 'home') });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'convenant', 'register.sqlite'))).toBe(process.platform === 'linux');
  });
});

describe('export and import', () => {
  it('importing the same export twice adds nothing twice; a closed follow-up travels along', async () => {
    for (let n = 0; n < 12; n++) write(`a${n}.json`, nthAdvice(n));
    await run(['register', 'add', ...Array.from({ length: 12 }, (_, n) => `a${n}.json`)]);
    await run(['register', 'close', '3']);
    expect((await run(['register', 'export', '--output', 'export.json'])).stderr).toMatch(/12 incidenten geëxporteerd/);
    const other = { CONVENANT_REGISTER: join(dir, 'bestuur.sqlite') };
    expect((await run(['register', 'import', 'export.json'], other)).stdout).toBe('export.json: 12 toegevoegd, 0 stonden er al in.\n');
    expect((await run(['register', 'import', 'export.json', 'export.json'], other)).stdout).toBe(
      'export.json: 0 toegevoegd, 12 stonden er al in.\nexport.json: 0 toegevoegd, 12 stonden er al in.\n',
    );
    const mine = JSON.parse((await run(['register', 'list', '--format', 'json'])).stdout) as unknown[];
    const theirs = JSON.parse((await run(['register', 'list', '--format', 'json'], other)).stdout) as unknown[];
    expect(theirs).toEqual(mine);
    const report = (e: Record<string, string>) => run(['register', 'report', '--year', '2026'], e).then((r) => r.stdout);
    expect(await report(other)).toBe(await report({}));
  });

  it('an export with one bad record imports nothing, and says where', async () => {
    write('a.json', nthAdvice(1));
    await run(['register', 'add', 'a.json']);
    await run(['register', 'export', '--output', 'export.json']);
    const data = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8')) as { records: Record<string, unknown>[] };
    data.records.push({ ...data.records[0], uid: 'b'.repeat(64), perpetrator: 'Piet' });
    write('export.json', data);
    const other = { CONVENANT_REGISTER: join(dir, 'bestuur.sqlite') };
    const r = await run(['register', 'import', 'export.json'], other);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/export\.json:\d+:\d+: ongeldig veld "perpetrator"/);
    expect(r.stderr).toMatch(/niets geïmporteerd/);
    expect(existsSync(join(dir, 'bestuur.sqlite'))).toBe(false);
  });
});

describe('the yearly report', () => {
  function seedYear(): void {
    const records: RegisterRecord[] = [];
    let n = 0;
    const add = (day: string, shape: Parameters<typeof advice>[0]) =>
      records.push(recordOf(advice({ ...shape, generated: new Date(Date.UTC(2026, 0, 1) + n++ * 1000).toISOString() }), day));
    for (let i = 0; i < 7; i++)
      add('2026-03-0' + (i + 1), {
        categories: ['fysiek-geweld'],
        partners: [['politie', 'today']],
        context: { perpetrator: 'leerling', victim: 'leerling', age: 14, place: 'op-school' },
      });
    for (let i = 0; i < 2; i++)
      add('2026-05-1' + i, { categories: ['pesten'], partners: [['cjg', 'this-week']], context: { perpetrator: 'leerling', victim: 'leerling', age: 10, place: 'online' } });
    add('2026-09-01', { categories: ['zorgen-thuis'], partners: [['veilig-thuis', 'immediate']], rules: ['meldcode'] });
    add('2026-10-01', {
      categories: ['zeden-medewerker', 'seksuele-intimidatie'],
      partners: [['politie', 'today']],
      rules: ['meldplicht-zeden'],
      context: { perpetrator: 'medewerker', victim: 'leerling', age: 15 },
    });
    for (let i = 0; i < 3; i++) add('2025-03-0' + (i + 1), { categories: ['fysiek-geweld'] });
    seed(records);
  }

  it('markdown: counts per category per month, Arbo categories, rules and the change against last year', async () => {
    seedYear();
    const r = await run(['register', 'report', '--year', '2026']);
    expect(r.code).toBe(0);
    const row = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(`| ${label} |`));
    expect(row('Fysiek geweld')).toBe('| Fysiek geweld | 0 | 0 | 7 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 7 | 3 | +4 |');
    expect(row('Incidenten')).toBe('| Incidenten | 11 | 3 | +8 |');
    expect(row('Meldcode gevolgd')).toBe('| Meldcode gevolgd | 1 | 0 | +1 |');
    expect(row('Meldplicht (zeden, medewerker)')).toBe('| Meldplicht (zeden, medewerker) | 1 | 0 | +1 |');
    expect(row('Opvolging nog open')).toBe('| Opvolging nog open | 11 | 3 |  |');
    expect(row('Geweld (fysiek geweld, wapens)')).toBe('| Geweld (fysiek geweld, wapens) | 7 | 3 | +4 |');
    // Two categories under one Arbo heading count the incident once.
    expect(row('Seksuele intimidatie (ook sexting, grooming en grensoverschrijdend gedrag door een medewerker)')).toMatch(/\| 1 \| 0 \| \+1 \|$/);
    expect(row('Politie')).toBe('| Politie | 0 | 8 | 0 | 0 | 8 |');
    expect(r.stdout).toMatch(/\| medewerker \| 1 \| 0 \| \+1 \|/);
  });

  it('--share hides counts below 5 (and one more where a total would give it away), and says so', async () => {
    seedYear();
    const r = await run(['register', 'report', '--year', '2026', '--share']);
    expect(r.stdout).toMatch(/aantallen van 1 tot en met 4 staan er als "\\< 5"/);
    const cells = [...r.stdout.matchAll(/\| (\d+) (?=\|)/g)].map((m) => Number(m[1]));
    expect(cells.filter((v) => v > 0 && v < 5)).toEqual([]);
    expect(r.stdout).toMatch(/\| Pesten \| .*\\< 5/);
    const dader = r.stdout.split('## Wie deed het (rol)')[1]!.split('##')[0]!;
    expect(dader).toMatch(/\| leerling \| 9 \| 0 \| \+9 \|/);
    expect(dader).toMatch(/\| medewerker \| \\< 5 \| 0 \| – \|/);
  });

  it('html: bar charts as inline SVG, no script; csv: one count per line', async () => {
    seedYear();
    const html = await run(['register', 'report', '--year', '2026', '--format', 'html', '--output', 'jaar.html']);
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'jaar.html'), 'utf8');
    expect(page).toMatch(/<svg [^>]*role="img"/);
    expect(page).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(page).toMatch(/<th scope="row">Fysiek geweld<\/th><td>0<\/td><td>0<\/td><td>7<\/td>/);
    const csv = (await run(['register', 'report', '--year', '2026', '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('tabel;rij;kolom;aantal');
    expect(csv).toContain('categorie-maand;Fysiek geweld;mrt;7\r\n');
    expect(csv).toContain('samenvatting;Incidenten;verschil;8\r\n');
  });
});

describe('backup and prune', () => {
  it('backup copies the register; prune removes what is older than the retention period', async () => {
    seed([recordOf(nthAdvice(1), '2020-05-01'), recordOf(nthAdvice(2), '2021-12-05'), recordOf(nthAdvice(3), '2026-01-02')]);
    const b = await run(['register', 'backup', 'kopie.sqlite']);
    expect([b.code, b.stdout]).toEqual([0, expect.stringMatching(/Back-up van 3 incidenten/)]);
    expect((await run(['register', 'backup', 'kopie.sqlite'])).stderr).toMatch(/bestaat al/);
    expect((await run(['register', 'prune', '--older-than', '5j', '--dry-run'])).stdout).toMatch(/1 incident van vóór 2021-12-04 zou verwijderd worden \(proefrun/);
    expect((await run(['register', 'prune', '--older-than', '5j'])).stdout).toBe('1 incident van vóór 2021-12-04 verwijderd.\n');
    expect((await run(['register', 'list'])).stdout).toMatch(/2 incidenten/);
    expect((await run(['register', 'list'], { CONVENANT_REGISTER: join(dir, 'kopie.sqlite') })).stdout).toMatch(/3 incidenten/);
  });
});
