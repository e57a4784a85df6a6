// `convenant contacts`: registration only; the work is in contacts-run.ts.
import { Option } from 'commander';
import { CONTACT_FORMATS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface ContactsOptions extends LookupOptions {
  format: string;
  today?: string;
  check?: boolean;
}

export const registerContacts: Register = (program, io, outcome) => {
  program
    .command('contacts')
    .description('De lijst met vaste contactpersonen van de partners (Bijlage 2): wat ontbreekt en wat is langer dan 12 maanden niet gecontroleerd.')
    .addOption(formatOption(CONTACT_FORMATS, 'text (scherm), markdown (om te delen of te printen) of json', 'text'))
    .addOption(new Option('--today <datum>', 'reken met deze datum in plaats van vandaag (JJJJ-MM-DD)'))
    .addOption(new Option('--check', 'afsluitcode 1 als er een contactpersoon ontbreekt of verouderd is (voor CI)'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant contacts
      Welke contactpersonen ontbreken of moeten opnieuw gecontroleerd worden?
  convenant contacts --format markdown > contactpersonen.md
      De lijst als tabel, om rond te sturen voor het jaarlijkse overleg.
  convenant contacts --check
      In CI: afsluitcode 1 zolang de lijst niet op orde is.

Een contactpersoon is verouderd als de datum bij reviewed meer dan 12 maanden voor vandaag ligt.

Afsluitcodes: 0 gelukt, 1 met --check: er vraagt iets aandacht, 2 verkeerd gebruik of ongeldig protocol.`,
    )
    .action(async (options: ContactsOptions) => {
      const { runContacts } = await import('./contacts-run.js');
      outcome.code = await runContacts(io, options);
    });
};
