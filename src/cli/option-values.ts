// Option values that are really the next option: `--output --force` would save to a file named
// "--force". Checked once for every command, before its action runs, so nothing is written.
// Loaded at start-up: keep it free of heavy imports.
import type { Command, Option } from 'commander';
import { UsageError } from './exit-codes.js';

/** Whether an option's value names a file or a folder, read from its placeholder (`<bestand>`, `<map>`). */
export function pathKind(option: Option): 'file' | 'dir' | undefined {
  if (/[<[](map|folder|dir)\b/.test(option.flags)) return 'dir';
  if (/[<[](bestand|file)\b/.test(option.flags)) return 'file';
  return undefined;
}

/** The flags the command understands: its own, its parents' and help. */
function knownFlags(command: Command): Set<string> {
  const flags = new Set(['-h', '--help']);
  for (let c: Command | null = command; c; c = c.parent) {
    for (const o of c.options) for (const f of [o.long, o.short]) if (f) flags.add(f);
  }
  return flags;
}

/**
 * A preAction hook: refuses a value given on the command line that is one of the command's own
 * options (`--school --force`), and for a file or folder any value that starts with "-". A real
 * name that starts with "-" can still be given as ./-name.
 */
export function checkOptionValues(command: Command): void {
  const known = knownFlags(command);
  for (const option of command.options) {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== 'cli') continue;
    const kind = pathKind(option);
    const raw: unknown = command.getOptionValue(key);
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value !== 'string' || !value.startsWith('-')) continue;
      const isOption = known.has(value.split('=')[0]!);
      if (!isOption && !kind) continue;
      const flag = option.long ?? option.short ?? option.flags;
      const noun = kind === 'file' ? 'bestandsnaam' : kind === 'dir' ? 'map' : 'waarde';
      const hint = [
        isOption ? `"${value}" is zelf een optie: zet de ${noun} direct na ${flag}.` : `Zet de ${noun} direct na ${flag}.`,
        kind ? `Begint de naam echt met een streepje, schrijf dan ./${value}.` : '',
      ];
      throw new UsageError(`${flag} verwacht een ${noun}, maar kreeg "${value}"`, hint.filter(Boolean).join(' '));
    }
  }
}
