// `convenant diff`: registration only; the work is in diff-run.ts.
import { Option } from 'commander';
import type { Register } from './index.js';
import { DIFF_FORMATS } from './formats.js';
import { formatOption } from './lookup-options.js';

export interface DiffOptions {
  format: string;
  output?: string;
  force?: boolean;
}

export const registerDiff: Register = (program, io, outcome) => {
  program
    .command('diff')
    .argument('<oud>', 'de oude versie: een protocolmap, of REVISIE:pad in git (bijv. main:protocols/weert-nederweert)')
    .argument('<nieuw>', 'de nieuwe versie, net zo')
    .description('Wat verandert er voor medewerkers tussen twee versies van een protocol: vragen, en per antwoordpad de partners, urgenties en regels.')
    .addOption(formatOption(DIFF_FORMATS, 'markdown (bijv. als reactie in een pull request) of json', 'markdown'))
    .addOption(new Option('-o, --output <bestand>', 'schrijf het rapport naar dit bestand'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant diff oud/protocols/weert-nederweert protocols/weert-nederweert
      Twee mappen vergelijken.
  convenant diff main:protocols/weert-nederweert protocols/weert-nederweert
      De versie op main tegen je werkmap (in een git-repository).
  convenant diff origin/main:protocols/x HEAD:protocols/x --output verschil.md
      In CI: een rapport om als reactie bij de pull request te zetten.

Vergeleken worden elk scenario van beide versies en, per advies, het kortste antwoordpad ernaartoe.

Afsluitcodes: 0 gelukt (ook als er verschillen zijn), 2 een versie is niet te lezen of bevat fouten.`,
    )
    .action(async (before: string, after: string, options: DiffOptions) => {
      const { runDiff } = await import('./diff-run.js');
      outcome.code = await runDiff(io, before, after, options);
    });
};
