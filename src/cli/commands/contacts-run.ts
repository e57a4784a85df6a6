// The work behind `convenant contacts`.
import { contactReport, isCalendarDate, localDate } from '../../analysis/contacts.js';
import { contactsJson, renderContactsMarkdown, renderContactsText } from '../../render/contacts.js';
import { sanitize } from '../../render/sanitize.js';
import { safeJson } from '../../render/text.js';
import { themeFor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { CONTACT_FORMATS } from './formats.js';
import type { ContactsOptions } from './contacts.js';
import { checkFormat, lineWidth } from './lookup-options.js';
import { loadValidProtocol } from './load-valid.js';

export async function runContacts(io: Io, options: ContactsOptions, now: () => Date = () => new Date()): Promise<number> {
  const format = checkFormat(options.format, CONTACT_FORMATS);
  if (options.today !== undefined && !isCalendarDate(options.today)) {
    throw new UsageError(`"${sanitize(options.today)}" is geen geldige datum`, 'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld --today 2026-09-01.');
  }
  const protocol = loadValidProtocol(io, options.protocols);
  const report = contactReport(protocol, options.today ?? localDate(now()));
  if (format === 'json') io.stdout.write(safeJson(contactsJson(report)));
  else if (format === 'markdown') io.stdout.write(renderContactsMarkdown(report, `${protocol.meta.title} (${protocol.meta.region})`));
  else io.stdout.write(renderContactsText(report, await themeFor(io, io.stdout, options.color), lineWidth(io)));
  const attention = report.entries.some((e) => e.problems.length > 0);
  return options.check && attention ? EXIT.findings : EXIT.ok;
}
