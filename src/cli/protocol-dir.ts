// Which protocol folder a command works on: --protocols, else CONVENANT_PROTOCOLS, else the shipped one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './exit-codes.js';
import type { Io } from './io.js';

export const SHIPPED_PROTOCOL = 'weert-nederweert';

/** The shipped protocol folder, found from the bundle (dist/) or from the sources (src/cli/). */
export function shippedProtocolDir(): string {
  for (const up of ['../protocols', '../../protocols']) {
    const dir = fileURLToPath(new URL(`${up}/${SHIPPED_PROTOCOL}`, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return fileURLToPath(new URL(`../protocols/${SHIPPED_PROTOCOL}`, import.meta.url));
}

export function protocolDirFor(io: Io, explicit: string | undefined): string {
  // `validate "$DIR"` with DIR unset in CI must not quietly check the shipped protocol: a false green.
  if (explicit !== undefined && explicit.trim() === '') {
    throw new UsageError('de protocolmap is leeg opgegeven ("")', 'Geef een map op, of laat de map weg om het meegeleverde protocol te gebruiken.');
  }
  const chosen = explicit ?? io.env.CONVENANT_PROTOCOLS;
  return chosen ? resolve(io.cwd, chosen) : shippedProtocolDir();
}
