// Read + load in one call: the one way the CLI and the tests load a protocol folder.
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { loadProtocolFiles, type LoadResult, type ProtocolSourceFile } from './load.js';
import { readProtocolDir, type ReadOptions } from './read.js';

export interface LoadedFolder extends LoadResult {
  files: ProtocolSourceFile[];
  scenarioFiles: ProtocolSourceFile[];
  /** Problems reading the scenario files (see ReadResult): `test` reports them per file. */
  scenarioDiagnostics: Diagnostic[];
  /** False when the folder itself could not be read (an I/O error, exit 2). */
  found: boolean;
}

/** For every command but `test` and `diff` (also `validate`): the protocol without its tests. */
export const WITHOUT_SCENARIOS: ReadOptions = { scenarios: false };

/** The folder's protocol; with WITHOUT_SCENARIOS its scenario folders are not read. */
export function loadProtocol(dir: string, cwd?: string, options?: ReadOptions): LoadedFolder {
  const read = readProtocolDir(dir, cwd, undefined, options);
  if (!read.found) {
    const loaded = loadProtocolFiles([], undefined, read.undecodedTexts);
    return { ...loaded, ok: false, found: false, diagnostics: read.diagnostics, files: [], scenarioFiles: [], scenarioDiagnostics: [] };
  }
  return {
    ...loadReadFiles(read.files, read.undecodedTexts, read.diagnostics),
    files: read.files,
    scenarioFiles: read.scenarioFiles,
    scenarioDiagnostics: read.scenarioDiagnostics,
    found: true,
  };
}

/**
 * Loads files that were read elsewhere (from a folder, or from git by `diff`): the problems of reading
 * them come first and count as the load's own, and the texts that could not be decoded keep their ids
 * from being reported as missing.
 */
export function loadReadFiles(files: readonly ProtocolSourceFile[], undecodedTexts: readonly string[], readProblems: readonly Diagnostic[]): LoadResult {
  const loaded = loadProtocolFiles(files, undefined, undecodedTexts);
  return { ...loaded, ok: loaded.ok && !hasErrors(readProblems), diagnostics: [...readProblems, ...loaded.diagnostics] };
}
