// `convenant test`: registration only; the work is in test-run.ts.
import { Option } from 'commander';
import { TEST_FORMATS } from './formats.js';
import type { Register } from './index.js';
import { formatOption, noColorOption, protocolsOption, type LookupOptions } from './lookup-options.js';

export interface TestOptions extends LookupOptions {
  format: string;
  filter?: string;
  coverage?: boolean;
  output?: string;
  force?: boolean;
}

export const registerTest: Register = (program, io, outcome) => {
  program
    .command('test')
    .argument('[map]', 'de protocolmap (standaard: het meegeleverde protocol, of --protocols)')
    .description("Draai de scenario's van een protocolmap (map scenarios/): antwoorden erin, verwacht advies eruit.")
    .addOption(new Option('--filter <tekst>', "alleen scenario's waarvan de naam of het bestand deze tekst bevat"))
    .addOption(formatOption(TEST_FORMATS, 'text (scherm), json of junit (testrapport voor CI)', 'text'))
    .addOption(new Option('--coverage', 'noem ook elke vraag en elk advies dat geen scenario bereikt, met bestand:regel'))
    .addOption(new Option('-o, --output <bestand>', 'schrijf het rapport naar dit bestand in plaats van naar het scherm'))
    .addOption(new Option('--force', 'overschrijf het bestand van --output als het al bestaat'))
    .addOption(protocolsOption())
    .addOption(noColorOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant test
      Draai alle scenario's van het meegeleverde protocol.
  convenant test protocols/weert-nederweert --filter camera
      Alleen de scenario's met "camera" in de naam of het bestand.
  convenant test --coverage
      Toon ook welke vragen en adviezen nog geen scenario hebben.
  convenant test --format junit --output scenario-rapport.xml
      Een testrapport voor GitLab, Jenkins of Azure DevOps.

Een scenario staat in scenarios/*.yaml: een naam, de antwoorden (vraag-id: antwoord) en wat er
verwacht wordt (partners met urgentie, regelsets, tekst). Zie protocols/README.md.
De laatste regel van de tekstuitvoer is altijd "N passed, N failed".

Afsluitcodes: 0 alle scenario's slagen, 1 een of meer mislukt, 2 verkeerd gebruik, een ongeldig
protocol of een ongeldig scenariobestand.`,
    )
    .action(async (dir: string | undefined, options: TestOptions) => {
      const { runTest } = await import('./test-run.js');
      outcome.code = await runTest(io, dir, options);
    });
};
