import { contactReport } from '../contacts.js';
import type { Rule } from '../rule.js';

export const contactPersonMissing: Rule = {
  code: 'contact-person-missing',
  needsValidProtocol: false,
  *check({ protocol, options }) {
    // The same list as `convenant contacts`, so both commands always agree.
    for (const { partner, person, problems } of contactReport(protocol, options.today).entries) {
      if (partner.kind !== 'core') continue;
      if (problems.includes('missing')) {
        yield {
          ...(person ? { node: person, key: 'name' } : { node: partner, key: 'id' }),
          message: `de vaste contactpersoon (Bijlage 2) van "${partner.name}" ontbreekt`,
          hint: 'Vul onder "person:" naam, functie, telefoon en e-mail in, en zet bij "reviewed" de datum van controle (JJJJ-MM-DD).',
        };
      } else if (problems.includes('no-contact')) {
        yield {
          node: person!,
          key: 'name',
          message: `de contactpersoon van "${partner.name}" heeft geen telefoon en geen e-mail`,
          hint: 'Vul onder "person:" een telefoonnummer of e-mailadres in.',
        };
      }
    }
  },
};
