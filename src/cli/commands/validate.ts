// `convenant validate`: registration only; the work is in validate-run.ts.
import { Option } from 'commander';
import { FAIL_ON, FORMAT_NAMES } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface ValidateOptions extends LookupOptions {
  format: string;
  failOn: string;
  quiet?: boolean;
  verbose?: boolean;
  output?: string;
  force?: boolean;
  today?: string;
  listRules?: boolean;
}

export const registerValidate: Register = (program, io, outcome) => {
  const failOn = new Option('--fail-on <ernst>', 'afsluitcode 1 bij een bevinding van deze ernst of zwaarder: error, warning, info of never').default('error');
  failOn.argChoices = [...FAIL_ON];
  program
    .command('validate')
    .argument('[map]', 'de protocolmap (standaard: het meegeleverde protocol, of --protocols)')
    .description('Controleer een protocolmap: YAML, schema, verwijzingen, paden, voorwaarden, bronnen en contactpersonen. Voor coördinatoren en CI.')
    .addOption(formatOption(FORMAT_NAMES, 'stylish (scherm), json, github (annotaties in GitHub Actions), sarif of junit', 'stylish'))
    .addOption(failOn)
    .addOption(new Option('-q, --quiet', 'alleen fouten: geen waarschuwingen en info (die tellen dan ook niet mee)'))
    .addOption(new Option('--verbose', 'toon elke melding apart, ook van controles die vaak voorkomen (standaard: één regel met het aantal)'))
    .addOption(new Option('-o, --output <bestand>', 'schrijf het rapport naar dit bestand in plaats van naar het scherm'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addOption(new Option('--today <datum>', 'controleer alsof het deze datum is (JJJJ-MM-DD), voor evaluatie en contactpersonen'))
    .addOption(new Option('--list-rules', 'toon alle controles met hun code, ernst en uitleg'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant validate
      Controleer het meegeleverde protocol.
  convenant validate protocols/weert-nederweert
      Controleer een protocolmap in je eigen repository.
  convenant validate --format github
      In GitHub Actions: elke bevinding verschijnt als annotatie bij de regel in de pull request.
  convenant validate --format sarif --output convenant.sarif
      Een SARIF-rapport voor code scanning.
  convenant validate --fail-on warning
      Laat CI ook falen op waarschuwingen (zoals een verlopen evaluatie).
  convenant validate --list-rules
      Alle controles met hun code en uitleg (ook in protocols/README.md).

Afsluitcodes: 0 in orde, 1 bevindingen van de ernst van --fail-on of zwaarder, 2 verkeerd gebruik
of de map of een bestand is niet leesbaar.`,
    )
    .action(async (dir: string | undefined, options: ValidateOptions) => {
      const { runValidate } = await import('./validate-run.js');
      outcome.code = await runValidate(io, dir, options);
    });
};
