// The Bijlage 2 list of contact persons: which are missing, incomplete or not checked for over a
// year. The covenant asks the partners to keep an up-to-date list; "today" is a parameter so the
// check is reproducible.
import type { ContactPerson, Partner, Protocol } from '../model/core.js';
import { isCalendarDate } from '../model/types.js';

export type ContactProblemCode = 'missing' | 'no-contact' | 'no-date' | 'invalid-date' | 'future-date' | 'stale';

export interface ContactEntry {
  partner: Partner;
  person?: ContactPerson;
  problems: ContactProblemCode[];
  /** The date by which the entry should be checked again (reviewed + 12 months). */
  recheckBy?: string;
}

export interface ContactReport {
  today: string;
  entries: ContactEntry[];
}

/** How long a check stays valid. */
export const REVIEW_MONTHS = 12;

/**
 * Every partner with a contact person slot, plus every core partner (the covenant gives each core
 * partner a fixed contact person), in protocol order.
 */
export function contactReport(protocol: Protocol, today: string): ContactReport {
  if (!isCalendarDate(today)) throw new RangeError(`geen geldige datum: ${today}`);
  const entries = protocol.partners.filter((p) => p.person !== undefined || p.kind === 'core').map((partner) => entryFor(partner, today));
  return { today, entries };
}

function entryFor(partner: Partner, today: string): ContactEntry {
  const person = partner.person;
  const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';
  if (!person || !filled(person.name)) return { partner, ...(person ? { person } : {}), problems: ['missing'] };
  const problems: ContactProblemCode[] = [];
  if (!filled(person.phone) && !filled(person.email)) problems.push('no-contact');
  let recheckBy: string | undefined;
  const reviewed = person.reviewed ?? undefined;
  if (!reviewed) problems.push('no-date');
  else if (!isCalendarDate(reviewed)) problems.push('invalid-date');
  else if (reviewed > today) problems.push('future-date');
  else {
    recheckBy = addMonths(reviewed, REVIEW_MONTHS);
    if (today > recheckBy) problems.push('stale');
  }
  return { partner, person, problems, ...(recheckBy ? { recheckBy } : {}) };
}

// One check for dates, shared with the schema: validate and contacts agree on what a date is.
export { isCalendarDate };

/** Adds months to a calendar date; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Today's date in local time as YYYY-MM-DD. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
