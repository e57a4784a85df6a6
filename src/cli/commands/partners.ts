// `convenant partners [id]`: registration only; the work is in partners-run.ts.
import { PARTNER_FORMATS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface PartnersOptions extends LookupOptions {
  format: string;
}

export const registerPartners: Register = (program, io, outcome) => {
  program
    .command('partners')
    .description('Wie doet wat volgens het convenant: de partners, hun taken (met artikel), contactgegevens en vaste contactpersoon.')
    .argument('[id]', 'één partner, bijvoorbeeld politie')
    .addOption(formatOption(PARTNER_FORMATS, 'text (scherm) of json', 'text'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant partners
      Alle partners: kernpartners, samenwerkingspartners en externe instanties.
  convenant partners politie
      Wat doet de politie volgens het convenant, en hoe bereik je haar?
  convenant partners veilig-thuis --format json
      Dezelfde gegevens voor een script.

Afsluitcodes: 0 gelukt, 2 onbekende partner of ongeldig protocol.`,
    )
    .action(async (id: string | undefined, options: PartnersOptions) => {
      const { runPartners } = await import('./partners-run.js');
      outcome.code = await runPartners(io, id, options);
    });
};
