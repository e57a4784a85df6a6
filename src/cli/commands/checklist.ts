// `convenant checklist`: registration only; the work is in checklist-run.ts.
import { Option } from 'commander';
import { CHECKLIST_FORMATS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface ChecklistOptions extends LookupOptions {
  format: string;
  output?: string;
  force?: boolean;
}

export const registerChecklist: Register = (program, io, outcome) => {
  program
    .command('checklist')
    .description('De checklist preventieve acties: wat de school vooraf regelt, wie helpt en waar het staat.')
    .addOption(formatOption(CHECKLIST_FORMATS, 'text (scherm) of markdown (af te vinken lijst om te printen)', 'text'))
    .addOption(new Option('-o, --output <bestand>', 'bewaar de checklist in dit bestand'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant checklist
      Toon de checklist op het scherm.
  convenant checklist --format markdown --output checklist.md
      Bewaar een af te vinken lijst (met [ ]-vakjes) om te printen of te delen.

Afsluitcodes: 0 gelukt, 2 verkeerd gebruik, ongeldig protocol of bestand bestaat al.`,
    )
    .action(async (options: ChecklistOptions) => {
      const { runChecklist } = await import('./checklist-run.js');
      outcome.code = await runChecklist(io, options);
    });
};
