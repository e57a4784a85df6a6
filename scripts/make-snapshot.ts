// Build step (bundled and run by scripts/build.mjs): the load snapshot of a protocol folder, see
// src/loader/snapshot.ts.
import { loadProtocol } from '../src/loader/index.js';
import { makeSnapshot, snapshotJson } from '../src/loader/snapshot.js';

export function snapshotOf(dir: string): { key: string; json: string } {
  const loaded = loadProtocol(dir);
  if (!loaded.found) throw new Error(`cannot read ${dir}`);
  const snapshot = makeSnapshot(loaded.files, loaded);
  return { key: snapshot.key, json: snapshotJson(snapshot) };
}
