// The Bijlage 2 check: missing, incomplete and stale contact persons, with a fixed "today".
import { describe, expect, it } from 'vitest';
import { addMonths, contactReport, isCalendarDate } from '../../src/analysis/contacts.js';
import type { ContactPerson, Partner, Protocol } from '../../src/model/index.js';
import { mini } from '../helpers/mini.js';

const person = (p: Partial<ContactPerson>): ContactPerson => ({ name: 'Alex', role: 'coördinator', phone: '000', email: 'a@example.org', reviewed: '2025-01-15', ...p });
const withPartners = (partners: Partner[]): Protocol => ({ ...mini(), partners });
const core = (id: string, p?: ContactPerson): Partner => ({ id, name: id, kind: 'core', ...(p ? { person: p } : {}) });
const problemsOf = (p: ContactPerson | undefined, today: string) => contactReport(withPartners([core('x', p)]), today).entries[0]!.problems;

describe('contactReport', () => {
  it('flags the mini fixture: school in order, politie stale, zorgteam missing; the external line without a slot is left out', () => {
    const report = contactReport(mini(), '2025-06-01');
    expect(report.entries.map((e) => [e.partner.id, e.problems])).toEqual([
      ['school', []],
      ['politie', ['stale']],
      ['zorgteam', ['missing']],
    ]);
    expect(report.entries[0]!.recheckBy).toBe('2026-03-01');
  });

  it.each([
    ['2026-01-15', []], // exactly 12 months: still valid
    ['2026-01-16', ['stale']], // one day later: stale
    ['2025-01-15', []], // checked today
    ['2025-01-14', ['future-date']], // checked "tomorrow"
  ])('reviewed 2025-01-15, today %s → %j', (today, expected) => {
    expect(problemsOf(person({}), today)).toEqual(expected);
  });

  it.each([
    ['no person slot on a core partner', undefined, ['missing']],
    ['an empty name', person({ name: '  ' }), ['missing']],
    ['a null name', person({ name: null }), ['missing']],
    ['no phone and no e-mail', person({ phone: null, email: '' }), ['no-contact']],
    ['only an e-mail', person({ phone: null }), []],
    ['no review date', person({ reviewed: null }), ['no-date']],
    ['a date that does not exist', person({ reviewed: '2025-02-30' }), ['invalid-date']],
    ['incomplete and stale at once', person({ phone: null, email: null, reviewed: '2020-01-01' }), ['no-contact', 'stale']],
  ])('%s → %j', (_name, p, expected) => {
    expect(problemsOf(p, '2025-06-01')).toEqual(expected);
  });

  it('includes cooperation and external partners only when they have a contact person slot', () => {
    const report = contactReport(
      withPartners([
        { id: 'a', name: 'A', kind: 'external' },
        { id: 'b', name: 'B', kind: 'cooperation', person: person({}) },
      ]),
      '2025-06-01',
    );
    expect(report.entries.map((e) => e.partner.id)).toEqual(['b']);
  });
});

describe('dates', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-11-15', 2, '2026-01-15'],
    ['2025-03-01', 12, '2026-03-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['25-01-01', false],
    ['2025-1-1', false],
  ])('isCalendarDate(%s) = %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});
