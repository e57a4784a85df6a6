// Every bound on input in one place: a protocol folder comes from a repository many people write
// to, and a pull request must not be able to exhaust the memory or the time of a CI run.
// README.md ("Grenzen voor invoer") names them for users.

/** Larger files are refused: a protocol file is a few dozen KiB. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** At most this many YAML files in one folder. */
export const MAX_FILES = 2000;
/** At most this many bytes of YAML in one folder, all files together (the shipped protocol: under 1 MiB). */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Folders deeper than this below the protocol folder are not read (the shipped protocol: 1). */
export const MAX_FOLDER_DEPTH = 32;
/** Deepest nesting of lists and maps allowed in one file. Real protocol files stay below 15. */
export const MAX_DEPTH = 64;
/** Aliases allowed per document; far above what a protocol needs, far below a "billion laughs" blow-up. */
export const MAX_ALIAS_COUNT = 100;
/** Values an alias may expand to, counted over all aliases of a file. */
export const MAX_ALIAS_EXPANSION = 100_000;
/**
 * YAML values (keys, texts, numbers, lists, maps) in one file. Memory and time grow with the number
 * of values, not bytes: a 1 MiB file of `[1,1,1,…]` holds half a million. The largest shipped file
 * holds a few thousand.
 */
export const MAX_FILE_NODES = 100_000;
/** YAML values in one folder, all files together: about twice a generated protocol of 10,000 steps. */
export const MAX_FOLDER_NODES = 1_000_000;

/** Dutch "100.000" for messages. */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, '.');
