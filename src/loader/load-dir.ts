// Read + load in one call, for the CLI and tests that work on folders.
import { loadProtocolFiles, type LoadResult, type ProtocolSourceFile } from './load.js';
import { folderResult } from './folder-result.js';
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
  return folderResult(read, loadProtocolFiles(read.files));
}
