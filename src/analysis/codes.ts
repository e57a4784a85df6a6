// Every diagnostic code convenant reports, with its default severity and a one-line Dutch
// description: the single list behind `validate --list-rules`, SARIF rules and protocols/README.md.
import type { Severity } from '../diagnostics/index.js';
import { RULES } from './rules/index.js';

export interface CodeInfo {
  code: string;
  severity: Severity;
  description: string;
  /** Who reports it: reading files, checking the YAML and schema, or the analysis of the whole protocol. */
  stage: 'bestanden' | 'schema' | 'analyse';
}

/** Codes of the reader and the loader (src/loader), in the order a file meets them. */
const LOADER_CODES: readonly CodeInfo[] = [
  { code: 'io-error', severity: 'error', stage: 'bestanden', description: 'De map of een bestand bestaat niet of is niet leesbaar.' },
  { code: 'symlink-outside', severity: 'error', stage: 'bestanden', description: 'Een koppeling (symlink) wijst buiten de protocolmap; die wordt niet gelezen.' },
  { code: 'not-a-file', severity: 'error', stage: 'bestanden', description: 'Een map heeft een naam op .yaml; alleen bestanden worden gelezen.' },
  { code: 'file-too-large', severity: 'error', stage: 'bestanden', description: 'Een bestand is groter dan de grens van 1 MiB.' },
  { code: 'binary-file', severity: 'error', stage: 'bestanden', description: 'Een bestand is geen tekst (het bevat NUL-bytes).' },
  { code: 'not-utf8', severity: 'error', stage: 'bestanden', description: 'Een bestand is geen geldige UTF-8-tekst.' },
  { code: 'too-many-files', severity: 'error', stage: 'bestanden', description: 'De map heeft meer YAML-bestanden (2000) of meer YAML (32 MiB) dan de grens; de rest wordt niet gelezen.' },
  { code: 'folder-too-deep', severity: 'error', stage: 'bestanden', description: 'Mappen liggen meer dan 32 niveaus diep in de protocolmap; die worden niet gelezen.' },
  { code: 'too-complex', severity: 'error', stage: 'bestanden', description: 'Een bestand heeft meer dan 100.000 waarden, of de map samen meer dan 1.000.000; het wordt niet gelezen.' },
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
  { code: 'dangling-ref', severity: 'error', stage: 'schema', description: 'Een verwijzing naar een stap, flow, partner, regelset of bron die niet bestaat.' },
];

export const CODES: readonly CodeInfo[] = [
  ...LOADER_CODES,
  ...RULES.map(({ code, severity, description }) => ({ code, severity, description, stage: 'analyse' as const })),
];

const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

export function codeInfo(code: string): CodeInfo | undefined {
  return BY_CODE.get(code);
}
