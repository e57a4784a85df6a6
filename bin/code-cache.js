// Runs the bundle (dist/convenant.cjs) with a V8 code cache, as Node 22 does for every module with
// module.enableCompileCache() (Node 20 has no such cache for ES modules). The first run of a command
// compiles the code and, at exit, writes what V8 compiled to a file in the user's cache folder; later
// runs of that command start from it instead of compiling again. The cache holds compiled program
// code only, never an answer, a protocol or anything typed: V8 stores the bytecode of the functions
// that ran, not the values they worked on. CONVENANT_NO_CODE_CACHE=1 turns it off.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle's source between these two, so it runs as a CommonJS module would. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/** The bundle's exports: compiled with the command's cache when there is a usable one. */
export function loadBundle(file, command, env = process.env) {
  const source = readFileSync(file, 'utf8');
  const cache = env.CONVENANT_NO_CODE_CACHE || env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFile(file, command, env);
  const cachedData = cache ? readOwnFile(cache.path) : undefined;
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: file, ...(cachedData ? { cachedData } : {}) });
  // Written at exit, so it holds every function this run compiled, not only the top level.
  if (cache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => cache.write(() => script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * The cache file for this bundle, command and Node: named after the bundle's size and time of
 * writing, so a rebuilt or updated program never uses the code of the one before (V8 checks its own
 * version and flags itself and rejects a cache that does not fit, which is then written anew).
 */
function cacheFile(file, command, env) {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  let bundle;
  try {
    bundle = statSync(file);
  } catch {
    return undefined;
  }
  const prefix = `${/^[a-z]{2,12}$/.test(command ?? '') ? command : 'other'}-`;
  const name = `${prefix}${bundle.size}-${Math.trunc(bundle.mtimeMs)}-${process.version}-${process.arch}.bin`;
  const path = join(dir, name);
  return {
    path,
    /** Writes what `data` gives; not even asked for when the folder cannot be made or is not private. */
    write(data) {
      try {
        if (!ownedPrivateDir(dir, true)) return;
        // Another copy of the program may write the same file at the same moment: each writes its
        // own temporary file and renames it, so a reader never sees half a cache.
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, data(), { mode: 0o600, flag: 'wx' });
        renameSync(temporary, path);
        for (const old of readdirSync(dir)) if (old.startsWith(prefix) && old !== name && old.endsWith('.bin')) rmSync(join(dir, old), { force: true });
      } catch {
        // A cache that cannot be written only makes the next start slower.
      }
    },
  };
}

/** CONVENANT_CACHE_DIR, else the usual per-user cache folder of the system. */
function cacheDir(env) {
  if (env.CONVENANT_CACHE_DIR) return env.CONVENANT_CACHE_DIR;
  let home;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home) return undefined;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'convenant', 'cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'convenant');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'convenant');
}

/**
 * Whether `dir` is a folder of this user that nobody else can write to (made when `create`). The
 * cache is code that runs: a file someone else could put there must never be read.
 */
function ownedPrivateDir(dir, create) {
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivate(lstatSync(dir), true);
  } catch {
    return false;
  }
}

function isPrivate(stats, directory) {
  if (directory ? !stats.isDirectory() : !stats.isFile()) return false;
  if (process.platform === 'win32') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** The file's bytes, if it and its folder belong to this user only; else nothing. */
function readOwnFile(path) {
  try {
    if (!ownedPrivateDir(dirname(path), false) || !isPrivate(lstatSync(path), false)) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
