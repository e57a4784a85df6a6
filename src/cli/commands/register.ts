// `convenant register …`: registration only; the work (and the native database module) is in
// register-run.ts, loaded when a register command runs.
import type { Command } from 'commander';
import type { Register } from './index.js';
import type { AddOptions, ExportOptions, ListOptions, PruneOptions, RegisterOptions, ReportOptions } from './register-run.js';

const REGISTER_OPTION = ['--register <bestand>', 'het registerbestand (ook: CONVENANT_REGISTER; standaard in je eigen gegevensmap)'] as const;

export const registerRegister: Register = (program, io, outcome) => {
  const register = program
    .command('register')
    .description('Het incidentenregister van de school (art. 5.11): incidenten bewaren zonder namen, en het jaaroverzicht voor de partners.')
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant register school "College Weert"          de naam van de school, één keer
  convenant incident --register                      doorloop een incident en registreer het meteen
  convenant register add advies.json                 registreer een bewaard JSON-advies
  convenant register list --open                     incidenten waarvan de opvolging nog loopt
  convenant register close 12                        opvolging van nr. 12 is klaar
  convenant register ref 12 2026-014                 geef nr. 12 (achteraf) een zaakcode van de school
  convenant register report --year 2026 --format html --output jaaroverzicht.html
  convenant register report --share                  voor buiten de school: aantallen onder de 5 verborgen
  convenant register export --output school.json     om registers van een bestuur of de regio samen te voegen
  convenant register import school-a.json school-b.json
  convenant register backup register-2026-12-01.sqlite
  convenant register prune --older-than 5j           verwijder wat ouder is dan de bewaartermijn

Het register bewaart geen namen en geen vrije tekst: alleen de dag, de school, de categorieën, de
rollen (leerling, medewerker, ouder, derde), de leeftijdsgroep, de soort plek, de partners met hun
urgentie, de regels die golden, het protocol en de opvolging, en eventueel een zaakcode van de school.

Afsluitcodes: 0 gelukt, 2 verkeerd gebruik, onleesbaar bestand of geen register van convenant.`,
    );

  const run = async <T>(fn: (m: typeof import('./register-run.js')) => Promise<T>) => fn(await import('./register-run.js'));

  register
    .command('add')
    .description('Registreer bewaarde JSON-adviezen (van de terminal of de webpagina).')
    .argument('<bestanden...>', 'JSON-adviezen (convenant incident --format json)')
    .option('--school <naam>', 'de school (anders: CONVENANT_SCHOOL of convenant register school)')
    .option('--ref <zaakcode>', 'een korte zaakcode van de school, zoals 2026-014 (geen naam of omschrijving)')
    .option('--day <datum>', 'de dag van het incident (JJJJ-MM-DD), als die niet de dag van het advies is')
    .option(...REGISTER_OPTION)
    .action(async (files: string[], options: AddOptions) => {
      outcome.code = await run((m) => m.runRegisterAdd(io, files, options));
    });

  register
    .command('list')
    .description('Toon de incidenten in het register.')
    .option('--year <jaar>', 'alleen dit jaar')
    .option('--open', 'alleen incidenten waarvan de opvolging nog open is')
    .option('--format <formaat>', 'text of json', 'text')
    .option(...REGISTER_OPTION)
    .action(async (options: ListOptions) => {
      outcome.code = await run((m) => m.runRegisterList(io, options));
    });

  register
    .command('show')
    .description('Toon één incident uit het register.')
    .argument('<nr>', 'het nummer uit convenant register list')
    .option('--format <formaat>', 'text of json', 'text')
    .option(...REGISTER_OPTION)
    .action(async (id: string, options: ListOptions) => {
      outcome.code = await run((m) => m.runRegisterShow(io, id, options));
    });

  register
    .command('close')
    .description('Sluit de opvolging van een incident af.')
    .argument('<nr>', 'het nummer uit convenant register list')
    .option(...REGISTER_OPTION)
    .action(async (id: string, options: RegisterOptions) => {
      outcome.code = await run((m) => m.runRegisterClose(io, id, options));
    });

  register
    .command('ref')
    .description('Geef een incident achteraf een zaakcode van de school, of wijzig die.')
    .argument('<nr>', 'het nummer uit convenant register list')
    .argument('<zaakcode>', 'een korte code van de school, zoals 2026-014 (geen naam of omschrijving)')
    .option(...REGISTER_OPTION)
    .action(async (id: string, code: string, options: RegisterOptions) => {
      outcome.code = await run((m) => m.runRegisterRef(io, id, code, options));
    });

  register
    .command('report')
    .description('Het jaaroverzicht: per categorie per maand, rollen, partners, meldcode en meldplicht, Arbocatalogus, en het verschil met vorig jaar.')
    .option('--year <jaar>', 'het jaar (standaard dit jaar)')
    .option('--format <formaat>', 'markdown, html (met staafdiagrammen) of csv', 'markdown')
    .option('--share', 'om te delen buiten de school: aantallen onder de 5 worden "< 5"')
    .option('-o, --output <bestand>', 'bewaar het overzicht in dit bestand')
    .option('--force', 'overschrijf het bestand van --output als het al bestaat')
    .option(...REGISTER_OPTION)
    .action(async (options: ReportOptions) => {
      outcome.code = await run((m) => m.runRegisterReport(io, options));
    });

  register
    .command('export')
    .description('Exporteer het register als JSON (om registers samen te voegen; importeren is veilig te herhalen).')
    .option('--year <jaar>', 'alleen dit jaar')
    .option('-o, --output <bestand>', 'bewaar de export in dit bestand (alleen leesbaar voor jou)')
    .option('--force', 'overschrijf het bestand van --output als het al bestaat')
    .option(...REGISTER_OPTION)
    .action(async (options: ExportOptions) => {
      outcome.code = await run((m) => m.runRegisterExport(io, options));
    });

  register
    .command('import')
    .description('Importeer exports van andere registers; wat er al in staat, komt er niet dubbel in.')
    .argument('<bestanden...>', 'exports (convenant register export)')
    .option(...REGISTER_OPTION)
    .action(async (files: string[], options: RegisterOptions) => {
      outcome.code = await run((m) => m.runRegisterImport(io, files, options));
    });

  register
    .command('backup')
    .description('Maak een back-up van het register, ook terwijl er iemand in schrijft.')
    .argument('<bestand>', 'het nieuwe back-upbestand (wordt nooit overschreven)')
    .option(...REGISTER_OPTION)
    .action(async (file: string, options: RegisterOptions) => {
      outcome.code = await run((m) => m.runRegisterBackup(io, file, options));
    });

  register
    .command('prune')
    .description('Verwijder incidenten die ouder zijn dan de bewaartermijn van de school.')
    .requiredOption('--older-than <termijn>', 'bijvoorbeeld 5j, 18m, 400d, of een datum JJJJ-MM-DD')
    .option('--dry-run', 'tel alleen wat verwijderd zou worden')
    .option(...REGISTER_OPTION)
    .action(async (options: PruneOptions) => {
      outcome.code = await run((m) => m.runRegisterPrune(io, options));
    });

  register
    .command('school')
    .description('Toon of stel de naam van de school in die nieuwe incidenten krijgen.')
    .argument('[naam]', 'de naam van de school of vestiging')
    .option(...REGISTER_OPTION)
    .action(async (name: string | undefined, options: RegisterOptions) => {
      outcome.code = await run((m) => m.runRegisterSchool(io, name, options));
    });

  // Commander sets up each subcommand on its own; give them the program's output and exit handling.
  for (const command of register.commands as Command[]) command.exitOverride().configureOutput(program.configureOutput());
};
