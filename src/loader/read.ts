// The only file system access of the loader: lists and reads a protocol folder safely.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ProtocolSourceFile } from './load.js';

/** Larger files are refused: a protocol file is a few dozen KiB; this keeps memory bounded. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** At most this many YAML files in one folder. */
export const MAX_FILES = 2000;
export const SCENARIO_DIR = 'scenarios';

export interface ReadResult {
  files: ProtocolSourceFile[];
  scenarioFiles: ProtocolSourceFile[];
  diagnostics: Diagnostic[];
  /** False when the folder itself could not be read. */
  found: boolean;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export function readProtocolDir(dir: string, cwd = process.cwd()): ReadResult {
  const result: ReadResult = { files: [], scenarioFiles: [], diagnostics: [], found: true };
  const display = (full: string) => relative(cwd, full).split(sep).join('/') || '.';
  const problem = (full: string, code: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    result.diagnostics.push({ code, severity, file: display(full), line: 1, column: 1, message, hint });

  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) {
      problem(dir, 'io-error', 'dit is geen map', 'Geef de map met de protocolbestanden op, bijvoorbeeld protocols/weert-nederweert.');
      result.found = false;
      return result;
    }
  } catch {
    problem(dir, 'io-error', 'de protocolmap bestaat niet of is niet leesbaar', 'Controleer het pad (--protocols of CONVENANT_PROTOCOLS).');
    result.found = false;
    return result;
  }

  const walk = (folder: string, inScenarios: boolean) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch {
      problem(folder, 'io-error', 'deze map is niet leesbaar', 'Controleer de rechten van de map.');
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(folder, name);
      let info;
      try {
        info = lstatSync(full);
      } catch {
        continue;
      }
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          if (isYaml(name)) problem(full, 'io-error', 'deze koppeling (symlink) wijst naar niets', 'Verwijder de koppeling of herstel het doel.');
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          // Never read or print a target outside the protocol folder.
          problem(full, 'symlink-outside', 'deze koppeling (symlink) wijst buiten de protocolmap en wordt niet gelezen', 'Zet het bestand zelf in de protocolmap.');
          continue;
        }
        try {
          info = statSync(full);
        } catch {
          continue;
        }
      }
      if (info.isDirectory()) {
        if (isYaml(name)) {
          problem(full, 'not-a-file', 'dit is een map met een .yaml-naam, geen bestand', 'Hernoem de map; alleen bestanden worden gelezen.', 'warning');
        }
        walk(full, inScenarios || name === SCENARIO_DIR);
        continue;
      }
      if (!info.isFile() || !isYaml(name)) continue;
      if (result.files.length + result.scenarioFiles.length >= MAX_FILES) {
        problem(full, 'too-many-files', `meer dan ${MAX_FILES} YAML-bestanden; de rest wordt niet gelezen`, 'Splits de map of ruim bestanden op.');
        return;
      }
      const text = readText(full, info.size, display(full), result.diagnostics);
      if (text === undefined) continue;
      (inScenarios ? result.scenarioFiles : result.files).push({ name: display(full), text, rel: relative(root, full).split(sep).join('/') });
    }
  };
  walk(root, false);
  return result;
}

function readText(full: string, size: number, name: string, diagnostics: Diagnostic[]): string | undefined {
  const fail = (code: string, message: string, hint: string) => {
    diagnostics.push({ code, severity: 'error', file: name, line: 1, column: 1, message, hint });
    return undefined;
  };
  if (size > MAX_FILE_BYTES) {
    return fail('file-too-large', `het bestand is ${Math.ceil(size / 1024)} KiB; de grens is ${MAX_FILE_BYTES / 1024} KiB`, 'Splits het bestand in kleinere bestanden in dezelfde map.');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    return fail('io-error', 'het bestand is niet leesbaar', 'Controleer de rechten van het bestand.');
  }
  if (bytes.includes(0)) {
    return fail('binary-file', 'dit is geen tekstbestand (het bevat NUL-bytes)', 'Een protocolbestand is platte tekst in UTF-8.');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return fail('not-utf8', 'het bestand is geen geldige UTF-8-tekst', 'Sla het bestand op als UTF-8 (in de meeste editors: "Opslaan als" → codering UTF-8).');
  }
}

/** sha256 over the protocol files' names and contents, so a saved advice names exactly what produced it. */
export function hashFiles(files: readonly ProtocolSourceFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => ((a.rel ?? a.name) < (b.rel ?? b.name) ? -1 : 1))) {
    hash.update(f.rel ?? f.name).update('\0').update(f.text).update('\0');
  }
  return hash.digest('hex');
}
