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
import type { YearCounts } from './report.js';

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
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
   CREATE TABLE incidents (
     id INTEGER PRIMARY KEY,
     uid TEXT NOT NULL UNIQUE,
     day TEXT NOT NULL,
     school TEXT NOT NULL,
     perpetrator TEXT,
     victim TEXT,
     age_band TEXT,
     place TEXT,
     protocol_id TEXT NOT NULL,
     protocol_version TEXT NOT NULL,
     reference TEXT,
     status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
     closed_day TEXT
   ) STRICT;
   CREATE INDEX incidents_day ON incidents (day);
   CREATE TABLE incident_categories (
     incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
     category TEXT NOT NULL,
     PRIMARY KEY (incident_id, category)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE incident_partners (
     incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
     partner TEXT NOT NULL,
     urgency TEXT NOT NULL,
     PRIMARY KEY (incident_id, partner)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE incident_rules (
     incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
     rule TEXT NOT NULL,
     PRIMARY KEY (incident_id, rule)
   ) STRICT, WITHOUT ROWID;`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

const SQLITE_HEADER = 'SQLite format 3\0';

/** The native module is loaded here, when a register command runs, never at start-up. */
function sqlite(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new RegisterError(
      `de databasemodule (better-sqlite3) kan niet geladen worden (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      'Installeer convenant opnieuw (npm ci); de module wordt dan voor deze computer gebouwd.',
    );
  }
}

const codeOf = (error: unknown): string => (error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '');

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
      throw new RegisterError(`kan het register ${shown} niet openen (${codeOf(error) || (error instanceof Error ? error.message : String(error))})`, 'Controleer de map en de rechten.');
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
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) throw foreign(shown, 'het is een database van een ander programma');
    const version = db.pragma('user_version', { simple: true }) as number;
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
    this.retryBusy(() => db.pragma('journal_mode = WAL'));
    // WAL with NORMAL: a committed record survives a crash of the program (kill -9); only a power
    // failure can lose the last few commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
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
      incident: db.prepare(
        `INSERT INTO incidents (uid, day, school, perpetrator, victim, age_band, place, protocol_id, protocol_version, reference, status, closed_day)
         VALUES (@uid, @day, @school, @perpetrator, @victim, @ageBand, @place, @protocolId, @protocolVersion, @reference, @status, @closedDay)
         ON CONFLICT (uid) DO NOTHING`,
      ),
      category: db.prepare('INSERT INTO incident_categories (incident_id, category) VALUES (?, ?)'),
      partner: db.prepare('INSERT INTO incident_partners (incident_id, partner, urgency) VALUES (?, ?, ?)'),
      rule: db.prepare('INSERT INTO incident_rules (incident_id, rule) VALUES (?, ?)'),
      byUid: db.prepare('SELECT id, status FROM incidents WHERE uid = ?'),
      closeByUid: db.prepare("UPDATE incidents SET status = 'closed', closed_day = ? WHERE uid = ? AND status = 'open'"),
    };
  }

  /** Inserts without a transaction of its own; see `add` and `addMany`. */
  private insert(record: RegisterRecord): { id: number; added: boolean; updated: boolean } {
    const s = (this.statements ??= this.prepareInserts());
    const result = s.incident.run({
      uid: record.uid,
      day: record.day,
      school: record.school,
      perpetrator: record.perpetrator,
      victim: record.victim,
      ageBand: record.ageBand,
      place: record.place,
      protocolId: record.protocol.id,
      protocolVersion: record.protocol.version,
      reference: record.reference,
      status: record.status,
      closedDay: record.closedDay,
    });
    if (result.changes === 0) {
      const existing = s.byUid.get(record.uid) as { id: number; status: Status };
      // Closed somewhere else (another school's copy, an older export): the follow-up is done.
      const updated = record.status === 'closed' && existing.status === 'open' && s.closeByUid.run(record.closedDay, record.uid).changes > 0;
      return { id: existing.id, added: false, updated };
    }
    const id = Number(result.lastInsertRowid);
    for (const c of record.categories) s.category.run(id, c);
    for (const p of record.partners) s.partner.run(id, p.id, p.urgency);
    for (const r of record.rules) s.rule.run(id, r);
    return { id, added: true, updated: false };
  }

  /** Adds one record in its own transaction: a crash loses at most this record. Same uid: nothing added. */
  add(record: RegisterRecord): { id: number; added: boolean; updated: boolean } {
    return this.db.transaction(() => this.insert(record)).immediate();
  }

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

  /** Records by id (ascending), with an optional filter; children read in bulk. */
  records(filter: { ids?: readonly number[]; from?: string; to?: string; status?: Status } = {}): (RegisterRecord & { id: number })[] {
    const params: Record<string, unknown> = { from: filter.from ?? null, to: filter.to ?? null, status: filter.status ?? null };
    const ids = filter.ids ? `AND $.id IN (${filter.ids.map((id) => Number(id)).join(',') || 'NULL'})` : '';
    const where = (t: string) =>
      `WHERE (@from IS NULL OR ${t}.day >= @from) AND (@to IS NULL OR ${t}.day <= @to) AND (@status IS NULL OR ${t}.status = @status) ${ids.replace('$', t)}`;
    const rows = this.db.prepare(`SELECT * FROM incidents i ${where('i')} ORDER BY i.day, i.id`).all(params) as IncidentRow[];
    const children = (table: string, column: string) => {
      const map = new Map<number, unknown[]>();
      const sql = `SELECT t.* FROM ${table} t JOIN incidents i ON i.id = t.incident_id ${where('i')} ORDER BY t.incident_id, t.${column}`;
      for (const row of this.db.prepare(sql).iterate(params) as Iterable<Record<string, unknown>>) {
        const list = map.get(row.incident_id as number) ?? [];
        list.push(row);
        map.set(row.incident_id as number, list);
      }
      return map;
    };
    const categories = children('incident_categories', 'category');
    const partners = children('incident_partners', 'partner');
    const rules = children('incident_rules', 'rule');
    return rows.map((row) => ({
      id: row.id,
      uid: row.uid,
      day: row.day,
      school: row.school,
      categories: ((categories.get(row.id) ?? []) as { category: string }[]).map((c) => c.category),
      perpetrator: row.perpetrator as RegisterRecord['perpetrator'],
      victim: row.victim as RegisterRecord['victim'],
      ageBand: row.age_band as RegisterRecord['ageBand'],
      place: row.place as RegisterRecord['place'],
      partners: ((partners.get(row.id) ?? []) as { partner: string; urgency: Urgency }[]).map((p): PartnerUrgency => ({ id: p.partner, urgency: p.urgency })),
      rules: ((rules.get(row.id) ?? []) as { rule: string }[]).map((r) => r.rule),
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

  /** Deletes records of incidents before `day`; returns how many (or would, with dryRun). */
  prune(day: string, dryRun: boolean): number {
    if (dryRun) return (this.db.prepare('SELECT count(*) AS n FROM incidents WHERE day < ?').get(day) as { n: number }).n;
    return this.db.transaction(() => this.db.prepare('DELETE FROM incidents WHERE day < ?').run(day).changes).immediate();
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

  /** The counts of one year for the report, computed in SQL (a year of 100,000 records in well under a second). */
  yearCounts(year: number, groups: { arbo: readonly { id: string; categories: readonly string[] }[]; meldcode: readonly string[]; meldplicht: readonly string[]; camera: readonly string[] }): YearCounts {
    const db = this.db;
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const inYear = 'i.day BETWEEN @from AND @to';
    const total = (db.prepare(`SELECT count(*) AS n FROM incidents i WHERE ${inYear}`).get(range) as { n: number }).n;
    const months = new Array<number>(12).fill(0);
    for (const r of db.prepare(`SELECT CAST(substr(i.day, 6, 2) AS INTEGER) AS m, count(*) AS n FROM incidents i WHERE ${inYear} GROUP BY m`).all(range) as { m: number; n: number }[]) {
      months[r.m - 1] = r.n;
    }
    const categoryMonths = new Map<string, number[]>();
    const categorySql = `SELECT c.category AS k, CAST(substr(i.day, 6, 2) AS INTEGER) AS m, count(*) AS n
      FROM incidents i JOIN incident_categories c ON c.incident_id = i.id WHERE ${inYear} GROUP BY k, m`;
    for (const r of db.prepare(categorySql).all(range) as { k: string; m: number; n: number }[]) {
      const list = categoryMonths.get(r.k) ?? new Array<number>(12).fill(0);
      list[r.m - 1] = r.n;
      categoryMonths.set(r.k, list);
    }
    const byColumn = (column: string) =>
      new Map((db.prepare(`SELECT i.${column} AS k, count(*) AS n FROM incidents i WHERE ${inYear} GROUP BY k`).all(range) as { k: string | null; n: number }[]).map((r) => [r.k, r.n]));
    const partners = new Map<string, Map<Urgency, number>>();
    const partnerSql = `SELECT p.partner AS k, p.urgency AS u, count(*) AS n FROM incidents i JOIN incident_partners p ON p.incident_id = i.id WHERE ${inYear} GROUP BY k, u`;
    for (const r of db.prepare(partnerSql).all(range) as { k: string; u: Urgency; n: number }[]) {
      const map = partners.get(r.k) ?? new Map<Urgency, number>();
      map.set(r.u, r.n);
      partners.set(r.k, map);
    }
    const rules = new Map(
      (db.prepare(`SELECT r.rule AS k, count(*) AS n FROM incidents i JOIN incident_rules r ON r.incident_id = i.id WHERE ${inYear} GROUP BY k`).all(range) as { k: string; n: number }[]).map((r) => [
        r.k,
        r.n,
      ]),
    );
    const distinct = (table: string, column: string, values: readonly string[]) =>
      values.length === 0
        ? 0
        : (
            db
              .prepare(`SELECT count(DISTINCT i.id) AS n FROM incidents i JOIN ${table} t ON t.incident_id = i.id WHERE ${inYear} AND t.${column} IN (${values.map(() => '?').join(',')})`)
              .get(range, ...values) as { n: number }
          ).n;
    return {
      year,
      total,
      months,
      categoryMonths,
      perpetrator: byColumn('perpetrator'),
      victim: byColumn('victim'),
      ageBand: byColumn('age_band'),
      place: byColumn('place'),
      partners,
      rules,
      meldcode: distinct('incident_rules', 'rule', groups.meldcode),
      meldplicht: distinct('incident_rules', 'rule', groups.meldplicht),
      camera: distinct('incident_rules', 'rule', groups.camera),
      open: (db.prepare(`SELECT count(*) AS n FROM incidents i WHERE ${inYear} AND i.status = 'open'`).get(range) as { n: number }).n,
      arbo: new Map(groups.arbo.map((a) => [a.id, distinct('incident_categories', 'category', a.categories)])),
      schools: (db.prepare(`SELECT DISTINCT i.school AS s FROM incidents i WHERE ${inYear} ORDER BY s`).all(range) as { s: string }[]).map((r) => r.s),
    };
  }

  /** The consistency check of SQLite itself: "ok", or what is wrong. */
  integrity(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }
}

interface IncidentRow {
  id: number;
  uid: string;
  day: string;
  school: string;
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
