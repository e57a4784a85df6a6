// Privacy: convenant asks for no personal data, stores nothing by default, and what --output
// writes is only the protocol's questions, the answers chosen and the advice: no user name, host,
// folder or other trace of who ran it or where. The one file a run leaves is the program's compiled
// code (bin/code-cache.cjs), in the user's cache folder, and that holds no trace either.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import type { Step } from '../../src/model/index.js';
import { ensureBuilt, ROOT, runBuilt } from '../helpers/built-cli.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { memoryIo } from '../helpers/run-cli.js';
import { SHIPPED_DIR, shipped } from '../helpers/shipped.js';

const ANSWERS =
  'acuut-gevaar: nee\ncategorie: diefstal\ndader: onbekend\nslachtoffer: niemand\nschooltype: vo\nplek: op-school\ndiefstal-wat: van-school\ndiefstal-dader: nee\ndiefstal-camera: nee\n';
/** A user, host and folder whose names must never show up in anything convenant writes. */
const TRACE = 'geheim7419';

let root: string;
let work: string;
let home: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'convenant-privacy-'));
  work = join(root, `werkmap-${TRACE}`);
  home = join(root, `home-${TRACE}`);
  mkdirSync(work);
  mkdirSync(home);
  writeFileSync(join(work, 'antwoorden.yaml'), ANSWERS);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative to `root`. */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [relative(root, join(dir, e.name))]));

/** The code cache's files (one per command, in XDG_CACHE_HOME/convenant), each checked for traces. */
const CODE_CACHE = new RegExp(`^home-${TRACE}/\\.cache/convenant/[a-z]+-[0-9a-f]{8}-\\d+-v[\\d.]+-\\w+\\.bin$`);
/** The files under `root` that are not the code cache, after checking that the cache holds no trace of the user, host, folder or answers. */
function filesBesideCodeCache(): string[] {
  const files = allFiles(root);
  for (const file of files.filter((f) => CODE_CACHE.test(f))) {
    const bytes = readFileSync(join(root, file));
    expect(statSync(join(root, file)).mode & 0o777, file).toBe(0o600);
    // Not even where the program is installed (a path may hold a user name).
    for (const trace of [TRACE, root, 'diefstal-camera: nee', ROOT]) expect(bytes.includes(Buffer.from(trace)), `${file} holds "${trace}"`).toBe(false);
  }
  return files.filter((f) => !CODE_CACHE.test(f)).sort();
}

const ENV = {
  HOME: '',
  USER: `gebruiker-${TRACE}`,
  LOGNAME: `gebruiker-${TRACE}`,
  HOSTNAME: `host-${TRACE}`,
  XDG_CONFIG_HOME: '',
  XDG_CACHE_HOME: '',
  XDG_DATA_HOME: '',
  XDG_STATE_HOME: '',
  SOURCE_DATE_EPOCH: '1768469400',
};
const env = () => ({
  ...ENV,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local/share'),
  XDG_STATE_HOME: join(home, '.local/state'),
});

describe('no personal data is asked for', () => {
  it('the shipped protocol asks only multiple-choice, yes/no and number questions: there is no free text to type a name into', () => {
    const steps: Step[] = shipped().protocol!.flows.flatMap((f) => f.steps);
    expect(new Set(steps.map((s) => s.type))).toEqual(new Set(['choice', 'multi', 'yes-no', 'number', 'route']));
  });

  it('no question asks for a name, address, birth date, citizen service number or contact details', () => {
    const questions = shipped()
      .protocol!.flows.flatMap((f) => f.steps)
      .flatMap((s) => ('question' in s ? [s.question] : []));
    expect(questions.length).toBeGreaterThan(50);
    for (const q of questions) expect(q).not.toMatch(/\b(naam|namen|adres|geboortedatum|bsn|burgerservicenummer|telefoonnummer|e-?mailadres)\b/i);
  });

  it('the wizard asks nothing but the protocol questions, the review and whether to save', async () => {
    const io = memoryIo({ cwd: work, env: env() });
    const prompter = new FakePrompter([
      ['acuut-gevaar', 'nee'],
      ['categorie', ['diefstal']],
      ['dader', 'onbekend'],
      ['slachtoffer', 'niemand'],
      ['schooltype', 'vo'],
      ['plek', 'op-school'],
      ['diefstal-wat', 'van-school'],
      // "Weet je wie het deed?" is settled by the context (dader: onbekend), so it is not asked.
      ['diefstal-camera', 'nee'],
      ['review', 'advice'],
      ['save', null],
    ]);
    expect(await runIncident(io, { format: 'text' }, { prompter })).toBe(0);
    expect(prompter.asked.map((a) => a.kind)).toEqual(['select', 'multi', 'select', 'select', 'select', 'select', 'select', 'yesNo', 'review', 'save']);
    expect(allFiles(root).sort()).toEqual([`werkmap-${TRACE}/antwoorden.yaml`]);
  });
});

describe('nothing is stored by default; --output writes only what was asked', () => {
  beforeAll(ensureBuilt, 120_000);

  it('the commands leave no file behind: no history, log or settings; only the compiled program code, without a trace of the run', () => {
    const run = (...args: string[]) => runBuilt(args, { cwd: work, env: env() });
    expect(run('incident', '--answers', 'antwoorden.yaml').code).toBe(0);
    expect(run('incident', '--answers', 'antwoorden.yaml', '--format', 'json').code).toBe(0);
    expect(run('validate', SHIPPED_DIR, '--today', '2025-12-01').code).toBe(0);
    expect(run('test', SHIPPED_DIR).code).toBe(0);
    for (const command of ['partners', 'contacts', 'checklist', 'graph']) expect(run(command).code).toBe(0);
    expect(run('explain', 'politie').code).toBe(0);
    expect(allFiles(root).filter((f) => CODE_CACHE.test(f)).length).toBeGreaterThanOrEqual(8);
    expect(filesBesideCodeCache()).toEqual([`werkmap-${TRACE}/antwoorden.yaml`]);
    // Turned off, not even that.
    rmSync(home, { recursive: true });
    mkdirSync(home);
    expect(runBuilt(['validate', SHIPPED_DIR], { cwd: work, env: { ...env(), CONVENANT_NO_CODE_CACHE: '1' } }).code).toBe(0);
    expect(allFiles(root).sort()).toEqual([`werkmap-${TRACE}/antwoorden.yaml`]);
  });

  it.each(['text', 'markdown', 'json'])('--output --format %s: one file, mode 0600, with no trace of the user, host or folder', (format) => {
    const { code, stdout } = runBuilt(['incident', '--answers', 'antwoorden.yaml', '--format', format, '--output', `advies.${format}`], { cwd: work, env: env() });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(filesBesideCodeCache()).toEqual([`werkmap-${TRACE}/advies.${format}`, `werkmap-${TRACE}/antwoorden.yaml`]);
    const saved = join(work, `advies.${format}`);
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    const text = readFileSync(saved, 'utf8').replace(/\s+/g, ' ');
    expect(text).not.toContain(TRACE);
    expect(text).not.toContain(root);
    // What it holds: the advice, and (as a record, in markdown and JSON) the questions and answers.
    expect(text).toContain('gemachtigde');
    if (format !== 'text') {
      expect(text).toContain('Wat is er gebeurd?');
      expect(text).toContain('Er zijn spullen van de school gestolen');
    }
  });

  it('the JSON record holds exactly: format version, date, protocol, answers and advice (and whether the walk got stuck)', () => {
    runBuilt(['incident', '--answers', 'antwoorden.yaml', '--format', 'json', '--output', 'advies.json'], { cwd: work, env: env() });
    const record = JSON.parse(readFileSync(join(work, 'advies.json'), 'utf8')) as Record<string, unknown>;
    // context and categories repeat answer values (roles, age, school type, place, categories): no names.
    expect(Object.keys(record).sort()).toEqual(
      ['actions', 'answers', 'categories', 'context', 'fault', 'generated', 'info', 'partners', 'protocol', 'rules', 'schemaVersion', 'sources'].sort(),
    );
    expect(Object.keys(record.protocol as object).sort()).toEqual(['id', 'region', 'sha256', 'title', 'version']);
    expect(Object.keys(record.context as object).sort()).toEqual(['age', 'ageBand', 'perpetrator', 'place', 'schoolType', 'victim']);
    for (const answer of record.answers as Record<string, unknown>[]) expect(Object.keys(answer).sort()).toEqual(['answer', 'inferred', 'question', 'step', 'value']);
  });
});
