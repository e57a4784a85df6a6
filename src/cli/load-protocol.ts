// The built-in protocol's emergency numbers, for when the chosen folder does not load: read from the
// shipped folder, or, when that is the broken one, from dist/emergency.json, which the build writes
// from the shipped protocol (so the card still has numbers when a clone's protocol was edited badly).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProtocol, WITHOUT_SCENARIOS } from '../loader/index.js';
import { emergencyNumbers, type EmergencyNumbers } from '../render/emergency-card.js';
import type { Io } from './io.js';
import { shippedProtocolDir } from './protocol-dir.js';

/** Next to the bundle's chunks in dist/; from the sources it does not exist. */
const EMERGENCY_JSON = new URL('./emergency.json', import.meta.url);

export async function loadBuiltIn(io: Io, failed: string): Promise<EmergencyNumbers | undefined> {
  const shipped = shippedProtocolDir();
  if (resolve(io.cwd, failed) !== resolve(shipped)) {
    const loaded = loadProtocol(shipped, io.cwd, WITHOUT_SCENARIOS);
    if (loaded.ok && loaded.protocol) return emergencyNumbers(loaded.protocol);
  }
  try {
    const data = JSON.parse(readFileSync(EMERGENCY_JSON, 'utf8')) as EmergencyNumbers;
    return Array.isArray(data.partners) && typeof data.version === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}
