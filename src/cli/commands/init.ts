// `convenant init`: registration only; the work is in init-run.ts.
import { Option } from 'commander';
import type { Register } from './index.js';

export interface InitOptions {
  id?: string;
  region?: string;
  convenant?: string;
}

export const registerInit: Register = (program, io, outcome) => {
  program
    .command('init')
    .argument('<map>', 'de nieuwe map (leeg of nog niet bestaand)')
    .description('Begin een protocol voor een andere regio of een schoolbestuur: een kopie van het meegeleverde protocol, met CI-bestanden.')
    .addOption(new Option('--id <id>', 'de id van het nieuwe protocol (standaard: de naam van de map)'))
    .addOption(new Option('--region <naam>', 'de regio of het bestuur, bijvoorbeeld "Roermond"'))
    .addOption(new Option('--convenant <versie>', 'hoe package.json convenant noemt: een versie, git-URL of file:-pad (standaard: deze installatie)'))
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant init protocol-roermond --region Roermond
      Een map met protocols/protocol-roermond/, package.json, CI voor GitHub en GitLab en een README
      met wat je moet nakijken.

Daarna: cd protocol-roermond && npm install && npm run validate && npm test

Afsluitcodes: 0 gelukt, 2 de map bestaat al en is niet leeg, of verkeerd gebruik.`,
    )
    .action(async (dir: string, options: InitOptions) => {
      const { runInit } = await import('./init-run.js');
      outcome.code = await runInit(io, dir, options);
    });
};
