// Loading the protocol folder for a command: restored from the build's snapshot when the files
// match it exactly (the shipped protocol, see src/loader/snapshot.ts), else read and parsed.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProtocolQuick, type QuickLoaded } from '../loader/quick.js';
import { readSnapshotText } from '../loader/read.js';
import type { Snapshot } from '../loader/snapshot.js';
import type { Protocol } from '../model/index.js';
import type { Io } from './io.js';
import { shippedProtocolDir } from './protocol-dir.js';

/** dist/snapshots in the bundle (every chunk is in dist/). From the sources it does not exist: every load parses. */
const SNAPSHOTS = fileURLToPath(new URL('./snapshots', import.meta.url));

export function loadForCommand(io: Io, dir: string): Promise<QuickLoaded> {
  return loadProtocolQuick(dir, io.cwd, SNAPSHOTS);
}

/**
 * The built-in protocol, for when the chosen folder does not load: the shipped folder, or when that
 * is the broken one, the snapshot the build made of it. Undefined when neither is there.
 */
export async function loadBuiltIn(io: Io, failed: string): Promise<Protocol | undefined> {
  const shipped = shippedProtocolDir();
  if (resolve(io.cwd, failed) !== resolve(shipped)) {
    const loaded = await loadForCommand(io, shipped);
    if (loaded.ok && loaded.protocol) return loaded.protocol;
  }
  let names: string[];
  try {
    names = readdirSync(SNAPSHOTS);
  } catch {
    return undefined;
  }
  for (const name of names) {
    const text = name.endsWith('.json') ? readSnapshotText(SNAPSHOTS, name.slice(0, -5)) : undefined;
    if (text === undefined) continue;
    try {
      const snapshot = JSON.parse(text) as Snapshot;
      if (snapshot.ok && snapshot.protocol) return snapshot.protocol;
    } catch {
      // a damaged snapshot: try the next
    }
  }
  return undefined;
}
