// `convenant export html`: registration only; the work is in export-run.ts.
import { Option } from 'commander';
import { EXPORT_KINDS } from './formats.js';
import type { Register } from './index.js';
import { protocolsOption } from './lookup-options.js';

export interface ExportOptions {
  output?: string;
  force?: boolean;
  protocols?: string;
}

export const registerExport: Register = (program, io, outcome) => {
  program
    .command('export')
    .argument('<soort>', `wat je maakt: ${EXPORT_KINDS.join(', ')}`)
    .description('Maak de hulp bij een incident als één webpagina die zonder internet werkt, om uit te delen aan scholen.')
    .addOption(new Option('-o, --output <bestand>', 'het HTML-bestand dat gemaakt wordt'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addOption(protocolsOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant export html --output hulp-bij-incidenten.html
      Eén HTML-bestand met de vragen en het advies van het protocol. Het werkt zonder internet:
      dubbelklikken, of op een gedeelde schijf, intranet of website zetten.
  convenant export html --protocols protocollen/mijn-regio --output mijn-regio.html
      De pagina voor de protocolmap van een andere regio.

Het protocol wordt eerst gecontroleerd (zoals convenant validate); met fouten komt er geen pagina.
Afsluitcodes: 0 pagina gemaakt, 1 het protocol heeft fouten, 2 verkeerd gebruik, map of bestand niet
leesbaar of het bestand bestaat al.`,
    )
    .action(async (kind: string, options: ExportOptions) => {
      const { runExport } = await import('./export-run.js');
      outcome.code = await runExport(io, kind, options);
    });
};
