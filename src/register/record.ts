// One register record: what the protocol concluded about an incident, without personal data.
// Built from a saved JSON advice (schemaVersion 1) or an export; every field is a code from a closed
// list or an id of the protocol, never free text. Pure: no file system, no database.
import { URGENCIES, type Urgency } from '../model/core.js';

export const ROLES = ['leerling', 'medewerker', 'ouder', 'derde'] as const;
export type Role = (typeof ROLES)[number];

export const AGE_BANDS = ['tot-8', '8-11', '12-15', '16-17', '18-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABEL: Record<AgeBand, string> = {
  'tot-8': 'jonger dan 8',
  '8-11': '8 tot 12',
  '12-15': '12 tot 16',
  '16-17': '16 of 17',
  '18-plus': '18 of ouder',
};

export const PLACES = ['op-school', 'rond-school', 'online', 'schoolreis-stage', 'elders'] as const;
export type Place = (typeof PLACES)[number];
export const PLACE_LABEL: Record<Place, string> = {
  'op-school': 'op school',
  'rond-school': 'rond school',
  online: 'online',
  'schoolreis-stage': 'schoolreis of stage',
  elders: 'elders, buiten school',
};

export const STATUSES = ['open', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export interface PartnerUrgency {
  id: string;
  urgency: Urgency;
}

/** The content of a record; `uid` is its identity everywhere (add, export, import). */
export interface RegisterRecord {
  uid: string;
  /** The day of the incident, YYYY-MM-DD (no time). */
  day: string;
  school: string;
  categories: string[];
  perpetrator: Role | null;
  victim: Role | null;
  ageBand: AgeBand | null;
  place: Place | null;
  partners: PartnerUrgency[];
  rules: string[];
  protocol: { id: string; version: string };
  reference: string | null;
  status: Status;
  closedDay: string | null;
}

/** A problem in an input file, with the JSON path it is about (located by the caller). */
export interface RecordProblem {
  path: (string | number)[];
  message: string;
  hint?: string;
}

export type Built = { ok: true; record: RegisterRecord } | { ok: false; problems: RecordProblem[] };

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UID = /^[0-9a-f]{64}$/;

/** The context step ids of the shipped protocol, used when a saved advice has no `context` yet. */
const CONTEXT_STEPS = { perpetrator: 'dader', victim: 'slachtoffer', age: 'leeftijd', place: 'plek', categories: 'categorie' } as const;

/** Answer values of the perpetrator and victim questions → the register's four roles. */
const ROLE_OF: Record<string, Role> = {
  leerling: 'leerling',
  medewerker: 'medewerker',
  ouder: 'ouder',
  derde: 'derde',
  'andere-volwassene': 'derde',
  'andere-jongere': 'derde',
  'iemand-anders': 'derde',
};

const AGE_BAND_BY_LABEL = new Map<string, AgeBand>(Object.entries(AGE_BAND_LABEL).map(([band, label]) => [label, band as AgeBand]));

export function ageBandOf(age: number): AgeBand {
  if (age < 8) return 'tot-8';
  if (age < 12) return '8-11';
  if (age < 16) return '12-15';
  if (age < 18) return '16-17';
  return '18-plus';
}

export function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The calendar day in the Netherlands of an instant: a walk at 00:30 belongs to that day, not the
 * UTC one. From 1996 to 2099 by the EU rule (CET, CEST from the last Sunday of March 01:00 UTC to
 * the last Sunday of October 01:00 UTC): arithmetic, because setting up the first time-zone formatter
 * of a process is slow (and every add worker makes one). Other instants: the time-zone database.
 */
export function dutchDay(instant: Date): string {
  const ms = instant.getTime();
  const year = instant.getUTCFullYear();
  if (year < 1996 || year > 2099 || Number.isNaN(ms)) {
    // Made once: building a formatter with a time zone costs far more than formatting.
    dutchDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    return dutchDayFormat.format(instant);
  }
  const summer = ms >= lastSundayAt1(year, 2) && ms < lastSundayAt1(year, 9);
  return new Date(ms + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}
let dutchDayFormat: Intl.DateTimeFormat | undefined;

/** 01:00 UTC on the last Sunday of a month (0-based), in ms. */
function lastSundayAt1(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/**
 * A case reference the school chooses: a short code with a digit, no spaces, and not only digits
 * (a pupil number or BSN is personal data), not a date (a birth date). Returns why not, or undefined.
 */
export function referenceProblem(code: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{1,19}$/.test(code)) {
    return 'een zaakcode is 2 tot 20 tekens: letters, cijfers en . _ / -, zonder spaties';
  }
  if (!/\d/.test(code)) return 'een zaakcode bevat minstens één cijfer (een naam of woord hoort niet in het register)';
  if (/^\d+$/.test(code)) return 'een zaakcode van alleen cijfers kan een leerlingnummer of BSN zijn; gebruik een code als 2026-014';
  if (/^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(code) || /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(code)) {
    return 'een zaakcode die op een datum lijkt kan een geboortedatum zijn; gebruik een code als 2026-014';
  }
  if (/@/.test(code)) return 'een zaakcode is geen e-mailadres';
  return undefined;
}

export const REFERENCE_HINT = 'Kies een korte code van de school zelf, bijvoorbeeld 2026-014 of INC-42. Namen, omschrijvingen en leerlingnummers horen niet in het register.';

/** The configured school name: a name of an institution, one line, no control characters. */
export function schoolProblem(name: string): string | undefined {
  if (name.trim() !== name || name.length < 2 || name.length > 80) return 'de naam van de school is 2 tot 80 tekens, zonder spaties aan begin of eind';
  if (!/^[\p{L}\p{N}][\p{L}\p{N} .,'&()/-]*$/u.test(name)) return "de naam van de school bevat alleen letters, cijfers, spaties en . , ' & ( ) / -";
  return undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface FromAdviceOptions {
  school: string;
  reference?: string;
  /** Overrides the day taken from the advice (the incident happened earlier than the walk). */
  day?: string;
  /** sha256 hex; injected so this module stays free of node:crypto. */
  sha256: (text: string) => string;
}

/**
 * The record of a saved JSON advice. The advice's `context` and `categories` are read when present
 * and derived from `answers` otherwise (advice saved before they existed). Answers that are not on
 * the closed lists are left out, never stored as text.
 */
export function recordFromAdvice(data: unknown, options: FromAdviceOptions): Built {
  const problems: RecordProblem[] = [];
  const fail = (path: (string | number)[], message: string, hint?: string) => {
    problems.push(hint ? { path, message, hint } : { path, message });
  };
  if (!isObject(data) || data.schemaVersion === undefined || !Array.isArray(data.answers)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          message: 'dit is geen bewaard advies van convenant (JSON)',
          hint: 'Bewaar het advies met convenant incident --format json --output advies.json, of met "Advies downloaden (JSON)" op de webpagina.',
        },
      ],
    };
  }
  if (data.schemaVersion !== 1) {
    return {
      ok: false,
      problems: [
        {
          path: ['schemaVersion'],
          message: `onbekende schemaVersion ${JSON.stringify(data.schemaVersion)}; deze versie van convenant leest versie 1`,
          hint: 'Werk convenant bij.',
        },
      ],
    };
  }
  if (data.fault !== null && data.fault !== undefined) {
    fail(
      ['fault'],
      'dit advies is onvolledig (het protocol liep vast) en wordt niet geregistreerd',
      'Meld de fout bij de beheerder van het protocol en doorloop het incident opnieuw.',
    );
  }
  const generated = typeof data.generated === 'string' ? new Date(data.generated) : undefined;
  if (!generated || Number.isNaN(generated.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(data.generated as string)) {
    fail(['generated'], 'het veld "generated" is geen datum en tijd (ISO 8601)');
  }
  const protocol = isObject(data.protocol) ? data.protocol : undefined;
  if (!protocol || typeof protocol.id !== 'string' || !ID.test(protocol.id)) fail(['protocol', 'id'], 'het protocol-id ontbreekt of is ongeldig');
  if (!protocol || typeof protocol.version !== 'string' || !VERSION.test(protocol.version)) fail(['protocol', 'version'], 'de protocolversie ontbreekt of is ongeldig');

  // Answers by step id; the last one wins (a walk answers each question once).
  const answers = new Map<string, unknown>();
  (data.answers as unknown[]).forEach((a, i) => {
    if (!isObject(a) || typeof a.step !== 'string') return fail(['answers', i], 'een antwoord zonder "step"');
    answers.set(a.step, a.value);
  });
  const context = isObject(data.context) ? data.context : undefined;
  // A protocol without `context` in its metadata gives nulls and no categories: then the answers
  // of the shipped protocol's context steps are the best reading.
  const fromContext = <T>(key: string, step: string): T | undefined => {
    const value = context?.[key];
    return (value !== null && value !== undefined ? value : answers.get(step)) as T;
  };

  let categories: string[] = [];
  const listed = Array.isArray(data.categories) && data.categories.length > 0;
  const rawCategories = listed ? data.categories : answers.get(CONTEXT_STEPS.categories);
  const categoryPath = listed ? ['categories'] : ['answers'];
  const list = Array.isArray(rawCategories) ? rawCategories : rawCategories === undefined || rawCategories === null ? [] : [rawCategories];
  for (const c of list) {
    if (typeof c === 'string' && ID.test(c)) categories.push(c);
    else fail(categoryPath, `ongeldige categorie ${JSON.stringify(c).slice(0, 40)}`, 'Een categorie is een id uit het protocol, zoals fysiek-geweld.');
  }
  categories = [...new Set(categories)].sort();
  if (categories.length === 0 && problems.length === 0) fail(categoryPath, 'het advies noemt geen categorie', 'Alleen een volledig doorlopen incident kan in het register.');

  const role = (v: unknown): Role | null => (typeof v === 'string' ? (ROLE_OF[v] ?? null) : null);
  const perpetrator = role(fromContext('perpetrator', CONTEXT_STEPS.perpetrator));
  const victim = role(fromContext('victim', CONTEXT_STEPS.victim));
  const age = fromContext<unknown>('age', CONTEXT_STEPS.age);
  let ageBand: AgeBand | null = typeof age === 'number' && Number.isFinite(age) && age >= 0 ? ageBandOf(age) : null;
  if (ageBand === null && context && typeof context.ageBand === 'string') ageBand = AGE_BAND_BY_LABEL.get(context.ageBand) ?? null;
  const placeValue = fromContext<unknown>('place', CONTEXT_STEPS.place);
  const place = typeof placeValue === 'string' && (PLACES as readonly string[]).includes(placeValue) ? (placeValue as Place) : null;

  const partners: PartnerUrgency[] = [];
  if (!Array.isArray(data.partners)) fail(['partners'], 'de lijst "partners" ontbreekt');
  else
    data.partners.forEach((p, i) => {
      if (!isObject(p) || typeof p.id !== 'string' || !ID.test(p.id)) return fail(['partners', i, 'id'], 'een partner zonder geldig id');
      if (typeof p.urgency !== 'string' || !(URGENCIES as readonly string[]).includes(p.urgency)) {
        return fail(['partners', i, 'urgency'], `onbekende urgentie ${JSON.stringify(p.urgency)}`, `Geldig: ${URGENCIES.join(', ')}.`);
      }
      if (!partners.some((q) => q.id === p.id)) partners.push({ id: p.id, urgency: p.urgency as Urgency });
    });
  const rules: string[] = [];
  if (!Array.isArray(data.rules)) fail(['rules'], 'de lijst "rules" ontbreekt');
  else
    data.rules.forEach((r, i) => {
      if (!isObject(r) || typeof r.id !== 'string' || !ID.test(r.id)) return fail(['rules', i, 'id'], 'een regel zonder geldig id');
      rules.push(r.id);
    });

  let day = generated && !Number.isNaN(generated.getTime()) ? dutchDay(generated) : '';
  if (options.day !== undefined) day = options.day;
  const reference = options.reference ?? null;
  if (problems.length > 0) return { ok: false, problems };

  const content = {
    day,
    school: options.school,
    categories,
    perpetrator,
    victim,
    ageBand,
    place,
    partners: partners.sort((a, b) => a.id.localeCompare(b.id)),
    rules: [...new Set(rules)].sort(),
    protocol: { id: protocol!.id as string, version: protocol!.version as string },
  };
  // The walk's exact time and protocol fingerprint make two incidents with the same content two
  // records, and the same saved advice added twice one record. Neither is stored.
  const uid = options.sha256(JSON.stringify({ v: 1, generated: generated!.toISOString(), sha256: typeof protocol!.sha256 === 'string' ? protocol!.sha256 : '', ...content }));
  return { ok: true, record: { uid, ...content, reference, status: 'open', closedDay: null } };
}

/** Checks a record read from an export: the same closed lists as `recordFromAdvice`. */
export function recordFromExport(data: unknown): Built {
  const problems: RecordProblem[] = [];
  const fail = (path: (string | number)[], message: string) => {
    problems.push({ path, message });
  };
  if (!isObject(data)) return { ok: false, problems: [{ path: [], message: 'een record is geen object' }] };
  const str = (key: string, test: (v: string) => boolean, what: string): string => {
    const v = data[key];
    if (typeof v !== 'string' || !test(v)) fail([key], `ongeldig veld "${key}": ${what}`);
    return v as string;
  };
  const nullable = <T extends string>(key: string, allowed: readonly T[]): T | null => {
    const v = data[key];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail([key], `ongeldig veld "${key}": kies uit ${allowed.join(', ')} of null`);
    return v as T;
  };
  const ids = (key: string): string[] => {
    const v = data[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !ID.test(x))) {
      fail([key], `ongeldig veld "${key}": een lijst van id's`);
      return [];
    }
    return [...new Set(v as string[])].sort();
  };
  const uid = str('uid', (v) => UID.test(v), '64 hexadecimale tekens');
  const day = str('day', isDay, 'een datum JJJJ-MM-DD');
  const school = str('school', (v) => schoolProblem(v) === undefined, 'de naam van een school');
  const categories = ids('categories');
  if (categories.length === 0) fail(['categories'], 'ongeldig veld "categories": minstens één categorie');
  const rules = ids('rules');
  const partners: PartnerUrgency[] = [];
  if (!Array.isArray(data.partners)) fail(['partners'], 'ongeldig veld "partners": een lijst');
  else
    data.partners.forEach((p, i) => {
      if (!isObject(p) || typeof p.id !== 'string' || !ID.test(p.id) || !(URGENCIES as readonly string[]).includes(p.urgency as string)) {
        fail(['partners', i], 'ongeldige partner: { id, urgency }');
      } else if (!partners.some((q) => q.id === p.id)) partners.push({ id: p.id, urgency: p.urgency as Urgency });
    });
  const protocol = isObject(data.protocol) ? data.protocol : {};
  if (typeof protocol.id !== 'string' || !ID.test(protocol.id) || typeof protocol.version !== 'string' || !VERSION.test(protocol.version)) {
    fail(['protocol'], 'ongeldig veld "protocol": { id, version }');
  }
  let reference: string | null = null;
  if (data.reference !== null && data.reference !== undefined) {
    const why = typeof data.reference === 'string' ? referenceProblem(data.reference) : 'geen tekst';
    if (why) fail(['reference'], `ongeldige zaakcode: ${why}`);
    else reference = data.reference as string;
  }
  const status = nullable('status', STATUSES) ?? 'open';
  let closedDay: string | null = null;
  if (data.closedDay !== null && data.closedDay !== undefined) closedDay = str('closedDay', isDay, 'een datum JJJJ-MM-DD');
  const record: RegisterRecord = {
    uid,
    day,
    school,
    categories,
    perpetrator: nullable('perpetrator', ROLES),
    victim: nullable('victim', ROLES),
    ageBand: nullable('ageBand', AGE_BANDS),
    place: nullable('place', PLACES),
    partners: partners.sort((a, b) => a.id.localeCompare(b.id)),
    rules,
    protocol: { id: protocol.id as string, version: protocol.version as string },
    reference,
    status,
    closedDay: status === 'closed' ? closedDay : null,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}
