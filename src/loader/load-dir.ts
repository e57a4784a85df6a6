// Read + load in one call: the one way the CLI and the tests load a protocol folder.
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
  const loaded = loadProtocolFiles(read.found ? read.files : [], undefined, read.undecodedTexts);
  if (!read.found) return { ...loaded, ok: false, found: false, diagnostics: read.diagnostics, files: [], scenarioFiles: [] };
  return {
    ...loaded,
    ok: loaded.ok && !read.diagnostics.some((d) => d.severity === 'error'),
    diagnostics: [...read.diagnostics, ...loaded.diagnostics],
    files: read.files,
    scenarioFiles: read.scenarioFiles,
    found: true,
  };
}
