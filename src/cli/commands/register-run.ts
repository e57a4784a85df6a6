// The work behind `convenant register …` and `incident --register`: the school's own incident
// register (art. 5.11) in one SQLite file. Loaded only by these commands: the database module is
// native and is never part of another command's start-up.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { dirname, resolve } from 'node:path';
import { readDataFile } from '../../loader/read.js';
import { sanitize } from '../../render/sanitize.js';
import { safeJson } from '../../render/text.js';
import { URGENCY_LABEL } from '../../render/labels.js';
import { defaultRegisterPath } from '../../register/location.js';
import {
  AGE_BAND_LABEL,
  PLACE_LABEL,
  REFERENCE_HINT,
  dutchDay,
  isDay,
  recordFromAdvice,
  recordFromExport,
  referenceProblem,
  schoolProblem,
  type RecordProblem,
  type RegisterRecord,
} from '../../register/record.js';
import { buildReport, countGroups, renderReportCsv, renderReportHtml, renderReportMarkdown } from '../../register/report.js';
import { RegisterError, RegisterStore } from '../../register/store.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { writeOutputFile } from '../write-output.js';

/** A saved advice is about 15 KiB; an export of a large board can be tens of MiB. */
const MAX_ADVICE_BYTES = 4 * 1024 * 1024;
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
export const EXPORT_FORMAT = 'convenant-register';
export const EXPORT_VERSION = 1;
/** Files listed in one error message; the rest are counted. */
const MAX_LISTED = 20;

export const REPORT_FORMATS = ['markdown', 'html', 'csv'] as const;
export const LIST_FORMATS = ['text', 'json'] as const;

export interface RegisterOptions {
  register?: string;
}
export interface AddOptions extends RegisterOptions {
  school?: string;
  ref?: string;
  day?: string;
}
export interface ListOptions extends RegisterOptions {
  year?: string;
  open?: boolean;
  format: string;
}
export interface ReportOptions extends RegisterOptions {
  year?: string;
  format: string;
  share?: boolean;
  output?: string;
  force?: boolean;
}
export interface ExportOptions extends RegisterOptions {
  year?: string;
  output?: string;
  force?: boolean;
}
export interface PruneOptions extends RegisterOptions {
  olderThan: string;
  dryRun?: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The register file: --register, else CONVENANT_REGISTER, else the user's data folder. */
export function registerPath(io: Io, option: string | undefined): { file: string; shown: string } {
  const given = option ?? io.env.CONVENANT_REGISTER;
  if (given !== undefined && given !== '') return { file: resolve(io.cwd, given), shown: given };
  const file = defaultRegisterPath(io.env, process.platform, io.env.HOME || homedir());
  return { file, shown: file };
}

function openStore(io: Io, options: RegisterOptions, create: boolean): RegisterStore {
  const { file, shown } = registerPath(io, options.register);
  try {
    return RegisterStore.open(file, { create, shown });
  } catch (error) {
    throw asUsage(error);
  }
}

const asUsage = (error: unknown): unknown => (error instanceof RegisterError ? new UsageError(error.message, error.hint) : error);

async function withStore<T>(io: Io, options: RegisterOptions, create: boolean, fn: (store: RegisterStore) => T | Promise<T>): Promise<T> {
  const store = openStore(io, options, create);
  try {
    return await fn(store);
  } catch (error) {
    throw asUsage(error);
  } finally {
    store.close();
  }
}

/** SOURCE_DATE_EPOCH (seconds) fixes "today" for reproducible output; else the clock. */
function now(io: Io): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

function todayOf(io: Io): string {
  return dutchDay(now(io));
}

function schoolFor(io: Io, store: RegisterStore, option: string | undefined): string {
  const school = option ?? (io.env.CONVENANT_SCHOOL || undefined) ?? store.getMeta('school');
  if (school === undefined) {
    throw new UsageError(
      'het register weet niet voor welke school het is',
      'Stel de naam één keer in: convenant register school "Naam van de school" (of geef --school mee, of zet CONVENANT_SCHOOL).',
    );
  }
  const problem = schoolProblem(school);
  if (problem)
    throw new UsageError(
      `ongeldige schoolnaam "${sanitize(school.slice(0, 80))}": ${problem}`,
      'Gebruik de naam van de school of vestiging, bijvoorbeeld "College Weert, locatie Zuid".',
    );
  return school;
}

function checkReference(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const problem = referenceProblem(ref);
  if (problem) throw new UsageError(`ongeldige zaakcode: ${problem}`, REFERENCE_HINT);
  return ref;
}

function checkDay(day: string | undefined, today: string): string | undefined {
  if (day === undefined) return undefined;
  if (!isDay(day)) throw new UsageError(`ongeldige datum "${sanitize(day.slice(0, 20))}"`, 'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld --day 2026-03-14.');
  if (day > today) throw new UsageError(`de datum ${day} ligt in de toekomst`, 'Geef de dag waarop het incident gebeurde.');
  return day;
}

function parseYear(text: string | undefined, io: Io): number {
  if (text === undefined) return Number(todayOf(io).slice(0, 4));
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2999)
    throw new UsageError(`ongeldig jaar "${sanitize(text.slice(0, 20))}"`, 'Geef een jaar van vier cijfers, bijvoorbeeld --year 2026.');
  return Number(text);
}

function choice<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`onbekend formaat "${sanitize(value.slice(0, 40))}"`, `Kies ${allowed.map((a) => `${option} ${a}`).join(', ')}.`);
}

/** A record id as typed by the user: the number from `register list`. */
function parseId(text: string): number {
  if (!/^\d{1,12}$/.test(text)) throw new UsageError(`"${sanitize(text.slice(0, 20))}" is geen registernummer`, 'Het nummer staat vooraan in convenant register list.');
  return Number(text);
}

// ------------------------------------------------------------------ reading input files

interface ReadJson {
  data: unknown;
  /** Locates a JSON path in the file as line:column (parses the file again, only when needed). */
  locate: (path: readonly (string | number)[]) => Promise<string>;
}

/**
 * Reads a JSON file. The fast path (read, JSON.parse) is what adding thousands of files costs; the
 * loader's checked reader and the YAML parser (with positions) run only to explain a problem.
 */
async function readJson(io: Io, file: string, maxBytes: number): Promise<ReadJson> {
  const path = resolve(io.cwd, file);
  let text = fastRead(path, maxBytes);
  if (text === undefined) {
    const read = readDataFile(path, file, maxBytes);
    if ('problem' in read) {
      if (read.problem.code === 'io-error') throw new UsageError(`kan ${file} niet lezen`, 'Controleer de naam, de map en de rechten.');
      throw new UsageError(`${file}:${read.problem.line}:${read.problem.column}: ${read.problem.message}`, read.problem.hint);
    }
    text = read.text;
  }
  const source = text;
  const positions = async () => {
    const { parseYamlData } = await import('../../loader/parse-yaml.js');
    return parseYamlData(file, source);
  };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    // A binary or non-UTF-8 file gets the loader's own message.
    const read = readDataFile(path, file, maxBytes);
    if ('problem' in read) throw new UsageError(`${file}:${read.problem.line}:${read.problem.column}: ${read.problem.message}`, read.problem.hint);
    const parsed = await positions();
    const problem = parsed.diagnostics.find((d) => d.severity === 'error');
    const where = problem ? `${problem.line}:${problem.column}` : '1:1';
    throw new UsageError(
      `${file}:${where}: dit is geen geldig JSON-bestand${problem ? ` (${problem.message.replace(/^YAML-fout: /, '')})` : ''}`,
      'Geef een advies dat convenant als JSON bewaarde (--format json).',
    );
  }
  return {
    data,
    locate: async (path) => {
      const { SourceMap } = await import('../../loader/source-map.js');
      const sourceMap = new SourceMap();
      sourceMap.addFile(file, text);
      const span = sourceMap.locatePath(file, path);
      return `${span.line}:${span.column}`;
    },
  };
}

/** The text of a regular file within the size limit, or undefined (then the checked reader says why). */
function fastRead(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const bytes = readFileSync(fd);
    if (bytes.length > maxBytes) return undefined;
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function problemLines(file: string, read: ReadJson, problems: readonly RecordProblem[], prefix: (string | number)[] = []): Promise<string[]> {
  const lines: string[] = [];
  for (const p of problems.slice(0, MAX_LISTED)) {
    lines.push(`${sanitize(file)}:${await read.locate([...prefix, ...p.path])}: ${p.message}${p.hint ? `\n  ${p.hint}` : ''}`);
  }
  if (problems.length > MAX_LISTED) lines.push(`${sanitize(file)}: en nog ${problems.length - MAX_LISTED} problemen`);
  return lines;
}

// ------------------------------------------------------------------ commands

export async function runRegisterAdd(io: Io, files: readonly string[], options: AddOptions): Promise<number> {
  const today = todayOf(io);
  const reference = checkReference(options.ref);
  const day = checkDay(options.day, today);
  if (reference !== undefined && files.length > 1) throw new UsageError('een zaakcode hoort bij één incident', 'Geef --ref alleen mee met één bestand.');
  return withStore(io, options, true, async (store) => {
    const school = schoolFor(io, store, options.school);
    const build: BuildOptions = { school, ...(reference !== undefined ? { reference } : {}), ...(day !== undefined ? { day } : {}) };
    let added = 0;
    let existing = 0;
    const failed: { index: number; lines: string[] }[] = [];
    // Each incident is added in its own transaction, in the order of the files.
    const accept = (index: number, record: RegisterRecord) => {
      if (record.day > today) {
        failed.push({
          index,
          lines: [`${sanitize(files[index]!)}: het advies is gemaakt op ${record.day}, in de toekomst\n  Controleer de klok van de computer, of geef de dag met --day.`],
        });
        return;
      }
      const result = store.add(record);
      if (result.added) added++;
      else existing++;
      if (files.length === 1) {
        io.stdout.write(
          result.added
            ? `Toegevoegd aan het register als nr. ${result.id} (${record.day}, ${record.categories.join(', ')}).\n`
            : `Stond al in het register als nr. ${result.id}; niets toegevoegd.\n`,
        );
      }
    };
    // Many files: reading and parsing (most of the work) runs in worker threads; whatever they
    // could not turn into a record is done again here, where the problem is located and explained.
    const again = await readInWorkers(io, files, build, accept);
    for (const index of again) {
      const file = files[index]!;
      let read: ReadJson;
      try {
        read = await readJson(io, file, MAX_ADVICE_BYTES);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        failed.push({ index, lines: [`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`] });
        continue;
      }
      const built = recordFromAdvice(read.data, { ...build, sha256 });
      if (built.ok) accept(index, built.record);
      else failed.push({ index, lines: await problemLines(file, read, built.problems) });
    }
    if (files.length > 1 || failed.length > 0) {
      io.stdout.write(`${added} toegevoegd, ${existing} stonden er al in${failed.length > 0 ? `, ${failed.length} niet gelezen` : ''}.\n`);
    }
    for (const f of failed.sort((a, b) => a.index - b.index)) for (const line of f.lines) io.stderr.write(`${line}\n`);
    return failed.length > 0 ? EXIT.usage : EXIT.ok;
  });
}

interface BuildOptions {
  school: string;
  reference?: string;
  day?: string;
}

/** Below this many files a worker costs more than it saves. */
const WORKER_MIN_FILES = 200;
const WORKER_BATCH = 64;

/**
 * Reads and parses the files in worker threads (at most 4, one per core), handing each record to
 * `accept` in file order as soon as it and all before it are ready. Returns the indexes of the
 * files to do again in this thread: those a worker could not turn into a record, or all of them
 * when workers cannot run (few files, or not from the bundle, as in the tests of the source).
 */
async function readInWorkers(io: Io, files: readonly string[], build: BuildOptions, accept: (index: number, record: RegisterRecord) => void): Promise<number[]> {
  const all = files.map((_, i) => i);
  const module = import.meta.url;
  const count = Math.min(4, availableParallelism());
  if (files.length < WORKER_MIN_FILES || count < 2 || !module.endsWith('.cjs')) return all;
  const results = new Array<RegisterRecord | null | undefined>(files.length);
  const again: number[] = [];
  let next = 0;
  const drain = () => {
    while (next < files.length && results[next] !== undefined) {
      const record = results[next];
      if (record) accept(next, record);
      else again.push(next);
      results[next] = null;
      next++;
    }
  };
  const code = "const { workerData } = require('node:worker_threads'); require(require('node:url').fileURLToPath(workerData.module)).registerAddWorker();";
  const runs = Array.from({ length: count }, (_, w) => {
    const share = all.filter((i) => i % count === w).map((i) => [i, resolve(io.cwd, files[i]!)] as const);
    return new Promise<void>((done) => {
      const worker = new Worker(code, { eval: true, workerData: { module, files: share, build, maxBytes: MAX_ADVICE_BYTES } });
      worker.on('message', (batch: [number, RegisterRecord | null][]) => {
        for (const [i, record] of batch) results[i] = record;
        drain();
      });
      // A worker that fails leaves its files to this thread.
      worker.on('error', () => undefined);
      worker.on('exit', () => done());
    });
  });
  await Promise.all(runs);
  drain();
  for (let i = next; i < files.length; i++) again.push(i);
  return [...new Set(again)].sort((a, b) => a - b);
}

/** The body of an add worker (see readInWorkers): read, parse and build; null where that fails. */
export function registerAddWorker(): void {
  const data = workerData as { files: [number, string][]; build: BuildOptions; maxBytes: number };
  let batch: [number, RegisterRecord | null][] = [];
  for (const [i, path] of data.files) {
    let record: RegisterRecord | null = null;
    const text = fastRead(path, data.maxBytes);
    if (text !== undefined) {
      try {
        const built = recordFromAdvice(JSON.parse(text), { ...data.build, sha256 });
        if (built.ok) record = built.record;
      } catch {
        // explained by the main thread
      }
    }
    batch.push([i, record]);
    if (batch.length === WORKER_BATCH) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  parentPort!.postMessage(batch);
}

/** For `incident --register`: opened before the questions, so a wrong file or school fails first. */
export interface IncidentRegister {
  add(advice: unknown): void;
  close(): void;
}

export function openRegisterForIncident(io: Io, options: { register?: string | boolean; ref?: string; school?: string }): IncidentRegister {
  const reference = checkReference(options.ref);
  const store = openStore(io, { ...(typeof options.register === 'string' ? { register: options.register } : {}) }, true);
  try {
    const school = schoolFor(io, store, options.school);
    return {
      add(advice) {
        const built = recordFromAdvice(advice, { school, sha256, ...(reference !== undefined ? { reference } : {}) });
        if (!built.ok) throw new UsageError(`het advies kan niet in het register: ${built.problems.map((p) => p.message).join('; ')}`);
        try {
          const result = store.add(built.record);
          io.stderr.write(`Geregistreerd in het register als nr. ${result.id} (geen namen, alleen wat het protocol concludeerde).\n`);
        } catch (error) {
          throw asUsage(error);
        }
      },
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

const roleText = (r: string | null) => r ?? 'onbekend';

export async function runRegisterList(io: Io, options: ListOptions): Promise<number> {
  const format = choice(options.format, LIST_FORMATS, '--format');
  const year = options.year !== undefined ? parseYear(options.year, io) : undefined;
  return withStore(io, options, false, (store) => {
    const records = store.records({ ...(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}), ...(options.open ? { status: 'open' as const } : {}) });
    if (format === 'json') {
      io.stdout.write(safeJson(records));
      return EXIT.ok;
    }
    if (records.length === 0) {
      io.stdout.write('Geen incidenten in het register' + (year ? ` in ${year}` : '') + (options.open ? ' met open opvolging' : '') + '.\n');
      return EXIT.ok;
    }
    const rows = records.map((r) => [
      String(r.id),
      r.day,
      r.categories.join(', '),
      `${roleText(r.perpetrator)} → ${roleText(r.victim)}`,
      r.status === 'open' ? 'open' : 'klaar',
      r.reference ?? '',
    ]);
    const header = ['nr', 'datum', 'categorie', 'dader → geraakt', 'opvolging', 'zaakcode'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    io.stdout.write(`${[line(header), ...rows.map(line)].map(sanitize).join('\n')}\n`);
    const open = records.filter((r) => r.status === 'open').length;
    io.stdout.write(`\n${records.length} incident${records.length === 1 ? '' : 'en'}, ${open} met open opvolging.\n`);
    return EXIT.ok;
  });
}

export async function runRegisterShow(io: Io, idText: string, options: ListOptions): Promise<number> {
  const id = parseId(idText);
  const format = choice(options.format, LIST_FORMATS, '--format');
  return withStore(io, options, false, (store) => {
    const [record] = store.records({ ids: [id] });
    if (!record) throw new UsageError(`nr. ${id} staat niet in het register`, 'Zoek het nummer op met convenant register list.');
    if (format === 'json') {
      io.stdout.write(safeJson(record));
      return EXIT.ok;
    }
    const lines: [string, string][] = [
      ['Datum', record.day],
      ['School', record.school],
      ['Categorie', record.categories.join(', ')],
      ['Wie deed het', roleText(record.perpetrator)],
      ['Wie werd geraakt', roleText(record.victim)],
      ['Leeftijd leerling', record.ageBand ? AGE_BAND_LABEL[record.ageBand] : 'onbekend'],
      ['Plek', record.place ? PLACE_LABEL[record.place] : 'onbekend'],
      ['Partners', record.partners.length > 0 ? record.partners.map((p) => `${p.id} (${URGENCY_LABEL[p.urgency]})`).join(', ') : 'geen'],
      ['Regels', record.rules.length > 0 ? record.rules.join(', ') : 'geen'],
      ['Protocol', `${record.protocol.id} ${record.protocol.version}`],
      ['Zaakcode', record.reference ?? '—'],
      ['Opvolging', record.status === 'open' ? 'open' : `klaar (${record.closedDay ?? 'datum onbekend'})`],
    ];
    const width = Math.max(...lines.map(([k]) => k.length));
    io.stdout.write(`Incident nr. ${record.id}\n${lines.map(([k, v]) => `  ${k.padEnd(width)}  ${sanitize(v)}`).join('\n')}\n`);
    return EXIT.ok;
  });
}

export async function runRegisterClose(io: Io, idText: string, options: RegisterOptions): Promise<number> {
  const id = parseId(idText);
  const today = todayOf(io);
  return withStore(io, options, false, (store) => {
    const result = store.closeFollowUp(id, today);
    if (result === 'missing') throw new UsageError(`nr. ${id} staat niet in het register`, 'Zoek het nummer op met convenant register list --open.');
    io.stdout.write(result === 'closed' ? `Opvolging van nr. ${id} afgesloten op ${today}.\n` : `De opvolging van nr. ${id} was al afgesloten.\n`);
    return EXIT.ok;
  });
}

/** `register ref NR ZAAKCODE`: the school's case code of a record, set or changed afterwards; checked as at add. */
export async function runRegisterRef(io: Io, idText: string, code: string, options: RegisterOptions): Promise<number> {
  const id = parseId(idText);
  const reference = checkReference(code)!;
  return withStore(io, options, false, (store) => {
    const { result, previous } = store.setReference(id, reference);
    if (result === 'missing') throw new UsageError(`nr. ${id} staat niet in het register`, 'Zoek het nummer op met convenant register list.');
    io.stdout.write(
      result === 'same'
        ? `Nr. ${id} had de zaakcode ${reference} al; niets gewijzigd.\n`
        : previous === null
          ? `Nr. ${id} heeft nu de zaakcode ${reference}.\n`
          : `De zaakcode van nr. ${id} is gewijzigd van ${sanitize(previous)} in ${reference}.\n`,
    );
    return EXIT.ok;
  });
}

export async function runRegisterReport(io: Io, options: ReportOptions): Promise<number> {
  const format = choice(options.format, REPORT_FORMATS, '--format');
  const year = parseYear(options.year, io);
  return withStore(io, options, false, (store) => {
    const report = buildReport(countGroups(year, store.yearGroups(year)), countGroups(year - 1, store.yearGroups(year - 1)), { share: options.share === true, today: todayOf(io) });
    const text = format === 'html' ? renderReportHtml(report) : format === 'csv' ? renderReportCsv(report) : renderReportMarkdown(report);
    if (options.output === undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    const written = writeOutputFile(options.output, text, { cwd: io.cwd, force: options.force === true });
    io.stderr.write(`Jaaroverzicht ${year} bewaard in ${sanitize(written)}.\n`);
    return EXIT.ok;
  });
}

/** The export: every record with its uid, so importing it anywhere twice adds nothing twice. */
export async function runRegisterExport(io: Io, options: ExportOptions): Promise<number> {
  const year = options.year !== undefined ? parseYear(options.year, io) : undefined;
  return withStore(io, options, false, (store) => {
    const records = store.records(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}).map(({ id: _id, ...record }) => record);
    const text = `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: todayOf(io), records }, null, 1)}\n`;
    if (options.output === undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    const written = writeOutputFile(options.output, text, { cwd: io.cwd, force: options.force === true });
    io.stderr.write(`${records.length} incidenten geëxporteerd naar ${sanitize(written)}.\n`);
    return EXIT.ok;
  });
}

export async function runRegisterImport(io: Io, files: readonly string[], options: RegisterOptions): Promise<number> {
  // Every file is checked completely before anything is added: a file is imported whole or not at all.
  const batches: { file: string; records: RegisterRecord[] }[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const read = await readJson(io, file, MAX_EXPORT_BYTES);
    const data = read.data as Record<string, unknown> | null;
    if (typeof data !== 'object' || data === null || data.format !== EXPORT_FORMAT || !Array.isArray(data.records)) {
      failed.push(
        `${sanitize(file)}:${await read.locate([])}: dit is geen export van een register van convenant\n  Maak een export met convenant register export --output export.json.`,
      );
      continue;
    }
    if (data.version !== EXPORT_VERSION) {
      failed.push(
        `${sanitize(file)}:${await read.locate(['version'])}: onbekende exportversie ${JSON.stringify(data.version)}; deze versie van convenant leest versie ${EXPORT_VERSION}\n  Werk convenant bij.`,
      );
      continue;
    }
    const records: RegisterRecord[] = [];
    const problems: string[] = [];
    for (const [i, raw] of (data.records as unknown[]).entries()) {
      const built = recordFromExport(raw);
      if (built.ok) records.push(built.record);
      else if (problems.length < MAX_LISTED) problems.push(...(await problemLines(file, read, built.problems, ['records', i])));
    }
    if (problems.length > 0) failed.push(...problems, `${sanitize(file)}: niets uit dit bestand geïmporteerd`);
    else batches.push({ file, records });
  }
  if (failed.length > 0) {
    for (const line of failed) io.stderr.write(`${line}\n`);
    io.stderr.write('Er is niets geïmporteerd; herstel de bestanden hierboven en probeer het opnieuw.\n');
    return EXIT.usage;
  }
  return withStore(io, options, true, (store) => {
    for (const batch of batches) {
      const r = store.addMany(batch.records);
      io.stdout.write(
        `${sanitize(batch.file)}: ${r.added} toegevoegd, ${r.existing} stonden er al in${r.updated > 0 ? `, ${r.updated} bijgewerkt (opvolging elders afgesloten)` : ''}.\n`,
      );
    }
    return EXIT.ok;
  });
}

export async function runRegisterBackup(io: Io, target: string, options: RegisterOptions): Promise<number> {
  const file = resolve(io.cwd, target);
  if (existsSync(file))
    throw new UsageError(`${sanitize(target)} bestaat al; het wordt niet overschreven`, 'Kies een nieuwe naam voor de back-up, bijvoorbeeld met de datum erin.');
  if (!statSync(dirname(file), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`de map van ${sanitize(target)} bestaat niet`, 'Maak de map eerst aan.');
  return withStore(io, options, false, async (store) => {
    if (resolve(store.file) === file) throw new UsageError('de back-up kan niet in het register zelf', 'Kies een ander bestand.');
    await store.backup(file);
    io.stdout.write(
      `Back-up van ${store.count()} incidenten gemaakt in ${sanitize(target)}. Zet die terug door hem met --register te gebruiken of over het register te kopiëren.\n`,
    );
    return EXIT.ok;
  });
}

/** "5j", "18m", "6w", "400d" (also y, jaar, maanden, weken, dagen) or a date: records before it go. */
export function pruneCutoff(text: string, today: string): string {
  if (isDay(text)) return text;
  const m = /^(\d{1,4})\s*(j|y|jaar|jaren|m|mnd|maand|maanden|w|week|weken|d|dag|dagen)$/i.exec(text.trim());
  if (!m) {
    throw new UsageError(
      `"${sanitize(text.slice(0, 20))}" is geen bewaartermijn`,
      'Schrijf bijvoorbeeld --older-than 5j (jaar), 18m (maanden), 6w (weken), 400d (dagen), of een datum JJJJ-MM-DD.',
    );
  }
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase()[0];
  const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (unit === 'j' || unit === 'y') date.setUTCFullYear(y - n);
  else if (unit === 'm') date.setUTCMonth(mo - 1 - n);
  else date.setUTCDate(d - (unit === 'w' ? 7 * n : n));
  return date.toISOString().slice(0, 10);
}

export async function runRegisterPrune(io: Io, options: PruneOptions): Promise<number> {
  const cutoff = pruneCutoff(options.olderThan, todayOf(io));
  return withStore(io, options, false, (store) => {
    const n = store.prune(cutoff, options.dryRun === true);
    io.stdout.write(
      options.dryRun
        ? `${n} incident${n === 1 ? '' : 'en'} van vóór ${cutoff} zou${n === 1 ? '' : 'den'} verwijderd worden (proefrun, niets verwijderd).\n`
        : `${n} incident${n === 1 ? '' : 'en'} van vóór ${cutoff} verwijderd.\n`,
    );
    return EXIT.ok;
  });
}

export async function runRegisterSchool(io: Io, name: string | undefined, options: RegisterOptions): Promise<number> {
  return withStore(io, options, name !== undefined, (store) => {
    if (name === undefined) {
      const school = store.getMeta('school');
      io.stdout.write(school ? `${sanitize(school)}\n` : 'Er is nog geen school ingesteld. Stel die in met: convenant register school "Naam van de school".\n');
      return EXIT.ok;
    }
    const problem = schoolProblem(name);
    if (problem) throw new UsageError(`ongeldige schoolnaam: ${problem}`, 'Gebruik de naam van de school of vestiging, bijvoorbeeld "College Weert, locatie Zuid".');
    store.setMeta('school', name);
    io.stdout.write(`Nieuwe incidenten in dit register krijgen de school "${sanitize(name)}".\n`);
    return EXIT.ok;
  });
}
