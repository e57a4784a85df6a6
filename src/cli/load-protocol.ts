// Loading the protocol folder for a command: restored from the build's snapshot when the files
// match it exactly (the shipped protocol, see src/loader/snapshot.ts), else read and parsed.
import { fileURLToPath } from 'node:url';
import { loadProtocolQuick, type QuickLoaded } from '../loader/quick.js';
import type { Io } from './io.js';

/** dist/snapshots in the bundle (every chunk is in dist/). From the sources it does not exist: every load parses. */
const SNAPSHOTS = fileURLToPath(new URL('./snapshots', import.meta.url));

export function loadForCommand(io: Io, dir: string): Promise<QuickLoaded> {
  return loadProtocolQuick(dir, io.cwd, SNAPSHOTS);
}
