// Shared by the look-up commands (partners, contacts, checklist, graph, explain, completion):
// options, choosing an output format and a line width. The command registrations import this at
// start-up, so it must stay light: loading a protocol is in load-valid.ts.
import { Option } from 'commander';
import { suggest } from '../../diagnostics/index.js';
import { sanitize } from '../../render/sanitize.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';

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

/** Width for wrapping: the terminal's, at most 100; 100 when the output is not a terminal. */
export function lineWidth(io: Io): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  return Math.max(40, Math.min(columns || 100, 100)); // 0: a terminal that reports no size
}

/** "Bedoel je …?" for an unknown id, plus where to find the valid ones. */
export function unknownId(what: string, id: string, candidates: Iterable<string>, where: string): UsageError {
  const close = suggest(id, candidates);
  return new UsageError(`onbekende ${what} "${sanitize(id)}"`, `${close ? `Bedoel je "${close}"? ` : ''}${where}`);
}
