// Strings in, protocol out: parses each file, checks each item on its own (one bad item does not
// hide the problems of the others), merges the folder and resolves references. No I/O.
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import type { Protocol } from '../model/core.js';
import { INVALID, parseChecklistSection, parseFlow, parseMeta, parsePartner, parseRuleSet, parseSource } from '../model/generated/valid.js';
import { schemaLib } from '../model/schema-lib.js';
import { clip } from './clip.js';
import { formatCount, MAX_FILE_NODES, MAX_FOLDER_NODES } from './limits.js';
import { parseYamlData } from './parse-yaml.js';
import { checkReferences } from './references.js';
import { SourceMap } from './source-map.js';
import { issuesToDiagnostics } from './zod-issues.js';
import { suggest } from '../diagnostics/index.js';

export interface ProtocolSourceFile {
  /** Name used in diagnostics (path relative to where the user ran the tool). */
  name: string;
  text: string;
  /** Path inside the protocol folder, when read from disk. */
  rel?: string;
}

export interface LoadResult {
  /** The merged protocol, if the folder has metadata. Use it only when `ok`. */
  protocol?: Protocol;
  ok: boolean;
  diagnostics: Diagnostic[];
  sourceMap: SourceMap;
  /** The files as given (their texts are what the analysis may look at instead of every string). */
  files: readonly ProtocolSourceFile[];
}

/**
 * Per section: the generated validator that parses a valid item without zod, and the name of its
 * zod schema, which explains an invalid one (loaded only then: src/model/schema-lib.ts).
 */
const ITEM_SCHEMAS = {
  sources: { parse: parseSource, schema: 'Source' },
  partners: { parse: parsePartner, schema: 'Partner' },
  rules: { parse: parseRuleSet, schema: 'RuleSet' },
  flows: { parse: parseFlow, schema: 'Flow' },
  checklist: { parse: parseChecklistSection, schema: 'ChecklistSection' },
} as const;
type ListSection = keyof typeof ITEM_SCHEMAS;
const SECTION_NAMES = ['protocol', ...Object.keys(ITEM_SCHEMAS)];

/** The item as its schema parses it, or the located diagnostics of why it is invalid. */
function parseItem<T>(
  parse: (value: unknown) => T | typeof INVALID,
  schemaName: 'Meta' | (typeof ITEM_SCHEMAS)[ListSection]['schema'],
  value: unknown,
  context: { file: string; base: (string | number)[]; locate: (path: readonly (string | number)[], atKey?: boolean) => ReturnType<SourceMap['locatePath']> },
): { ok: true; data: T } | { ok: false; diagnostics: Diagnostic[] } {
  const data = parse(value);
  if (data !== INVALID) return { ok: true, data };
  const schema = schemaLib()[schemaName];
  const parsed = schema.safeParse(value);
  // zod is the source of truth: should it accept what the validator rejected, its data is used.
  if (parsed.success) return { ok: true, data: parsed.data as T };
  return { ok: false, diagnostics: issuesToDiagnostics(parsed.error.issues, { ...context, schema, data: value }) };
}

interface FileContent {
  meta?: { value: Protocol['meta']; file: string };
  lists: { [K in ListSection]: Protocol[K] };
  /** Ids of items that failed the schema: references to them are not reported again. */
  brokenIds: Set<string>;
  /** The file has a `protocol:` section, valid or not. */
  declaresMeta: boolean;
  /** YAML values in the file (see parseYamlData). */
  nodes: number;
}

/** The ids a file that cannot be parsed seems to define (its `id:` lines). */
export function idsDefinedIn(text: string): string[] {
  return Array.from(text.matchAll(/^[ \t]*(?:- +)?(?:\{ *)?id: *["']?([^\s"'#,}]+)/gm), (m) => m[1]!);
}

/** Parses one protocol YAML file. Never throws. */
export function parseProtocolFile(file: ProtocolSourceFile, sourceMap: SourceMap, maxNodes = MAX_FILE_NODES): { content: FileContent; diagnostics: Diagnostic[] } {
  const content: FileContent = {
    lists: { sources: [], partners: [], rules: [], flows: [], checklist: [] },
    brokenIds: new Set(),
    declaresMeta: false,
    nodes: 0,
  };
  const { positions, diagnostics, readable, data, nodes } = parseYamlData(file.name, file.text, maxNodes);
  sourceMap.addFile(file.name, file.text, positions);
  content.nodes = nodes;
  if (!readable) {
    // The file's own errors are the cause: references to what it defines are not reported again.
    for (const id of idsDefinedIn(file.text)) content.brokenIds.add(id);
    return { content, diagnostics };
  }

  const locate = (path: readonly (string | number)[], atKey?: boolean) => sourceMap.locatePath(file.name, path, atKey);

  if (data === null || data === undefined) {
    diagnostics.push({
      code: 'empty-file',
      // An error: an empty protocol file is almost always content lost in a save or a merge.
      severity: 'error',
      file: file.name,
      line: 1,
      column: 1,
      message: 'het bestand is leeg',
      hint: `Vul het met een of meer van: ${SECTION_NAMES.join(', ')}; of verwijder het.`,
    });
    return { content, diagnostics };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({
      code: 'wrong-type',
      severity: 'error',
      ...locate([]),
      message: 'het bestand moet een map met onderdelen zijn, geen losse lijst of waarde',
      hint: `Begin met een van: ${SECTION_NAMES.map((s) => `"${s}:"`).join(', ')}.`,
    });
    return { content, diagnostics };
  }

  for (const [key, value] of Object.entries(data)) {
    if (key === '__proto__') continue; // reported by parseYaml
    if (key === 'protocol') {
      content.declaresMeta = true;
      const parsed = parseItem(parseMeta, 'Meta', value, { file: file.name, base: ['protocol'], locate });
      if (parsed.ok) {
        content.meta = { value: parsed.data, file: file.name };
        sourceMap.record(parsed.data, file.name, ['protocol']);
      } else {
        diagnostics.push(...parsed.diagnostics);
      }
      continue;
    }
    // Own keys only: `constructor`, `toString` or `__proto__` are not sections.
    if (!Object.hasOwn(ITEM_SCHEMAS, key)) {
      const guess = suggest(key, SECTION_NAMES);
      diagnostics.push({
        code: 'unknown-key',
        severity: 'error',
        ...locate([key], true),
        message: `onbekend onderdeel "${clip(key)}"`,
        hint: guess ? `Bedoel je "${guess}"?` : `Toegestaan: ${SECTION_NAMES.join(', ')}.`,
      });
      continue;
    }
    const section = key as ListSection;
    if (!Array.isArray(value)) {
      diagnostics.push({
        code: 'wrong-type',
        severity: 'error',
        ...locate([key]),
        message: `"${key}" moet een lijst zijn`,
        hint: 'Schrijf elk onderdeel op een eigen regel die begint met "- ".',
      });
      continue;
    }
    const { parse, schema } = ITEM_SCHEMAS[section];
    value.forEach((item: unknown, index: number) => {
      const parsed = parseItem<object>(parse, schema, item, { file: file.name, base: [key, index], locate });
      if (parsed.ok) {
        (content.lists[section] as unknown[]).push(parsed.data);
        sourceMap.record(parsed.data, file.name, [key, index]);
      } else {
        collectIds(item, content.brokenIds);
        diagnostics.push(...parsed.diagnostics);
      }
    });
  }
  return { content, diagnostics };
}

/** Every `id` inside a broken item (a broken flow still defines its steps' ids). */
function collectIds(value: unknown, into: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => collectIds(v, into));
  const id = (value as Record<string, unknown>).id;
  if (typeof id === 'string') into.add(id);
  for (const v of Object.values(value)) collectIds(v, into);
}

/** Parses and merges a whole protocol folder. Pure: strings in, data and diagnostics out. */
export function loadProtocolFiles(
  files: readonly ProtocolSourceFile[],
  limits: { maxFileNodes: number; maxFolderNodes: number } = { maxFileNodes: MAX_FILE_NODES, maxFolderNodes: MAX_FOLDER_NODES },
  /** Texts of files the reader could not decode (already reported): references to their ids are not. */
  undecodedTexts: readonly string[] = [],
): LoadResult {
  const sourceMap = new SourceMap();
  const diagnostics: Diagnostic[] = [];
  const merged: Omit<Protocol, 'meta'> = { sources: [], partners: [], rules: [], flows: [], checklist: [] };
  const brokenIds = new Set(undecodedTexts.flatMap(idsDefinedIn));
  let meta: FileContent['meta'];
  let declaresMeta = false;
  let nodes = 0;

  for (const file of files) {
    const { content, diagnostics: found } = parseProtocolFile(file, sourceMap, limits.maxFileNodes);
    nodes += content.nodes;
    if (nodes > limits.maxFolderNodes) {
      // The files so far took the folder's budget: the rest is not read (one finding, at this file).
      diagnostics.push({
        code: 'too-complex',
        severity: 'error',
        file: file.name,
        line: 1,
        column: 1,
        message: `de map heeft samen meer dan ${formatCount(limits.maxFolderNodes)} waarden; dit bestand en de bestanden erna worden niet gelezen`,
        hint: 'Splits het protocol in kleinere protocollen of haal herhaalde gegevens weg.',
      });
      return { ok: false, diagnostics: inFileOrder(diagnostics, files), sourceMap, files };
    }
    diagnostics.push(...found);
    for (const id of content.brokenIds) brokenIds.add(id);
    declaresMeta ||= content.declaresMeta;
    for (const section of Object.keys(ITEM_SCHEMAS) as ListSection[]) {
      (merged[section] as unknown[]).push(...content.lists[section]);
    }
    if (content.meta) {
      if (meta) {
        const at = sourceMap.locate(content.meta.value);
        diagnostics.push({
          code: 'duplicate-id',
          severity: 'error',
          ...at,
          message: `"protocol:" staat al in ${meta.file}`,
          hint: 'Een protocolmap heeft precies één "protocol:"-onderdeel; haal dit weg.',
        });
      } else {
        meta = content.meta;
      }
    }
  }

  if (!meta) {
    // A `protocol:` that failed the schema was reported already.
    if (!declaresMeta) {
      diagnostics.push({
        code: 'missing-metadata',
        severity: 'error',
        file: files[0]?.name ?? '<map>',
        line: 1,
        column: 1,
        message: 'de map heeft geen "protocol:"-onderdeel met id, titel, versie en startflow',
        hint: 'Maak een protocol.yaml met "protocol:" (zie protocols/README.md).',
      });
    }
    return { ok: false, diagnostics: inFileOrder(diagnostics, files), sourceMap, files };
  }
  const protocol: Protocol = { meta: meta.value, ...merged };
  diagnostics.push(...checkReferences(protocol, sourceMap, brokenIds));
  return { protocol, ok: !hasErrors(diagnostics), diagnostics: inFileOrder(diagnostics, files), sourceMap, files };
}

/** Files in the order given, problems within a file by position. */
function inFileOrder(diagnostics: Diagnostic[], files: readonly ProtocolSourceFile[]): Diagnostic[] {
  const rank = new Map(files.map((f, i) => [f.name, i]));
  return diagnostics.sort((a, b) => (rank.get(a.file) ?? -1) - (rank.get(b.file) ?? -1) || a.line - b.line || a.column - b.column);
}
