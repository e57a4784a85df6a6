// A register record holds codes from closed lists and protocol ids only: what a saved advice
// concluded, never names or free text. Context is read from `context` when the advice has it and
// from the answers otherwise.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBandOf, dutchDay, recordFromAdvice, recordFromExport, referenceProblem, schoolProblem } from '../../src/register/record.js';
import { advice } from './advice-fixture.js';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const build = (data: unknown, extra: { reference?: string; day?: string } = {}) => recordFromAdvice(data, { school: 'College Weert', sha256, ...extra });
const ok = (data: unknown, extra: { reference?: string; day?: string } = {}) => {
  const built = build(data, extra);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.record;
};

describe('recordFromAdvice', () => {
  it.each([
    {
      name: 'context fields of the v2 advice',
      shape: {
        categories: ['pesten', 'fysiek-geweld'],
        context: { perpetrator: 'andere-jongere', victim: 'medewerker', age: 13, ageBand: '12 tot 16', schoolType: 'vo', place: 'online' },
      },
      want: { categories: ['fysiek-geweld', 'pesten'], perpetrator: 'derde', victim: 'medewerker', ageBand: '12-15', place: 'online' },
    },
    {
      name: 'derived from the answers of an advice saved before context existed',
      shape: { answers: { categorie: ['wapens', 'bedreiging'], dader: 'ouder', slachtoffer: 'leerling', leeftijd: 7, plek: 'rond-school' } },
      want: { categories: ['bedreiging', 'wapens'], perpetrator: 'ouder', victim: 'leerling', ageBand: 'tot-8', place: 'rond-school' },
    },
    {
      name: 'a protocol without context metadata: null context and no categories, so the answers count',
      shape: {
        categories: [],
        context: { perpetrator: null, victim: null, age: null, ageBand: null, schoolType: null, place: null },
        answers: { categorie: 'pesten', dader: 'leerling', leeftijd: 16 },
      },
      want: { categories: ['pesten'], perpetrator: 'leerling', victim: null, ageBand: '16-17', place: null },
    },
    {
      name: 'a single category answer, no context questions asked',
      shape: { answers: { 'acuut-gevaar': 'ja', categorie: 'diefstal' } },
      want: { categories: ['diefstal'], perpetrator: null, victim: null, ageBand: null, place: null },
    },
    {
      name: 'unknown answers and nobody hurt stay unknown',
      shape: { categories: ['vernieling'], context: { perpetrator: 'onbekend', victim: 'niemand', age: null, ageBand: null, place: null } },
      want: { categories: ['vernieling'], perpetrator: null, victim: null, ageBand: null, place: null },
    },
    {
      name: 'context wins over answers; an age band label alone is enough',
      shape: {
        answers: { categorie: 'pesten', dader: 'leerling' },
        context: { perpetrator: 'medewerker', victim: 'iemand-anders', age: null, ageBand: '16 of 17', place: 'schoolreis-stage' },
      },
      want: { categories: ['pesten'], perpetrator: 'medewerker', victim: 'derde', ageBand: '16-17', place: 'schoolreis-stage' },
    },
    {
      name: 'a place outside school ("elders") is kept as that closed value',
      shape: { answers: { categorie: 'seksuele-intimidatie', plek: 'elders' } },
      want: { categories: ['seksuele-intimidatie'], perpetrator: null, victim: null, ageBand: null, place: 'elders' },
    },
    {
      name: 'values outside the closed lists are left out, never stored as text',
      shape: { answers: { categorie: 'pesten', dader: 'meester Jan', plek: 'bij de bakker', leeftijd: 'weet-niet' } },
      want: { categories: ['pesten'], perpetrator: null, victim: null, ageBand: null, place: null },
    },
  ])('$name', ({ shape, want }) => {
    const record = ok(advice(shape));
    expect({ categories: record.categories, perpetrator: record.perpetrator, victim: record.victim, ageBand: record.ageBand, place: record.place }).toEqual(want);
  });

  it('keeps partners with their urgency, the rules, the protocol and the day; nothing of the texts or contact persons', () => {
    const record = ok(
      advice({
        partners: [
          ['veilig-thuis', 'immediate'],
          ['cjg', 'this-week'],
        ],
        rules: ['meldcode'],
      }),
      { reference: '2026-014' },
    );
    expect(record.partners).toEqual([
      { id: 'cjg', urgency: 'this-week' },
      { id: 'veilig-thuis', urgency: 'immediate' },
    ]);
    expect(record.rules).toEqual(['meldcode']);
    expect(record.protocol).toEqual({ id: 'weert-nederweert', version: '2025.1' });
    expect(record.day).toBe('2026-03-10');
    expect(record.reference).toBe('2026-014');
    expect(JSON.stringify(record)).not.toMatch(/Jansen|Bel de|Vraag|Schrijf/);
  });

  it('takes the day in the Netherlands: a walk at 00:30 Dutch time belongs to that day', () => {
    expect(ok(advice({ generated: '2026-06-30T22:30:00.000Z' })).day).toBe('2026-07-01');
    expect(ok(advice({ generated: '2026-01-31T23:30:00.000Z' })).day).toBe('2026-02-01');
    expect(ok(advice(), { day: '2026-02-02' }).day).toBe('2026-02-02');
  });

  it('gives the same advice the same uid, and two incidents with the same content different ones', () => {
    expect(ok(advice()).uid).toBe(ok(advice()).uid);
    expect(ok(advice()).uid).not.toBe(ok(advice({ generated: '2026-03-10T09:30:00.001Z' })).uid);
    expect(ok(advice()).uid).not.toBe(
      recordFromAdvice(advice(), { school: 'Andere School', sha256 }).ok &&
        (recordFromAdvice(advice(), { school: 'Andere School', sha256 }) as { record: { uid: string } }).record.uid,
    );
  });

  it.each([
    { name: 'not an advice', data: { hello: 1 }, path: [], message: /geen bewaard advies/ },
    { name: 'a newer schema', data: { ...advice(), schemaVersion: 2 }, path: ['schemaVersion'], message: /schemaVersion 2/ },
    { name: 'an incomplete advice', data: advice({ fault: 'cycle' }), path: ['fault'], message: /onvolledig/ },
    { name: 'no category', data: advice({ answers: { 'acuut-gevaar': 'nee' } }), path: ['answers'], message: /geen categorie/ },
    { name: 'a category that is text', data: advice({ categories: ['Ruzie op het plein'] }), path: ['categories'], message: /ongeldige categorie/ },
    { name: 'a wrong urgency', data: { ...advice(), partners: [{ id: 'politie', urgency: 'soon' }] }, path: ['partners', 0, 'urgency'], message: /urgentie/ },
    { name: 'a broken date', data: { ...advice(), generated: 'gisteren' }, path: ['generated'], message: /generated/ },
  ])('refuses $name, saying where', ({ data, path, message }) => {
    const built = build(data);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems[0]!.path).toEqual(path);
    expect(built.problems[0]!.message).toMatch(message);
  });
});

describe('case reference codes', () => {
  it.each(['2026-014', 'INC-42', 'VO/26/7', 'zaak2026.3', 'A1'])('accepts %s', (code) => {
    expect(referenceProblem(code)).toBeUndefined();
  });

  it.each([
    ['Jan Jansen', /spaties/],
    ['Jansen', /cijfer/],
    ['123456789', /BSN/],
    ['4012345', /leerlingnummer/],
    ['01-02-2012', /geboortedatum/],
    ['2012-02-01', /geboortedatum/],
    ['a@b1.nl', /2 tot 20|e-mail/],
    ['ruzie-in-de-klas-met-piet-2026', /2 tot 20/],
    ['', /2 tot 20/],
  ])('refuses %s', (code, why) => {
    expect(referenceProblem(code)).toMatch(why);
  });

  it('refuses every code with whitespace or longer than 20 characters (free text)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        expect(referenceProblem(`${a} ${b}`)).toBeDefined();
        expect(referenceProblem(`${a}\n${b}`)).toBeDefined();
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 21, maxLength: 60 }), (s) => {
        expect(referenceProblem(s)).toBeDefined();
      }),
    );
  });
});

describe('school names and age bands', () => {
  it.each([
    ['College Weert', true],
    ["Basisschool 't Kwintet, locatie Zuid", true],
    ['SO/VSO De Widdonck (Heythuysen)', true],
    [' College', false],
    ['X', false],
    ['School\u001b[31m', false],
    ['a'.repeat(81), false],
  ])('school %j valid: %s', (name, valid) => {
    expect(schoolProblem(name) === undefined).toBe(valid);
  });

  it.each([
    [2, 'tot-8'],
    [7, 'tot-8'],
    [8, '8-11'],
    [11, '8-11'],
    [12, '12-15'],
    [15, '12-15'],
    [16, '16-17'],
    [17, '16-17'],
    [18, '18-plus'],
    [30, '18-plus'],
  ])('age %i is band %s (the ranges of the context flow)', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it('dutchDay gives the day of the time-zone database for every hour and around every change of the clock', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    const wrong: string[] = [];
    const check = (ms: number) => {
      const d = new Date(ms);
      if (dutchDay(d) !== zone.format(d)) wrong.push(d.toISOString());
    };
    // 1990 to 2045 (across the 1996 start of the rule), and 2099 and 2100 (its end): every hour of
    // March and October at :00 and just before, and the two hours around midnight of every day.
    for (const year of [...Array.from({ length: 55 }, (_, i) => 1990 + i), 2099, 2100]) {
      for (const month of [2, 9]) {
        for (let ms = Date.UTC(year, month, 1); ms < Date.UTC(year, month + 1, 1); ms += 3_600_000) {
          check(ms);
          check(ms - 1);
        }
      }
      for (let ms = Date.UTC(year, 0, 1, 21); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) for (const h of [0, 1, 2, 3]) check(ms + h * 3_600_000 - 1);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('dutchDay follows summer and winter time', () => {
    expect(dutchDay(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(dutchDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(dutchDay(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(dutchDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('recordFromExport', () => {
  const exported = () => ({ ...ok(advice()), status: 'closed', closedDay: '2026-04-01' });

  it('reads back what an export wrote', () => {
    const record = exported();
    expect(recordFromExport(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, record });
  });

  it.each([
    ['uid', 'abc', 'uid'],
    ['day', '2026-02-30', 'day'],
    ['school', 'Naam\u0000', 'school'],
    ['perpetrator', 'Jan', 'perpetrator'],
    ['reference', 'Piet Jansen', 'reference'],
    ['categories', ['ruzie op het plein'], 'categories'],
    ['status', 'misschien', 'status'],
  ])('refuses a record with a bad %s', (key, value, path) => {
    const built = recordFromExport({ ...exported(), [key]: value });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.path[0])).toContain(path);
  });
});
