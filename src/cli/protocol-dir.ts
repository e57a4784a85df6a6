// Which protocol folder a command works on: --protocols, else CONVENANT_PROTOCOLS, else the shipped one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/index.js';
import { sanitize } from '../render/sanitize.js';
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

/** Why a protocol folder could not be read at all, from the loader ("de map bestaat niet"). */
export const unreadableReason = (diagnostics: readonly Diagnostic[]): string | undefined => diagnostics.find((d) => d.severity === 'error')?.message;

/**
 * The one message for a protocol folder that could not be read at all (missing, not a folder, no
 * access): the folder and why, on one line. No file:line:column: there is no file to point into.
 */
export function unreadableProtocolDir(dir: string, diagnostics: readonly Diagnostic[], hint = 'Controleer het pad (--protocols of CONVENANT_PROTOCOLS).'): UsageError {
  const reason = unreadableReason(diagnostics);
  return new UsageError(`kan de protocolmap ${sanitize(dir)} niet lezen${reason ? `: ${sanitize(reason)}` : ''}`, hint);
}
