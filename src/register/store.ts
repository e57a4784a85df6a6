// The register on disk: one SQLite file (better-sqlite3), WAL, versioned migrations (user_version),
// a busy timeout so concurrent writers wait instead of failing. The only module that talks to SQLite.
// A file that is not a convenant register (damaged, or another program's database) is refused
// before anything is written to it.
import { closeSync, existsSync, openSync, readSync, statSync, chmodSync, mkdirSync, renameSync, unlinkSync, linkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Urgency } from '../model/core.js';
import type { PartnerUrgency, RegisterRecord, Status } from './record.js';
import { AGE_BANDS, PLACES, ROLES } from './record.js';
import type { YearGroups } from './report.js';

type Database = BetterSqlite3.Database;

/** "CNVR" in the SQLite header: marks the file as a convenant register. */
export const APPLICATION_ID = 0x434e5652;
/** How long a writer waits for another one before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

/** A problem with the register file the user can act on (Dutch message and hint). */
export class RegisterError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Migrations by version: MIGRATIONS[n] takes user_version n to n + 1. Never edit a shipped one; add one. */
const MIGRATIONS: readonly string[] = [
  // Categories, partners and rules are short lists of protocol ids ([a-z0-9-], so never a comma or
  // colon), packed in one column each: one row per incident makes adding one insert, and the report
  // one scan of a year.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
   CREATE TABLE incidents (
     id INTEGER PRIMARY KEY,
     uid TEXT NOT NULL UNIQUE,
     day TEXT NOT NULL,
     school TEXT NOT NULL,
     categories TEXT NOT NULL,
     perpetrator TEXT,
     victim TEXT,
     age_band TEXT,
     place TEXT,
     partners TEXT NOT NULL,
     rules TEXT NOT NULL,
     protocol_id TEXT NOT NULL,
     protocol_version TEXT NOT NULL,
     reference TEXT,
     status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
     closed_day TEXT
   ) STRICT;
   CREATE INDEX incidents_day ON incidents (day);`,
  // The yearly report counts in SQL (GROUP BY, count … FILTER) over one covering index: every
  // column the report reads, after the day, so a year is one range of the index and no table
  // lookups. It starts with the day, so it also serves everything incidents_day served.
  `CREATE INDEX incidents_report ON incidents (day, categories, partners, rules, perpetrator, victim, age_band, place, status, school);
   DROP INDEX incidents_day;`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

const SQLITE_HEADER = 'SQLite format 3\0';
/**
 * The page size of a new register. A commit per incident writes every page it changed (the row,
 * the uid index and the report index) to the WAL, and a checkpoint syncs those bytes: 2 KiB pages
 * halve them against SQLite's 4 KiB, while an index entry of up to ~480 bytes (a long school name
 * and every partner) still fits in its page.
 */
const PAGE_SIZE = 2048;

/**
 * What to do when the native part of better-sqlite3 cannot be loaded: not built because npm skipped
 * its install script (npm 11 asks for approval, --ignore-scripts), or built for another Node version.
 */
export const SQLITE_FIX =
  'de databasemodule better-sqlite3 is niet (of voor een andere Node-versie) gebouwd; herstel dat in de map waar convenant geïnstalleerd is: npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3';

let loaded: typeof BetterSqlite3 | undefined;

/**
 * The native module is loaded here, when a register command runs, never at start-up. better-sqlite3
 * loads its compiled part only when the first database opens; an in-memory one opens it here, so a
 * missing build is this one message and not a list of every path the loader tried.
 */
function sqlite(): typeof BetterSqlite3 {
  if (loaded) return loaded;
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    new Database(':memory:').close();
    loaded = Database;
    return Database;
  } catch {
    throw new RegisterError(SQLITE_FIX, '');
  }
}

const codeOf = (error: unknown): string => (error && typeof error === 'object' && 'code' in error ? String(error.code) : '');

/** Whether a file that exists is worth opening at all: empty, or starting with the SQLite header. */
function checkHeader(file: string, shown: string): void {
  const info = statSync(file);
  if (info.isDirectory()) throw new RegisterError(`${shown} is een map, geen registerbestand`, 'Geef met --register een bestandsnaam op, bijvoorbeeld --register register.sqlite.');
  if (info.size === 0) return;
  const buffer = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, buffer, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 16 || buffer.toString('latin1') !== SQLITE_HEADER) throw foreign(shown, 'het is geen SQLite-database (beschadigd of een ander soort bestand)');
}

const foreign = (shown: string, why: string) =>
  new RegisterError(
    `${shown} is geen register van convenant: ${why}. Het bestand is niet aangeraakt.`,
    'Kies een ander bestand met --register (of CONVENANT_REGISTER), of zet een back-up terug (convenant register backup maakt er een).',
  );

export interface OpenOptions {
  /** Create the file (and its folder) when it does not exist; commands that only read do not. */
  create: boolean;
  /** How the file is named in messages (the path as the user gave it). */
  shown?: string;
}

export class RegisterStore {
  private constructor(
    readonly db: Database,
    readonly file: string,
  ) {}

  static open(file: string, options: OpenOptions): RegisterStore {
    const shown = options.shown ?? file;
    const exists = existsSync(file);
    if (!exists && !options.create) {
      throw new RegisterError(`het register ${shown} bestaat nog niet`, 'Voeg eerst een incident toe: convenant register add advies.json (of convenant incident --register).');
    }
    if (exists) checkHeader(file, shown);
    else mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const Database = sqlite();
    let db: Database;
    try {
      db = new Database(file, { fileMustExist: exists && !options.create });
    } catch (error) {
      throw new RegisterError(
        `kan het register ${shown} niet openen (${codeOf(error) || (error instanceof Error ? error.message : String(error))})`,
        'Controleer de map en de rechten.',
      );
    }
    const store = new RegisterStore(db, file);
    try {
      store.prepare(shown, exists);
    } catch (error) {
      db.close();
      if (error instanceof RegisterError) throw error;
      const code = codeOf(error);
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw foreign(shown, 'het bestand is beschadigd');
      if (code === 'SQLITE_BUSY') throw new RegisterError(`het register ${shown} is bezet door een ander programma`, 'Probeer het over een minuut opnieuw.');
      if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
        throw new RegisterError(`kan niet schrijven in het register ${shown} (${code})`, 'Controleer de rechten van het bestand en de map.');
      }
      throw error;
    }
    return store;
  }

  private prepare(shown: string, existed: boolean): void {
    const db = this.db;
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read-only checks first: another program's database is never changed, not even to WAL.
    // One read transaction, so the three are one snapshot: a second convenant creating the same new
    // file meanwhile must not be seen half-way (its tables, but not yet its application id).
    const { appId, tables, version } = db.transaction(() => ({
      appId: db.pragma('application_id', { simple: true }) as number,
      tables: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n,
      version: db.pragma('user_version', { simple: true }) as number,
    }))();
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) throw foreign(shown, 'het is een database van een ander programma');
    if (version > SCHEMA_VERSION) {
      throw new RegisterError(`het register ${shown} is gemaakt door een nieuwere versie van convenant (schema ${version})`, 'Werk convenant bij; het bestand is niet aangeraakt.');
    }
    if (!existed) {
      try {
        chmodSync(this.file, 0o600);
      } catch {
        // Windows, or a file system without modes
      }
    }
    // Only before anything is written; an existing register keeps its own.
    if (version === 0 && tables === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    this.retryBusy(() => db.pragma('journal_mode = WAL'));
    // WAL with NORMAL: a committed record survives a crash of the program (kill -9); only a power
    // failure can lose the last few commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 20000');
    // Deleted records (prune) are overwritten on disk, not left behind in free pages.
    db.pragma('secure_delete = ON');
    if (version < SCHEMA_VERSION) this.migrate();
  }

  /** journal_mode changes do not always wait on the busy handler; retry them for the same time. */
  private retryBusy(fn: () => unknown): void {
    const until = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      try {
        fn();
        return;
      } catch (error) {
        if (codeOf(error) !== 'SQLITE_BUSY' || Date.now() > until) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
  }

  private migrate(): void {
    const db = this.db;
    db.transaction(() => {
      // Another process may have migrated while this one waited for the lock.
      const current = db.pragma('user_version', { simple: true }) as number;
      for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private statements?: ReturnType<RegisterStore['prepareInserts']>;

  private prepareInserts() {
    const db = this.db;
    return {
      // Positional parameters: binding 15 values by name costs a lookup each, for every incident.
      incident: db.prepare(
        `INSERT INTO incidents (uid, day, school, categories, perpetrator, victim, age_band, place, partners, rules, protocol_id, protocol_version, reference, status, closed_day)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uid) DO NOTHING`,
      ),
      byUid: db.prepare('SELECT id, status FROM incidents WHERE uid = ?'),
      closeByUid: db.prepare("UPDATE incidents SET status = 'closed', closed_day = ? WHERE uid = ? AND status = 'open'"),
    };
  }

  /** Inserts without a transaction of its own; see `add` and `addMany`. */
  private insert(record: RegisterRecord): { id: number; added: boolean; updated: boolean } {
    const s = (this.statements ??= this.prepareInserts());
    const result = s.incident.run(
      record.uid,
      record.day,
      record.school,
      record.categories.join(','),
      record.perpetrator,
      record.victim,
      record.ageBand,
      record.place,
      packPartners(record.partners),
      record.rules.join(','),
      record.protocol.id,
      record.protocol.version,
      record.reference,
      record.status,
      record.closedDay,
    );
    if (result.changes === 0) {
      const existing = s.byUid.get(record.uid) as { id: number; status: Status };
      // Closed somewhere else (another school's copy, an older export): the follow-up is done.
      const updated = record.status === 'closed' && existing.status === 'open' && s.closeByUid.run(record.closedDay, record.uid).changes > 0;
      return { id: existing.id, added: false, updated };
    }
    return { id: Number(result.lastInsertRowid), added: true, updated: false };
  }

  /** Adds one record in its own transaction: a crash loses at most this record. Same uid: nothing added. */
  add(record: RegisterRecord): { id: number; added: boolean; updated: boolean } {
    this.addOne ??= this.db.transaction((r: RegisterRecord) => this.insert(r));
    return this.addOne.immediate(record);
  }

  private addOne?: BetterSqlite3.Transaction<(r: RegisterRecord) => { id: number; added: boolean; updated: boolean }>;

  /** Adds many records in one transaction (an import: all of a file or nothing). */
  addMany(records: readonly RegisterRecord[]): { added: number; updated: number; existing: number } {
    return this.db
      .transaction(() => {
        let added = 0;
        let updated = 0;
        for (const r of records) {
          const result = this.insert(r);
          if (result.added) added++;
          else if (result.updated) updated++;
        }
        return { added, updated, existing: records.length - added - updated };
      })
      .immediate();
  }

  /** Records by day and id, with an optional filter. */
  records(filter: { ids?: readonly number[]; from?: string; to?: string; status?: Status } = {}): (RegisterRecord & { id: number })[] {
    const params = { from: filter.from ?? null, to: filter.to ?? null, status: filter.status ?? null };
    const ids = filter.ids ? `AND id IN (${filter.ids.map((id) => Number(id)).join(',') || 'NULL'})` : '';
    const sql = `SELECT * FROM incidents WHERE (@from IS NULL OR day >= @from) AND (@to IS NULL OR day <= @to) AND (@status IS NULL OR status = @status) ${ids} ORDER BY day, id`;
    return (this.db.prepare(sql).all(params) as IncidentRow[]).map((row) => ({
      id: row.id,
      uid: row.uid,
      day: row.day,
      school: row.school,
      categories: unpack(row.categories),
      perpetrator: row.perpetrator as RegisterRecord['perpetrator'],
      victim: row.victim as RegisterRecord['victim'],
      ageBand: row.age_band as RegisterRecord['ageBand'],
      place: row.place as RegisterRecord['place'],
      partners: unpackPartners(row.partners),
      rules: unpack(row.rules),
      protocol: { id: row.protocol_id, version: row.protocol_version },
      reference: row.reference,
      status: row.status,
      closedDay: row.closed_day,
    }));
  }

  /** Marks the follow-up of a record done. */
  closeFollowUp(id: number, day: string): 'closed' | 'already' | 'missing' {
    const row = this.db.prepare('SELECT status FROM incidents WHERE id = ?').get(id) as { status: Status } | undefined;
    if (!row) return 'missing';
    if (row.status === 'closed') return 'already';
    this.db.prepare("UPDATE incidents SET status = 'closed', closed_day = ? WHERE id = ?").run(day, id);
    return 'closed';
  }

  /** Sets or changes the case reference of a record; returns the one it had. */
  setReference(id: number, reference: string): { result: 'set' | 'same' | 'missing'; previous: string | null } {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT reference FROM incidents WHERE id = ?').get(id) as { reference: string | null } | undefined;
        if (!row) return { result: 'missing' as const, previous: null };
        if (row.reference === reference) return { result: 'same' as const, previous: row.reference };
        this.db.prepare('UPDATE incidents SET reference = ? WHERE id = ?').run(reference, id);
        return { result: 'set' as const, previous: row.reference };
      })
      .immediate();
  }

  /** Deletes records of incidents before `day`; returns how many (or would, with dryRun). */
  prune(day: string, dryRun: boolean): number {
    if (dryRun) return (this.db.prepare('SELECT count(*) AS n FROM incidents WHERE day < ?').get(day) as { n: number }).n;
    const n = this.db.transaction(() => this.db.prepare('DELETE FROM incidents WHERE day < ?').run(day).changes).immediate();
    // Old versions of the deleted rows can still be in the WAL: copy it back and empty it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return n;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
  }

  /** A consistent copy of the whole register, made with SQLite's online backup API while others may write. */
  async backup(target: string): Promise<void> {
    const temp = resolve(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    try {
      await this.db.backup(temp);
      try {
        chmodSync(temp, 0o600);
      } catch {
        // file system without modes
      }
      // A hard link never replaces a file that appeared meanwhile.
      try {
        linkSync(temp, target);
      } catch (error) {
        if (codeOf(error) === 'EEXIST') throw new RegisterError(`${basename(target)} bestaat al; het wordt niet overschreven`, 'Kies een nieuwe naam voor de back-up.');
        renameSync(temp, target);
      }
    } finally {
      try {
        unlinkSync(temp);
      } catch {
        // moved into place
      }
    }
  }

  private reportStatements?: ReturnType<RegisterStore['prepareReport']>;

  private prepareReport() {
    const db = this.db;
    const year = 'FROM incidents WHERE day BETWEEN ? AND ?';
    // The closed lists are this program's own constants ([a-z0-9-]), so they can be literals.
    const literal = (value: string) => {
      if (!/^[a-z0-9-]+$/.test(value)) throw new Error(`not a code: ${value}`);
      return `'${value}'`;
    };
    const fields = [
      ['perpetrator', ROLES],
      ['victim', ROLES],
      ['age_band', AGE_BANDS],
      ['place', PLACES],
    ] as const;
    const filters = fields.flatMap(([column, values]) => [...values.map((v) => `count(*) FILTER (WHERE ${column} = ${literal(v)})`), `count(*) FILTER (WHERE ${column} IS NULL)`]);
    return {
      fields,
      // One pass for the closed lists: a count per value, no sorting.
      closed: db.prepare(`SELECT ${filters.join(', ')}, count(*) FILTER (WHERE status = 'open') ${year}`).raw(),
      categories: db.prepare(`SELECT CAST(substr(day, 6, 2) AS INTEGER), categories, count(*) ${year} GROUP BY 1, 2`).raw(),
      partners: db.prepare(`SELECT partners, count(*) ${year} AND partners <> '' GROUP BY 1`).raw(),
      rules: db.prepare(`SELECT rules, count(*) ${year} AND rules <> '' GROUP BY 1`).raw(),
      schools: db.prepare(`SELECT DISTINCT school ${year}`).pluck(),
    };
  }

  /**
   * The incidents of one year as the report counts them, grouped in SQL over the covering index
   * incidents_report: a few hundred rows per query, not one per incident. The values of the closed
   * lists are the only ones a record can have (recordFromAdvice and recordFromExport check them).
   */
  yearGroups(year: number): YearGroups {
    const s = (this.reportStatements ??= this.prepareReport());
    const range = [`${year}-01-01`, `${year}-12-31`];
    const closed = s.closed.get(range) as number[];
    let at = 0;
    // Values no incident has are left out, as when counting incidents one by one.
    const byValue = (values: readonly string[]) => new Map<string | null, number>([...values, null].map((v) => [v, closed[at++]!] as const).filter(([, n]) => n > 0));
    const [perpetrator, victim, ageBand, place] = s.fields.map(([, values]) => byValue(values)) as [
      Map<string | null, number>,
      Map<string | null, number>,
      Map<string | null, number>,
      Map<string | null, number>,
    ];
    return {
      categories: (s.categories.all(range) as [number, string, number][]).map(([month, categories, count]) => ({ month, categories: unpack(categories), count })),
      perpetrator,
      victim,
      ageBand,
      place,
      open: closed[at]!,
      partners: (s.partners.all(range) as [string, number][]).map(([partners, count]) => ({ partners: unpackPartners(partners), count })),
      rules: (s.rules.all(range) as [string, number][]).map(([rules, count]) => ({ rules: unpack(rules), count })),
      schools: s.schools.all(range) as string[],
    };
  }

  /** The consistency check of SQLite itself: "ok", or what is wrong. */
  integrity(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }
}

const unpack = (text: string): string[] => (text === '' ? [] : text.split(','));
const packPartners = (partners: readonly PartnerUrgency[]) => partners.map((p) => `${p.id}:${p.urgency}`).join(',');
const unpackPartners = (text: string): PartnerUrgency[] =>
  unpack(text).map((p) => {
    const at = p.indexOf(':');
    return { id: p.slice(0, at), urgency: p.slice(at + 1) as Urgency };
  });

interface IncidentRow {
  id: number;
  uid: string;
  day: string;
  school: string;
  categories: string;
  partners: string;
  rules: string;
  perpetrator: string | null;
  victim: string | null;
  age_band: string | null;
  place: string | null;
  protocol_id: string;
  protocol_version: string;
  reference: string | null;
  status: Status;
  closed_day: string | null;
}
