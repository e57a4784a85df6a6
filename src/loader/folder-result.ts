// Joins what reading a folder found with what loading its files found: one result for a folder.
import type { Diagnostic } from '../diagnostics/index.js';
import type { ReadResult } from './read.js';

export function folderResult<L extends { ok: boolean; diagnostics: readonly Diagnostic[] }>(read: ReadResult, loaded: L) {
  return {
    ...loaded,
    ok: loaded.ok && !read.diagnostics.some((d) => d.severity === 'error'),
    diagnostics: [...read.diagnostics, ...loaded.diagnostics],
    files: read.files,
    scenarioFiles: read.scenarioFiles,
    found: true,
  };
}
