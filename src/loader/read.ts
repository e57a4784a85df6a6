// The only file system access of the loader: lists and reads a protocol folder safely.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/index.js';
import type { ProtocolSourceFile } from './load.js';

import { locateInvalidUtf8 } from './encoding.js';
import { MAX_FILE_BYTES, MAX_FILES, MAX_FOLDER_DEPTH, MAX_TOTAL_BYTES } from './limits.js';

export { MAX_FILE_BYTES } from './limits.js';
export const SCENARIO_DIR = 'scenarios';

export interface ReadResult {
  files: ProtocolSourceFile[];
  scenarioFiles: ProtocolSourceFile[];
  diagnostics: Diagnostic[];
  /**
   * Problems of the scenario files themselves (not UTF-8, too large, unreadable): not the
   * protocol's, so `test` reports them for that file and still runs the others.
   */
  scenarioDiagnostics: Diagnostic[];
  /**
   * Files that are not UTF-8, decoded with replacement characters: not loaded, only searched for
   * the ids they define, so a reference to one of those is not reported as well.
   */
  undecodedTexts: string[];
  /** False when the folder itself could not be read. */
  found: boolean;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

export interface ReadLimits {
  maxFiles: number;
  maxTotalBytes: number;
}

export interface ReadOptions {
  /**
   * Whether to read the scenario folders (the protocol's tests). Only the commands that run them
   * read them (test, diff): a broken test file must never keep the advice from someone who needs
   * it, nor stop the checks of the protocol itself.
   */
  scenarios: boolean;
}

export function readProtocolDir(
  dir: string,
  cwd = process.cwd(),
  limits: ReadLimits = { maxFiles: MAX_FILES, maxTotalBytes: MAX_TOTAL_BYTES },
  options: ReadOptions = { scenarios: true },
): ReadResult {
  const result: ReadResult = { files: [], scenarioFiles: [], diagnostics: [], scenarioDiagnostics: [], undecodedTexts: [], found: true };
  const display = (full: string) => relative(cwd, full).split(sep).join('/') || '.';
  // A problem in a scenario folder is the scenarios' (`test` reports it for that file), not the protocol's.
  const problem = (full: string, code: DiagnosticCode, message: string, hint: string, inScenarios = false) =>
    (inScenarios ? result.scenarioDiagnostics : result.diagnostics).push({ code, severity: 'error', file: display(full), line: 1, column: 1, message, hint });

  // The folder itself is named as given, not relative to cwd (which reads as ../../.. for a path
  // elsewhere); its line and column mean nothing, and the CLI shows only the message.
  const missing = (message: string, hint: string) => {
    result.diagnostics.push({ code: 'io-error', severity: 'error', file: dir, line: 1, column: 1, message, hint });
    result.found = false;
    return result;
  };
  const unreadable = (error: unknown) =>
    missing(`de map is niet leesbaar (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'})`, 'Controleer het pad en de rechten van de map.');
  let root: string;
  try {
    root = realpathSync.native(dir);
    if (!statSync(root).isDirectory()) return missing('dit is geen map', 'Geef de map met de protocolbestanden op, bijvoorbeeld protocols/weert-nederweert.');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return missing('de map bestaat niet', 'Controleer het pad (--protocols of CONVENANT_PROTOCOLS).');
    return unreadable(error);
  }

  /** Whether a real path lies in a scenario folder of the protocol (a link may point there). */
  const inScenarioDir = (target: string) => relative(root, target).split(sep).includes(SCENARIO_DIR);
  // Real paths already read: a link to a folder or file that is read anyway is not read twice,
  // and a link to a parent folder cannot make the walk go round in circles.
  const seenDirs = new Set<string>([root]);
  const seenFiles = new Set<string>();
  // Once a limit is reached, nothing more is read, in this folder or any other.
  let stopped = false;
  let totalBytes = 0;
  // `real` is the folder's real path, kept up to date on the way down: only a link needs
  // realpath (which costs a lookup per level of the path, per entry).
  const walk = (folder: string, real: string, depth: number, inScenarios: boolean) => {
    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (error) {
      if (depth === 0) unreadable(error);
      else problem(folder, 'io-error', 'deze map is niet leesbaar', 'Controleer de rechten van de map.', inScenarios);
      return;
    }
    for (const name of entries) {
      if (stopped) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(folder, name);
      let info;
      let target = join(real, name);
      try {
        info = lstatSync(full);
      } catch {
        continue; // gone since the folder was listed
      }
      if (info.isSymbolicLink()) {
        try {
          target = realpathSync.native(full);
          info = statSync(target);
        } catch (error) {
          if (isYaml(name)) {
            const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
            problem(
              full,
              'io-error',
              loop ? 'deze koppeling (symlink) wijst in een kring naar zichzelf' : 'deze koppeling (symlink) wijst naar niets',
              loop ? 'Laat de koppeling naar het bestand zelf wijzen, of verwijder hem.' : 'Verwijder de koppeling of herstel het doel.',
              inScenarios,
            );
          }
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          // Never read or print a target outside the protocol folder.
          problem(full, 'symlink-outside', 'deze koppeling (symlink) wijst buiten de protocolmap en wordt niet gelezen', 'Zet het bestand zelf in de protocolmap.', inScenarios);
          continue;
        }
      }
      if (info.isDirectory()) {
        const scenarios = inScenarios || name === SCENARIO_DIR || inScenarioDir(target);
        if (scenarios && !options.scenarios) continue;
        if (isYaml(name)) {
          // An error, not a warning: a .yaml name that is not read is a trap for the next editor.
          problem(full, 'not-a-file', 'dit is een map met een .yaml-naam, geen bestand', 'Hernoem de map; alleen bestanden worden gelezen.', scenarios);
        }
        if (seenDirs.has(target)) continue;
        seenDirs.add(target);
        if (depth + 1 > MAX_FOLDER_DEPTH) {
          problem(
            full,
            'folder-too-deep',
            `mappen meer dan ${MAX_FOLDER_DEPTH} niveaus diep in de protocolmap; deze map wordt niet gelezen`,
            'Zet de bestanden hoger in de protocolmap.',
            scenarios,
          );
          continue;
        }
        walk(full, target, depth + 1, scenarios);
        continue;
      }
      if (!info.isFile() && isYaml(name)) {
        // Pipes, sockets and devices are never opened (reading one could block for ever), but a
        // .yaml name that is not read is a trap, as for a folder.
        problem(
          full,
          'not-a-file',
          'dit is geen gewoon bestand (maar een pipe, socket of apparaat) met een .yaml-naam',
          'Vervang het door een gewoon bestand of hernoem het; alleen gewone bestanden worden gelezen.',
          inScenarios || inScenarioDir(target),
        );
        continue;
      }
      if (!info.isFile() || !isYaml(name) || seenFiles.has(target)) continue;
      // A link to a scenario file is a scenario too.
      const scenario = inScenarios || inScenarioDir(target);
      if (scenario && !options.scenarios) continue;
      seenFiles.add(target);
      if (result.files.length + result.scenarioFiles.length >= limits.maxFiles) {
        problem(full, 'too-many-files', `meer dan ${limits.maxFiles} YAML-bestanden; de rest wordt niet gelezen`, 'Splits de map of ruim bestanden op.');
        stopped = true;
        return;
      }
      if (totalBytes + info.size > limits.maxTotalBytes) {
        const limit = limits.maxTotalBytes >= 1024 * 1024 ? `${Math.round(limits.maxTotalBytes / (1024 * 1024))} MiB` : `${Math.ceil(limits.maxTotalBytes / 1024)} KiB`;
        problem(full, 'too-many-files', `samen meer dan ${limit} aan YAML-bestanden; de rest wordt niet gelezen`, 'Splits de map of ruim bestanden op.');
        stopped = true;
        return;
      }
      totalBytes += info.size;
      const text = readText(target, display(full), scenario ? result.scenarioDiagnostics : result.diagnostics, MAX_FILE_BYTES, scenario ? undefined : result.undecodedTexts);
      if (text === undefined) continue;
      (scenario ? result.scenarioFiles : result.files).push({ name: display(full), text, rel: relative(root, full).split(sep).join('/') });
    }
  };
  walk(root, root, 0, false);
  return result;
}

/**
 * Reads one file the user named (an answers file): the same checks as a protocol file, with its
 * own size limit. Either the text, or one diagnostic at line 1 saying why not.
 */
export function readDataFile(path: string, name: string, maxBytes: number): { text: string } | { problem: Diagnostic } {
  const diagnostics: Diagnostic[] = [];
  const text = readText(path, name, diagnostics, maxBytes);
  return text === undefined ? { problem: diagnostics[0]! } : { text };
}

function readText(path: string, name: string, diagnostics: Diagnostic[], maxBytes = MAX_FILE_BYTES, undecoded?: string[]): string | undefined {
  const fail = (code: DiagnosticCode, message: string, hint: string, at = { line: 1, column: 1 }) => {
    diagnostics.push({ code, severity: 'error', file: name, ...at, message, hint });
    return undefined;
  };
  const limit = maxBytes >= 1024 ? `${Math.floor(maxBytes / 1024)} KiB` : `${maxBytes} bytes`;
  const tooLarge = (bytes: number) =>
    fail('file-too-large', `het bestand is ${Math.ceil(bytes / 1024)} KiB; de grens is ${limit}`, 'Splits het bestand in kleinere bestanden in dezelfde map.');
  // Read at most one byte more than allowed, from one open file: a file that grows after it was
  // listed cannot make the tool read more than the limit.
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return fail('not-a-file', 'dit is een map, geen bestand', 'Geef de naam van een bestand op.');
    if (info.size > maxBytes) return tooLarge(info.size);
    // Room for the size found plus one byte; only a file that grew since gets the full limit
    // (not a zeroed 1 MiB per file: a folder of small files would cost megabytes and a collection).
    let buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const larger = Buffer.allocUnsafe(maxBytes + 1);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return tooLarge(length);
    bytes = buffer.subarray(0, length);
  } catch {
    return fail('io-error', 'het bestand is niet leesbaar', 'Controleer de rechten van het bestand.');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decodeText(bytes, name, diagnostics, undecoded);
}

/**
 * A protocol file's bytes as text: a file with NUL bytes or invalid UTF-8 gets one located
 * diagnostic instead (and, with `undecoded`, its text with replacement characters goes there, so
 * the ids it defines are known). Also for files that do not come from disk (`diff` reads git).
 */
export function decodeText(bytes: Buffer, name: string, diagnostics: Diagnostic[], undecoded?: string[]): string | undefined {
  const fail = (code: DiagnosticCode, message: string, hint: string, at = { line: 1, column: 1 }) => {
    diagnostics.push({ code, severity: 'error', file: name, ...at, message, hint });
    return undefined;
  };
  if (bytes.includes(0)) {
    return fail('binary-file', 'dit is geen tekstbestand (het bevat NUL-bytes)', 'Een YAML-bestand is platte tekst in UTF-8.');
  }
  // isUtf8 and toString are native (simdutf); a fatal TextDecoder sets up ICU on first use, which
  // every start would pay. TextDecoder dropped a leading BOM and the line below a second one: so here.
  if (!isUtf8(bytes)) {
    undecoded?.push(bytes.toString('utf8'));
    const { line, column, byte, guess } = locateInvalidUtf8(bytes);
    return fail(
      'not-utf8',
      `het bestand is geen geldige UTF-8-tekst: hier staat een teken in een andere codering (byte ${byte}${guess ? `, waarschijnlijk "${guess}"` : ''})`,
      'Sla het bestand op als UTF-8 (in de meeste editors: "Opslaan als" → codering UTF-8) en kijk daarna of dit teken nog klopt.',
      { line, column },
    );
  }
  let text = bytes.toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** sha256 over the protocol files' names and contents, so a saved advice names exactly what produced it. */
export function hashFiles(files: readonly ProtocolSourceFile[]): string {
  // node:crypto is loaded here, not at start-up: validate and the wizard's first question do not
  // need it.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => ((a.rel ?? a.name) < (b.rel ?? b.name) ? -1 : 1))) {
    hash
      .update(f.rel ?? f.name)
      .update('\0')
      .update(f.text)
      .update('\0');
  }
  return hash.digest('hex');
}
