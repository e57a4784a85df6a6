// Runs the bundle (dist/convenant.cjs) with a V8 code cache, as Node 22 does for every module with
// module.enableCompileCache() (Node 20 has no such cache for ES modules). The first run of a command
// compiles the code and, at exit, writes what V8 compiled to a file in the user's cache folder; later
// runs of that command start from it instead of compiling again. The cache holds compiled program
// code only, never an answer, a protocol or anything typed: V8 stores the bytecode of the functions
// that ran, not the values they worked on. CONVENANT_NO_CODE_CACHE=1 turns it off.
'use strict';
const { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

/** The bundle's source between these two, so it runs as a CommonJS module would. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/**
 * The commands that get a cache file of their own; any other first word shares one file, so a
 * mistyped command (or a name typed by mistake) never becomes a file name.
 * test/package/code-cache.test.ts checks this list against the program's commands.
 */
const COMMANDS = new Set([
  'checklist',
  'completion',
  'contacts',
  'diff',
  'explain',
  'export',
  'graph',
  'help',
  'incident',
  'init',
  'partners',
  'register',
  'schema',
  'sources',
  'test',
  'validate',
]);

/** Exit codes after which the run was a real one of the command (done, findings, or stopped with Ctrl-C). */
const TYPICAL_EXIT = new Set([0, 1, 130]);

/** The bundle's exports: compiled with the command's cache when there is a usable one. */
function loadBundle(file, argv, env = process.env) {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const cache = env.CONVENANT_NO_CODE_CACHE || env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFile(bytes, commandOf(argv), env);
  const cachedData = cache ? readOwnFile(cache.path) : undefined;
  // A fixed name, not the bundle's path: the path (with a user name in it, perhaps) would be stored
  // in the cache. Stack traces name the bundle by it.
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: 'convenant.cjs', ...(cachedData ? { cachedData } : {}) });
  // Written at exit, so it holds every function this run compiled, not only the top level.
  if (cache && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', (code) => {
      if (TYPICAL_EXIT.has(code)) cache.write(() => script.createCachedData());
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

function commandOf(argv) {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return COMMANDS.has(first) ? first : 'other';
}

/**
 * The cache file for this bundle, command and Node. It is named after the bundle's length and a
 * checksum of its contents: V8 checks its own version and flags, but of the source only the
 * length, so another program of the same length would otherwise run the old code. CRC-32 catches
 * every change within 4 bytes (a fix of one number or word) and others but for 1 in 4 billion;
 * node:crypto would cost more to load than the cache saves in some runs.
 */
function cacheFile(bytes, command, env) {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const suffix = `-${process.version}-${process.arch}.bin`;
  const name = `${command}-${crc32(bytes).toString(16).padStart(8, '0')}-${bytes.length}${suffix}`;
  const path = join(dir, name);
  return {
    path,
    /** Writes what `data` gives; not even asked for when the folder cannot be made or is not private. */
    write(data) {
      if (!makePrivateDir(dir)) return;
      // Another copy of the program may write the same file at the same moment: each writes its
      // own temporary file and renames it, so a reader never sees half a cache.
      const temporary = `${path}.${process.pid}-${Date.now()}.tmp`;
      try {
        writeFileSync(temporary, data(), { mode: 0o600, flag: 'wx' });
        renameSync(temporary, path);
        // The same command's cache of an earlier build, for this Node.
        for (const old of readdirSync(dir)) if (old.startsWith(`${command}-`) && old.endsWith(suffix) && old !== name) rmSync(join(dir, old), { force: true });
      } catch {
        // A cache that cannot be written only makes the next start slower.
        rmSync(temporary, { force: true });
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
 * Makes `dir` (and at most its parent, such as ~/.cache on a new machine) inside a folder of this
 * user; true when it is then a private folder of this user. Never more levels: under sudo, root
 * must not make folders in someone else's home, and a recursive mkdir loops for ever on some paths.
 */
function makePrivateDir(dir) {
  try {
    const parent = dirname(dir);
    if (!lstatOrUndefined(parent)) {
      if (!isOwn(lstatOrUndefined(dirname(parent)), 'directory', false)) return false;
      mkdirSync(parent, { mode: 0o700 });
    } else if (!isOwn(lstatOrUndefined(parent), 'directory', false)) return false;
    if (!lstatOrUndefined(dir)) mkdirSync(dir, { mode: 0o700 });
    return isOwn(lstatOrUndefined(dir), 'directory', true);
  } catch {
    return false;
  }
}

function lstatOrUndefined(path) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A file or folder of this user (not a link); `private`: nobody else can write to it either. */
function isOwn(stats, kind, private_) {
  if (!stats || (kind === 'directory' ? !stats.isDirectory() : !stats.isFile())) return false;
  if (process.platform === 'win32') return true;
  return stats.uid === process.getuid() && (!private_ || (stats.mode & 0o022) === 0);
}

/**
 * The file's bytes, if it is this user's own private file in a private folder of this user; else
 * nothing. The cache is code that runs, so the checks are made on the opened file itself (no link
 * followed, one name only): what is checked is what is read.
 */
function readOwnFile(path) {
  let fd;
  try {
    if (!isOwn(lstatOrUndefined(dirname(path)), 'directory', true)) return undefined;
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    if (!isOwn(stats, 'file', true) || stats.nlink !== 1) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

module.exports = { COMMANDS, loadBundle };
