// `convenant contacts`: the Bijlage 2 contact persons with what needs attention.
import type { ContactEntry, ContactProblemCode, ContactReport } from '../analysis/contacts.js';
import { mdText } from './advice-markdown.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';

export const PROBLEM_TEXT: Record<ContactProblemCode, string> = {
  missing: 'ontbreekt: nog geen contactpersoon ingevuld',
  'no-contact': 'onvolledig: geen telefoon en geen e-mail',
  'no-date': 'geen datum: zet bij reviewed wanneer de gegevens zijn gecontroleerd',
  'invalid-date': 'ongeldige datum bij reviewed (schrijf JJJJ-MM-DD)',
  'future-date': 'datum bij reviewed ligt in de toekomst',
  stale: 'verouderd: langer dan 12 maanden niet gecontroleerd',
};

const SHORT: Record<ContactProblemCode, string> = {
  missing: 'ontbreekt',
  'no-contact': 'onvolledig',
  'no-date': 'geen datum',
  'invalid-date': 'ongeldige datum',
  'future-date': 'datum in de toekomst',
  stale: 'verouderd',
};

export function summaryLine(report: ContactReport): string {
  const attention = report.entries.filter((e) => e.problems.length > 0);
  if (report.entries.length === 0) return 'Dit protocol houdt geen contactpersonen bij.';
  if (attention.length === 0) return `Alle ${report.entries.length} contactpersonen zijn ingevuld en in de afgelopen 12 maanden gecontroleerd.`;
  const counts = new Map<string, number>();
  for (const e of attention) for (const p of e.problems) counts.set(SHORT[p], (counts.get(SHORT[p]) ?? 0) + 1);
  const parts = [...counts].map(([word, n]) => `${word}: ${n}`);
  return `${attention.length} van de ${report.entries.length} contactpersonen vragen aandacht (${parts.join(', ')}).`;
}

const HOW_TO_FIX =
  'Vul de contactpersoon in bij de partner in partners.yaml (onderdeel person: name, role, phone, email) en zet bij reviewed de datum waarop je de gegevens hebt gecontroleerd (JJJJ-MM-DD).';

export function renderContactsText(report: ContactReport, theme: Theme, width: number): string {
  const { chalk } = theme;
  const out = [chalk.bold(`Vaste contactpersonen van de partners (Bijlage 2) — peildatum ${report.today}`), ''];
  for (const entry of report.entries) {
    const ok = entry.problems.length === 0;
    const mark = ok ? chalk.green('in orde') : chalk.red('let op ');
    out.push(`${mark}  ${chalk.bold(sanitize(entry.partner.name))} ${chalk.dim(`(${sanitize(entry.partner.id)})`)}`);
    const indent = '         ';
    const details = personDetails(entry);
    if (details) out.push(wrapIndented(details, width, indent));
    if (entry.person?.reviewed && !entry.problems.includes('invalid-date')) {
      out.push(`${indent}gecontroleerd op ${sanitize(entry.person.reviewed)}${entry.recheckBy ? `, opnieuw controleren uiterlijk ${entry.recheckBy}` : ''}`);
    }
    for (const p of entry.problems) out.push(wrapIndented(chalk.yellow(PROBLEM_TEXT[p]), width, indent));
  }
  out.push('', summaryLine(report));
  if (report.entries.some((e) => e.problems.length)) out.push(wrapIndented(HOW_TO_FIX, width, ''));
  return `${out.join('\n')}\n`;
}

function personDetails(entry: ContactEntry): string {
  const p = entry.person;
  if (!p?.name?.trim()) return '';
  return [p.role ? `${p.name} (${p.role})` : p.name, p.phone, p.email]
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map(sanitize)
    .join(' · ');
}

export function renderContactsMarkdown(report: ContactReport, title: string): string {
  const cell = (v: string | null | undefined) => (v && v.trim() ? mdText(v) : '–');
  const out = [
    '# Vaste contactpersonen van de partners (Bijlage 2)',
    '',
    `${mdText(title)} · peildatum ${report.today}`,
    '',
    '| Partner | Contactpersoon | Functie | Telefoon | E-mail | Gecontroleerd | Let op |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of report.entries) {
    const p = e.person;
    const attention = e.problems.map((code) => SHORT[code]).join(', ') || 'in orde';
    out.push(`| ${mdText(e.partner.name)} | ${cell(p?.name)} | ${cell(p?.role)} | ${cell(p?.phone)} | ${cell(p?.email)} | ${cell(p?.reviewed)} | ${attention} |`);
  }
  out.push('', summaryLine(report), '');
  if (report.entries.some((e) => e.problems.length)) out.push(HOW_TO_FIX, '');
  return out.join('\n');
}

export function contactsJson(report: ContactReport): unknown {
  return {
    today: report.today,
    entries: report.entries.map((e) => ({
      partner: e.partner.id,
      name: e.partner.name,
      kind: e.partner.kind,
      person: e.person ?? null,
      status: e.problems.length ? 'attention' : 'ok',
      problems: e.problems.map((code) => ({ code, message: PROBLEM_TEXT[code] })),
      recheckBy: e.recheckBy ?? null,
    })),
    summary: {
      total: report.entries.length,
      ok: report.entries.filter((e) => e.problems.length === 0).length,
      attention: report.entries.filter((e) => e.problems.length > 0).length,
    },
  };
}
