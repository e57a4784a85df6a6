// After the advice on screen, without --output: offer to save it, so nobody has to answer all the
// questions again to get a record for the school's file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sanitize } from '../../render/sanitize.js';
import type { Prompter, SaveFormat } from '../../ui/prompter.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { checkOutputTarget, writeOutputFile } from '../write-output.js';

const EXTENSION: Record<SaveFormat, string> = { markdown: 'md', text: 'txt', json: 'json' };

/** YYYY-MM-DD in local time: the date staff know the incident by. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "advies-2026-01-15.md", or "advies-2026-01-15-2.md" when that exists. */
export function freeName(cwd: string, date: Date, format: SaveFormat): string {
  const base = `advies-${localDate(date)}`;
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.${EXTENSION[format]}`;
    if (!existsSync(resolve(cwd, name))) return name;
  }
}

export async function offerToSave(
  io: Io,
  prompter: Prompter,
  generated: Date,
  render: (format: SaveFormat) => string,
  signal: AbortSignal,
): Promise<void> {
  const choice = await prompter.offerSave({
    suggest: (format) => freeName(io.cwd, generated, format),
    check: (file) => {
      try {
        checkOutputTarget(file, { cwd: io.cwd });
        return undefined;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        return `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`;
      }
    },
  });
  if (!choice) return;
  const written = writeOutputFile(choice.file, render(choice.format), { cwd: io.cwd, signal });
  io.stdout.write(`Advies bewaard in ${sanitize(written)} (alleen leesbaar voor jou).\n`);
}
