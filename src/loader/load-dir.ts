// Read + load in one call, for the CLI and tests that work on folders.
import type { Diagnostic } from '../diagnostics/index.js';
import { loadProtocolFiles, type LoadResult, type ProtocolSourceFile } from './load.js';
import { readProtocolDir } from './read.js';

export interface LoadedFolder extends LoadResult {
  files: ProtocolSourceFile[];
  scenarioFiles: ProtocolSourceFile[];
  /** False when the folder itself could not be read (an I/O error, exit 2). */
  found: boolean;
}

export function loadProtocol(dir: string, cwd?: string): LoadedFolder {
  const read = readProtocolDir(dir, cwd);
  if (!read.found) {
    return { ok: false, found: false, diagnostics: read.diagnostics, files: [], scenarioFiles: [], sourceMap: loadProtocolFiles([]).sourceMap };
  }
  const loaded = loadProtocolFiles(read.files);
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...loaded.diagnostics];
  return {
    ...loaded,
    ok: loaded.ok && !read.diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
    files: read.files,
    scenarioFiles: read.scenarioFiles,
    found: true,
  };
}
