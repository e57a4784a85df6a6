// `convenant explain <id>`: registration only; the work is in explain-run.ts.
import { Option } from 'commander';
import { EXPLAIN_FORMATS, EXPLAIN_KINDS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface ExplainOptions extends LookupOptions {
  format: string;
  kind?: string;
}

export const registerExplain: Register = (program, io, outcome) => {
  const kind = new Option('--kind <soort>', 'partner of rule, als een id allebei is (zoals halt)');
  kind.argChoices = [...EXPLAIN_KINDS];
  program
    .command('explain')
    .description('Hoe komt iemand bij dit advies? Per plek waar de hulp een partner of regel noemt: de kortste reeks antwoorden die daar uitkomt.')
    .argument('<id>', 'een partner (bijvoorbeeld politie) of een regel (bijvoorbeeld meldcode)')
    .addOption(formatOption(EXPLAIN_FORMATS, 'text (scherm) of json', 'text'))
    .addOption(kind)
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant explain halt
      Bij welke antwoorden raadt de hulp Halt aan (en wanneer geldt de regel halt)?
  convenant explain meldcode
      Welke antwoorden leiden naar de meldcode?
  convenant explain politie --format json
      Dezelfde routes als data; "answers" kun je zo in een scenario zetten.

Elke route is nagespeeld met de hulp zelf, dus hij klopt met het protocol zoals het nu is.
Partners en regels vind je met: convenant partners

Afsluitcodes: 0 gelukt, 2 onbekend id, verkeerd gebruik of ongeldig protocol.`,
    )
    .action(async (id: string, options: ExplainOptions) => {
      const { runExplain } = await import('./explain-run.js');
      outcome.code = await runExplain(io, id, options);
    });
};
