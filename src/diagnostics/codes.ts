// Every diagnostic code convenant reports, with its default severity and a one-line Dutch
// description: the single list behind `Diagnostic.code`, `validate --list-rules`, SARIF rules and
// protocols/README.md. A code that is not listed here does not compile.
import type { Severity } from './diagnostic.js';

/** Who reports a code: reading files, checking the YAML and schema, or the analysis of the whole protocol. */
export type CodeStage = 'bestanden' | 'schema' | 'analyse';

export const CODES = [
  // The reader and the loader (src/loader), in the order a file meets them.
  { code: 'io-error', severity: 'error', stage: 'bestanden', description: 'De map of een bestand bestaat niet of is niet leesbaar.' },
  { code: 'symlink-outside', severity: 'error', stage: 'bestanden', description: 'Een koppeling (symlink) wijst buiten de protocolmap; die wordt niet gelezen.' },
  { code: 'not-a-file', severity: 'error', stage: 'bestanden', description: 'Een map heeft een naam op .yaml; alleen bestanden worden gelezen.' },
  { code: 'file-too-large', severity: 'error', stage: 'bestanden', description: 'Een bestand is groter dan de grens van 1 MiB.' },
  { code: 'binary-file', severity: 'error', stage: 'bestanden', description: 'Een bestand is geen tekst (het bevat NUL-bytes).' },
  { code: 'not-utf8', severity: 'error', stage: 'bestanden', description: 'Een bestand is geen geldige UTF-8-tekst.' },
  {
    code: 'too-many-files',
    severity: 'error',
    stage: 'bestanden',
    description: 'De map heeft meer YAML-bestanden (2000) of meer YAML (32 MiB) dan de grens; de rest wordt niet gelezen.',
  },
  { code: 'folder-too-deep', severity: 'error', stage: 'bestanden', description: 'Mappen liggen meer dan 32 niveaus diep in de protocolmap; die worden niet gelezen.' },
  {
    code: 'too-complex',
    severity: 'error',
    stage: 'bestanden',
    description: 'Een bestand heeft meer dan 100.000 waarden, of de map samen meer dan 1.000.000; het wordt niet gelezen.',
  },
  { code: 'yaml-syntax', severity: 'error', stage: 'schema', description: 'Een YAML-fout: inspringing, dubbele punt, aanhalingstekens of tabs.' },
  { code: 'duplicate-key', severity: 'error', stage: 'schema', description: 'Dezelfde sleutel staat twee keer in één map.' },
  { code: 'yaml-tag', severity: 'error', stage: 'schema', description: 'Een YAML-tag (! of !!) die niet is toegestaan.' },
  { code: 'yaml-alias', severity: 'error', stage: 'schema', description: 'Te veel of ongeldige YAML-aliassen (*naam).' },
  { code: 'too-deep', severity: 'error', stage: 'schema', description: 'Lijsten en mappen zijn te diep in elkaar genest (meer dan 64 niveaus).' },
  { code: 'empty-file', severity: 'error', stage: 'schema', description: 'Een leeg bestand (meestal inhoud die bij opslaan of samenvoegen verloren ging).' },
  { code: 'wrong-type', severity: 'error', stage: 'schema', description: 'Een waarde van het verkeerde soort: tekst, getal, lijst of map.' },
  { code: 'unknown-key', severity: 'error', stage: 'schema', description: 'Een onbekende sleutel (met "bedoel je ...?").' },
  { code: 'missing-key', severity: 'error', stage: 'schema', description: 'Een verplichte sleutel ontbreekt, bijvoorbeeld de bronnen (sources) van een advies.' },
  { code: 'invalid-value', severity: 'error', stage: 'schema', description: 'Een ongeldige waarde, bijvoorbeeld een lege lijst bronnen of een onbekende urgentie.' },
  { code: 'missing-metadata', severity: 'error', stage: 'schema', description: 'De map heeft geen "protocol:"-onderdeel.' },
  { code: 'duplicate-id', severity: 'error', stage: 'schema', description: 'Twee onderdelen van dezelfde soort hebben dezelfde id (of een optie staat twee keer in een vraag).' },
  {
    code: 'dangling-ref',
    severity: 'error',
    stage: 'schema',
    description:
      "Een verwijzing naar een stap, flow, partner, regelset of bron die niet bestaat (ook in een scenario). Kreeg een bron, partner of regelset een andere id, zodat alle verwijzingen de oude noemen, dan is dat één fout, bij die id; noemen scenario's de oude id, dan één fout per scenariobestand.",
  },
  // The analysis rules (src/analysis/rules, one file per code), in the order they run.
  { code: 'unreachable-step', severity: 'error', stage: 'analyse', description: 'Een stap of flow die geen enkele wandeling door het protocol bereikt.' },
  { code: 'cycle', severity: 'error', stage: 'analyse', description: 'Stappen die in een kring naar elkaar verwijzen (via next of via call), zodat de hulp nooit eindigt.' },
  {
    code: 'dead-end',
    severity: 'error',
    stage: 'analyse',
    description: 'Een antwoord of route zonder vervolg (geen next), of een routestap zonder otherwise waar geen route past.',
  },
  {
    code: 'walk-without-advice',
    severity: 'error',
    stage: 'analyse',
    description: 'Er is een volledige wandeling door het protocol die helemaal geen advies oplevert (een `info` alleen telt niet: het advies zegt dan "geen advies").',
  },
  {
    code: 'unknown-missing',
    severity: 'warning',
    stage: 'analyse',
    description: 'Een vraag zonder "Weet ik niet" (unknown) die ook niet zegt waarom je het antwoord altijd weet (known).',
  },
  {
    code: 'condition-never-true',
    severity: 'error',
    stage: 'analyse',
    description:
      'Een voorwaarde of bereik dat nooit kan gelden: een antwoord dat de stap niet kent, grenzen die elk antwoord uitsluiten, een stap die op dat punt nog niet beantwoord is, of een route die nooit gekozen wordt.',
  },
  {
    code: 'condition-not-yet-asked',
    severity: 'warning',
    stage: 'analyse',
    description:
      'Een deel van een voorwaarde over een vraag die op dat punt nog op geen enkele weg gesteld is (die komt later, of op een andere weg): dat deel telt daar niet mee.',
  },
  {
    code: 'condition-overlap',
    severity: 'warning',
    stage: 'analyse',
    description: 'Twee routes van dezelfde routestap gelden allebei bij een combinatie van antwoorden; alleen de eerste telt.',
  },
  { code: 'range-gap', severity: 'error', stage: 'analyse', description: 'De bereiken (ranges) van een getalvraag dekken niet elk getal van min tot en met max.' },
  {
    code: 'range-overlap',
    severity: 'error',
    stage: 'analyse',
    description: 'Twee bereiken (ranges) van een getalvraag overlappen; een getal in beide telt alleen voor het eerste.',
  },
  { code: 'source-unused', severity: 'warning', stage: 'analyse', description: 'Een bron die nergens wordt genoemd (niet in advies, taken, regelsets, checklist of metadata).' },
  {
    code: 'legal-source',
    severity: 'warning',
    stage: 'analyse',
    description:
      'Een wet of uitspraak zonder link naar wetten.overheid.nl of rechtspraak.nl, of een regel (regelset of rule-advies) die alleen op websites of handreikingen steunt.',
  },
  {
    code: 'unsafe-text',
    severity: 'error',
    stage: 'analyse',
    description: 'Tekst met stuurtekens of escape-reeksen die een terminal kunnen misleiden (kleuren, verborgen of omgekeerde tekst).',
  },
  {
    code: 'contact-person-missing',
    severity: 'warning',
    stage: 'analyse',
    description: 'Een kernpartner zonder vaste contactpersoon (Bijlage 2), of met een naam maar zonder telefoon en e-mail.',
  },
  {
    code: 'contact-person-stale',
    severity: 'warning',
    stage: 'analyse',
    description: 'De contactpersoon van een kernpartner is langer dan 12 maanden niet gecontroleerd (reviewed), of de datum ontbreekt of klopt niet.',
  },
  { code: 'evaluation-overdue', severity: 'warning', stage: 'analyse', description: 'De jaarlijkse evaluatie van het convenant (art. 12.2) is over de datum.' },
  { code: 'analysis-limit', severity: 'info', stage: 'analyse', description: 'Een routestap met zoveel combinaties van antwoorden dat de padcontroles haar overslaan.' },
] as const satisfies readonly { code: string; severity: Severity; stage: CodeStage; description: string }[];

type Entry = (typeof CODES)[number];

/** Every code a diagnostic can have. */
export type DiagnosticCode = Entry['code'];

/** The codes of the analysis rules: the ones a protocol's `checks:` can turn off or change. */
export type AnalysisCode = Extract<Entry, { stage: 'analyse' }>['code'];

export interface CodeInfo {
  code: DiagnosticCode;
  severity: Severity;
  description: string;
  stage: CodeStage;
}

const BY_CODE: ReadonlyMap<string, CodeInfo> = new Map(CODES.map((c) => [c.code, c]));

/** The registry entry of a code, or undefined for text that is no code (e.g. a `checks:` key). */
export function codeInfo(code: string): CodeInfo | undefined {
  return BY_CODE.get(code);
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return BY_CODE.has(code);
}

export function isAnalysisCode(code: string): code is AnalysisCode {
  return BY_CODE.get(code)?.stage === 'analyse';
}

/** The default severity of a code. */
export function defaultSeverity(code: DiagnosticCode): Severity {
  return BY_CODE.get(code)!.severity;
}
