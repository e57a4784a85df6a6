// Shared by the look-up commands (partners, contacts, checklist, graph, explain, completion):
// loading a valid protocol, choosing an output format and a line width.
import { Option } from 'commander';
import { suggest } from '../../diagnostics/index.js';
import { loadProtocol } from '../../loader/index.js';
import type { Protocol } from '../../model/index.js';
import { sanitize } from '../../render/sanitize.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { protocolDirFor } from '../protocol-dir.js';

/** Options every look-up command takes. */
export interface LookupOptions {
  protocols?: string;
  color?: boolean;
}

export const protocolsOption = () => new Option('--protocols <map>', 'gebruik een andere protocolmap (ook: CONVENANT_PROTOCOLS)');
export const noColorOption = () => new Option('--no-color', 'geen kleur');

/**
 * `--format` with its allowed values on the option (shown in --help and used by `completion`). The
 * value is checked by `checkFormat`, so the error is in Dutch.
 */
export function formatOption(formats: readonly string[], description: string, defaultValue: string): Option {
  const option = new Option('--format <formaat>', description).default(defaultValue);
  option.argChoices = [...formats];
  return option;
}

export function checkFormat<T extends string>(value: string, formats: readonly T[]): T {
  if ((formats as readonly string[]).includes(value)) return value as T;
  const close = suggest(value, formats);
  throw new UsageError(`onbekend formaat "${sanitize(value)}"`, `${close ? `Bedoel je "${close}"? ` : ''}Kies uit: ${formats.join(', ')}.`);
}

/** Loads the protocol folder; a missing folder or a protocol with errors is a usage error (exit 2). */
export function loadValidProtocol(io: Io, explicit: string | undefined): Protocol {
  const dir = protocolDirFor(io, explicit);
  const loaded = loadProtocol(dir, io.cwd);
  if (loaded.ok && loaded.protocol) return loaded.protocol;
  if (!loaded.found) {
    throw new UsageError(`kan de protocolmap ${sanitize(dir)} niet lezen`, 'Controleer --protocols of CONVENANT_PROTOCOLS.');
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, 5)) io.stderr.write(`${sanitize(d.file)}:${d.line}:${d.column}: ${sanitize(d.message)}\n`);
  if (errors.length > 5) io.stderr.write(`… en nog ${errors.length - 5} fouten\n`);
  throw new UsageError(`het protocol in ${sanitize(dir)} bevat fouten`, `Bekijk alle fouten met: convenant validate --protocols ${sanitize(dir)}`);
}

/** Width for wrapping: the terminal's, at most 100; 100 when the output is not a terminal. */
export function lineWidth(io: Io): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  return Math.max(40, Math.min(columns ?? 100, 100));
}

/** "Bedoel je …?" for an unknown id, plus where to find the valid ones. */
export function unknownId(what: string, id: string, candidates: Iterable<string>, where: string): UsageError {
  const close = suggest(id, candidates);
  return new UsageError(`onbekende ${what} "${sanitize(id)}"`, `${close ? `Bedoel je "${close}"? ` : ''}${where}`);
}
