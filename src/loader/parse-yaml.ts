// YAML text → document with positions. Every syntax problem becomes a Diagnostic; nothing throws.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/index.js';

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/** Aliases allowed per document; far above what a protocol needs, far below a "billion laughs" blow-up. */
export const MAX_ALIAS_COUNT = 100;

const CODE_BY_YAML_ERROR: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAG_RESOLVE_FAILED: 'yaml-tag',
  BAD_ALIAS: 'yaml-alias',
};

export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // Only the core schema: no !!js/function or other executable or custom tags.
    schema: 'core',
    customTags: [],
    strict: true,
  });
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    // Without prettyErrors, yaml leaves linePos empty: compute it from the offset.
    const start = problem.linePos?.[0] ?? lineCounter.linePos(problem.pos[0]);
    const code = CODE_BY_YAML_ERROR[problem.code] ?? 'yaml-syntax';
    diagnostics.push({
      code,
      severity: 'error',
      file,
      line: start?.line ?? 1,
      column: start?.col ?? 1,
      message: yamlMessage(problem.code, problem.message),
      hint: yamlHint(problem.code),
    });
  }
  return { doc, lineCounter, diagnostics };
}

const DUTCH: Record<string, string> = {
  TAB_AS_INDENT: 'een tab als inspringing; YAML springt in met spaties',
  MISSING_CHAR: 'een afsluitend teken ontbreekt (aanhalingsteken of haakje)',
  BAD_INDENT: 'de inspringing klopt niet',
  BLOCK_AS_IMPLICIT_KEY: 'de inspringing klopt niet: een sleutel staat verder in dan de regel erboven',
  MULTILINE_IMPLICIT_KEY: 'een sleutel loopt over meer regels; zet een dubbele punt achter de sleutel',
  UNEXPECTED_TOKEN: 'een onverwacht teken',
  BAD_SCALAR_START: 'een waarde begint met een teken dat aanhalingstekens nodig heeft',
  MULTIPLE_DOCS: 'meer dan één document (---) in één bestand',
};

function yamlMessage(code: string, original: string): string {
  const firstLine = original.split('\n')[0] ?? original;
  if (DUTCH[code]) return `YAML-fout: ${DUTCH[code]} (${firstLine})`;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'dubbele sleutel: deze sleutel staat al eerder in dezelfde lijst of map';
    case 'TAG_RESOLVE_FAILED':
      return `onbekende of niet toegestane YAML-tag (${firstLine})`;
    default:
      return `YAML-fout: ${firstLine}`;
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Haal een van de twee weg of geef ze verschillende namen; anders telt alleen de laatste.';
    case 'TAG_RESOLVE_FAILED':
      return 'Gebruik geen tags met ! of !!: schrijf gewone tekst, getallen, lijsten en mappen.';
    default:
      return 'Controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens op deze plek.';
  }
}
