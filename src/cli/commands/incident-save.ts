// After the advice on screen, without --output: offer to save it, so nobody has to answer all the
// questions again to get a record for the school's file. Like a desktop program: the suggested file
// is in the user's documents folder, "~" means the home folder, and the full path is shown.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
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

/** The home folder: HOME, else what the system says. */
function homeOf(io: Io): string {
  return io.env.HOME?.trim() || homedir();
}

/**
 * Where a saved advice goes by default: XDG_DOCUMENTS_DIR (environment, or the user-dirs.dirs file
 * of the desktop), else ~/Documenten or ~/Documents when it exists, else the home folder.
 */
export function documentsDir(io: Io): string {
  const home = homeOf(io);
  const expand = (dir: string) => dir.replace(/^\$HOME(?=\/|$)/, home).replace(/^~(?=\/|$)/, home);
  let configured = io.env.XDG_DOCUMENTS_DIR?.trim();
  if (!configured) {
    try {
      const config = io.env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
      configured = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(readFileSync(join(config, 'user-dirs.dirs'), 'utf8'))?.[1];
    } catch {
      configured = undefined;
    }
  }
  const candidates = [configured ? expand(configured) : undefined, join(home, 'Documenten'), join(home, 'Documents')];
  return candidates.find((dir): dir is string => !!dir && isAbsolute(dir) && existsSync(dir)) ?? home;
}

/** A typed file name as the user means it: "~" is the home folder, a bare name goes in `folder`. */
export function savePath(io: Io, typed: string, folder: string): string {
  const home = homeOf(io);
  const expanded = typed === '~' ? home : typed.startsWith('~/') ? join(home, typed.slice(2)) : typed;
  return resolve(folder, expanded);
}

export async function offerToSave(io: Io, prompter: Prompter, generated: Date, render: (format: SaveFormat) => string, signal: AbortSignal): Promise<void> {
  const folder = documentsDir(io);
  const choice = await prompter.offerSave({
    suggest: (format) => join(folder, freeName(folder, generated, format)),
    check: (file) => {
      try {
        checkOutputTarget(savePath(io, file, folder), { cwd: folder });
        return undefined;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        // As it is: the message may start with the file name, whose case must stay.
        return `${error.message}.`;
      }
    },
  });
  if (!choice) return;
  const written = writeOutputFile(savePath(io, choice.file, folder), render(choice.format), { cwd: folder, signal });
  io.stdout.write(`Advies bewaard in ${sanitize(written)} (alleen leesbaar voor jou).\n`);
}
