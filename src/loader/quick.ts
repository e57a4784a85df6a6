// Loading for a fast start: a folder whose files match a snapshot made at build time (the shipped
// protocol) is restored from it; any other folder is loaded as usual, and only then are the YAML
// parser and the schemas imported. The result is the same either way (test/loader/snapshot.test.ts).
import type { ProtocolSourceFile } from './load.js';
import { folderResult } from './folder-result.js';
import { readProtocolDir, readSnapshotText } from './read.js';
import { restoreSnapshot, snapshotKey, type Locator, type Snapshot, type SnapshotLoad } from './snapshot.js';

export interface QuickLoaded extends SnapshotLoad {
  files: ProtocolSourceFile[];
  scenarioFiles: ProtocolSourceFile[];
  /** False when the folder itself could not be read (an I/O error, exit 2). */
  found: boolean;
  /** The load came from a snapshot. */
  fromSnapshot: boolean;
}

const NOWHERE: Locator = {
  locate: () => ({ file: '<onbekend>', line: 1, column: 1, endLine: 1, endColumn: 1 }),
  locatePath: (file) => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 }),
};

/** Reads and loads a protocol folder, from the snapshots in `snapshots` when one matches. */
export async function loadProtocolQuick(dir: string, cwd: string | undefined, snapshots: string | undefined): Promise<QuickLoaded> {
  const read = readProtocolDir(dir, cwd);
  if (!read.found) {
    return { ok: false, found: false, diagnostics: read.diagnostics, files: [], scenarioFiles: [], sourceMap: NOWHERE, fromSnapshot: false };
  }
  let loaded: SnapshotLoad | undefined;
  const text = snapshots === undefined ? undefined : readSnapshotText(snapshots, snapshotKey(read.files));
  if (text !== undefined) {
    try {
      loaded = restoreSnapshot(JSON.parse(text) as Snapshot, read.files);
    } catch {
      loaded = undefined;
    }
  }
  const fromSnapshot = loaded !== undefined;
  loaded ??= (await import('./load.js')).loadProtocolFiles(read.files);
  return { ...folderResult(read, loaded), fromSnapshot };
}
