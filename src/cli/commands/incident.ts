// `convenant incident`: registration only; the work is in incident-run.ts, loaded when the command runs.
import type { Register } from './index.js';

export interface IncidentOptions {
  format: string;
  output?: string;
  force?: boolean;
  answers?: string;
  protocols?: string;
  color?: boolean;
  saveScenario?: string;
  /** Add the walk to the register: true for the default register, or its file. */
  register?: string | boolean;
  ref?: string;
  /** False with --no-pager. */
  pager?: boolean;
}

export const registerIncident: Register = (program, io, outcome) => {
  program
    .command('incident')
    .description('Beantwoord een paar vragen over een incident en krijg advies: wie je belt, hoe snel, en welke regels gelden.')
    .option('--format <formaat>', 'text (scherm), markdown (verslag voor het dossier) of json', 'text')
    .option('-o, --output <bestand>', 'bewaar het advies in dit bestand (alleen leesbaar voor jou)')
    .option('--force', 'overschrijf het bestand van --output als het al bestaat')
    .option('--answers <bestand>', 'geen vragen: neem de antwoorden uit dit YAML- of JSON-bestand (vraag-id: antwoord)')
    .option('--protocols <map>', 'gebruik de protocolmap van een andere regio (ook: CONVENANT_PROTOCOLS)')
    .option('--save-scenario <bestand>', 'bewaar de antwoorden en het advies ook als scenario (voor scenarios/ van het protocol)')
    .option('--no-color', 'geen kleur')
    .option('--register [bestand]', 'zet het incident (zonder namen) ook in het register van de school; zie convenant register --help')
    .option('--ref <zaakcode>', 'met --register: een korte zaakcode van de school, zoals 2026-014')
    .option('--no-pager', 'toon een lang advies in één keer, niet scherm voor scherm')
    .addHelpText(
      'after',
      `
Voorbeelden:
  convenant incident
      Stel de vragen en toon het advies; daarna kun je het bewaren.
  convenant incident --format markdown --output verslag.md
      Bewaar het advies als verslag voor het dossier van de school.
  convenant incident --answers antwoorden.yaml --format json
      Geen vragen: reken het advies uit voor eerder gegeven antwoorden.
  convenant incident --save-scenario scenarios/nieuw.yaml
      Voor coördinatoren: leg deze wandeling vast als scenario, met het advies als verwachting.

Een antwoordenbestand noemt per vraag-id het antwoord, bijvoorbeeld:
  acuut-gevaar: nee
  categorie: fysiek-geweld
  dader-leeftijd: 14          # getal, of weet-niet
De hulp vraagt nooit naar namen of andere persoonsgegevens.

Laadt het protocol niet, dan toont de hulp de noodkaart met de nummers uit het ingebouwde protocol.

Afsluitcodes: 0 advies gegeven, 1 het protocol laadt niet (alleen de noodkaart), 2 verkeerd gebruik
of ongeldig antwoordenbestand (met --answers ook: ongeldig protocol), 130 afgebroken (Ctrl-C).`,
    )
    .action(async (options: IncidentOptions) => {
      const { runIncident } = await import('./incident-run.js');
      outcome.code = await runIncident(io, options);
    });
};
