// Writing a result to --output FILE, shared by every command that saves something:
// - atomic: a temporary file in the same folder, then a hard link (no overwrite) or a rename (--force),
//   so readers never see half a file and a failure or Ctrl-C leaves nothing behind;
// - mode 0600: advice about pupils is for the school's eyes only;
// - never overwrites an existing file without --force.
import { createRequire } from 'node:module';
import { closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Cancelled } from '../ui/cancelled.js';
import { UsageError } from './exit-codes.js';

export interface WriteOutputOptions {
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** Replace an existing file. */
  force?: boolean;
  /** Checked just before the file appears: an abort (Ctrl-C) leaves nothing behind. */
  signal?: AbortSignal;
}

export const OUTPUT_MODE = 0o600;

const errorCode = (error: unknown): string | undefined => (error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined);

/**
 * Fails early (before any work) when the file could not be written: an existing file without
 * --force, a folder with that name, or a missing folder. Returns the absolute path.
 */
export function checkOutputTarget(file: string, options: WriteOutputOptions): string {
  const target = resolve(options.cwd, file);
  let existing;
  try {
    existing = lstatSync(target);
  } catch (error) {
    // ENOTDIR: a file where a folder should be; reported below as a missing folder.
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`kan ${file} niet controleren (${code ?? 'onbekende fout'})`);
  }
  if (existing?.isDirectory()) throw new UsageError(`${file} is een map, geen bestand`, 'Geef een bestandsnaam op, bijvoorbeeld --output advies.md.');
  if (existing && !options.force) {
    throw new UsageError(`${file} bestaat al; het wordt niet overschreven`, 'Kies een andere naam, of voeg --force toe om het bestand te vervangen.');
  }
  // --force replaces a file (or a link to one), never a device, FIFO or socket: as root, /dev/null.
  const kind = existing ? specialKind(existing.isSymbolicLink() ? statOrUndefined(target) : existing) : undefined;
  if (kind) {
    throw new UsageError(
      `${file} is ${kind}, geen gewoon bestand; het wordt niet vervangen`,
      'Kies een gewoon bestand met --output, of laat --output weg om op het scherm te schrijven.',
    );
  }
  let folder;
  try {
    folder = statSync(dirname(target));
  } catch {
    folder = undefined;
  }
  if (!folder?.isDirectory()) throw new UsageError(`de map ${dirname(file)} bestaat niet`, 'Maak de map eerst aan, of kies een andere plek.');
  return target;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // a link to nothing: replacing it harms nothing
  }
}

/** How a file that is not a regular file is named in a message, or undefined for a regular file. */
function specialKind(stats: Stats | undefined): string | undefined {
  if (!stats || stats.isFile()) return undefined;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'een apparaat';
  if (stats.isFIFO()) return 'een pijp (FIFO)';
  if (stats.isSocket()) return 'een socket';
  if (stats.isDirectory()) return 'een map';
  return 'iets anders';
}

/** Writes `content` to `file` atomically with mode 0600; see the module comment. Returns the absolute path. */
export function writeOutputFile(file: string, content: string, options: WriteOutputOptions): string {
  const target = checkOutputTarget(file, options);
  const temp = resolve(dirname(target), `.${basename(target)}.${process.pid}.${randomHex(6)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', OUTPUT_MODE);
    // The umask may have taken bits off (0277 gives 0400): the mode is 0600 whatever it is.
    fchmodSync(fd, OUTPUT_MODE);
    writeAll(fd, Buffer.from(content, 'utf8'));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.signal?.aborted) throw new Cancelled();
    if (options.force) {
      renameSync(temp, target);
    } else {
      // A hard link fails if the name exists, so a file created meanwhile is never replaced.
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EEXIST') throw new UsageError(`${file} bestaat al; het wordt niet overschreven`, 'Kies een andere naam, of voeg --force toe om het bestand te vervangen.');
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
        // File systems without hard links: check once more, then rename.
        checkOutputTarget(file, options);
        renameSync(temp, target);
      }
    }
    return target;
  } catch (error) {
    if (error instanceof UsageError || error instanceof Cancelled) throw error;
    const code = errorCode(error);
    const [why, hint] = code !== undefined && Object.hasOwn(WRITE_FAILURE, code) ? WRITE_FAILURE[code]! : [undefined, 'Controleer de map en de rechten.'];
    throw new UsageError(`kan ${file} niet schrijven${why ? `: ${why}` : ''} (${code ?? (error instanceof Error ? error.message : String(error))}); er is niets opgeslagen`, hint);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // renamed away, or never created
    }
  }
}

/** What a failed write means, and what to do about it; the code itself is shown too. */
const WRITE_FAILURE: Record<string, [why: string, hint: string]> = {
  ENOSPC: ['de schijf is vol', 'Maak ruimte vrij of kies een andere plek, en probeer het opnieuw.'],
  EDQUOT: ['de schijfruimte voor deze gebruiker is op', 'Maak ruimte vrij of kies een andere plek, en probeer het opnieuw.'],
  EFBIG: ['het bestand wordt groter dan hier is toegestaan', 'Er geldt een grens voor de bestandsgrootte; kies een andere plek of vraag de beheerder.'],
  SHORT_WRITE: ['niet alles kon worden weggeschreven', 'Controleer de schijfruimte en probeer het opnieuw.'],
};

/**
 * Writes every byte: a write may take only part of the buffer (a full disk, a file size limit), so
 * it is repeated for the rest; a write that takes nothing is a failure, never a shorter file.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) {
    const written = writeSync(fd, bytes, done, bytes.length - done);
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'SHORT_WRITE' });
    done += written;
  }
}

/**
 * Random hex, for a temporary name or a one-off token. node:crypto is loaded on first use, not when
 * a command starts: validate and test import this module, and most runs never need it.
 */
export function randomHex(bytes: number): string {
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return randomBytes(bytes).toString('hex');
}
