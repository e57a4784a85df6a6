// `convenant sources`: registration only; the work is in sources-run.ts.
import { Option } from 'commander';
import type { Register } from './index.js';
import { SOURCES_FORMATS } from './formats.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface SourcesOptions extends LookupOptions {
  format: string;
  check?: boolean;
  timeout: string;
}

export const registerSources: Register = (program, io, outcome) => {
  program
    .command('sources')
    .description('De bronnen van het protocol (artikelen, wetten, uitspraken, websites); met --check: werken de links nog?')
    .addOption(formatOption(SOURCES_FORMATS, 'text (scherm) of json', 'text'))
    .addOption(new Option('--check', 'test elke link van bronnen en partners (de enige opdracht die het internet op gaat)'))
    .addOption(new Option('--timeout <seconden>', 'hoe lang op één link gewacht wordt').default('15'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant sources
      Alle bronnen met soort, artikel en link.
  convenant sources --check
      Controleer of elke link nog werkt (doorverwijzingen worden gevolgd).

Afsluitcodes: 0 alles in orde, 1 een of meer links werken niet, 2 verkeerd gebruik, ongeldig protocol
of geen netwerk (dan is er niets gecontroleerd).`,
    )
    .action(async (options: SourcesOptions) => {
      const { runSources } = await import('./sources-run.js');
      outcome.code = await runSources(io, options);
    });
};
