import { contactReport } from '../contacts.js';
import type { Rule } from '../rule.js';

export const contactPersonStale: Rule = {
  code: 'contact-person-stale',
  needsValidProtocol: false,
  *check({ protocol, options }) {
    for (const { partner, person, problems, recheckBy } of contactReport(protocol, options.today).entries) {
      if (partner.kind !== 'core' || !person) continue;
      const name = `de contactpersoon van "${partner.name}"`;
      const hint = 'Controleer naam, telefoon en e-mail met de partner en zet bij "reviewed" de datum van vandaag (JJJJ-MM-DD).';
      if (problems.includes('no-date')) {
        yield { node: person, key: 'name', message: `${name} heeft geen controledatum (reviewed)`, hint };
      } else if (problems.includes('invalid-date')) {
        yield { node: person, key: 'reviewed', message: `${name}: "${person.reviewed}" is geen bestaande datum`, hint };
      } else if (problems.includes('future-date')) {
        yield { node: person, key: 'reviewed', message: `${name} is volgens "reviewed" gecontroleerd op ${person.reviewed}, een datum in de toekomst`, hint };
      } else if (problems.includes('stale')) {
        yield {
          node: person,
          key: 'reviewed',
          message: `${name} is het laatst gecontroleerd op ${person.reviewed}; dat had opnieuw gemoeten vóór ${recheckBy}`,
          hint,
        };
      }
    }
  },
};
