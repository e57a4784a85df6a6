// Runs a TypeScript module of scripts/ from Node: esbuild bundles it to a temporary file next to
// `outfile`, the callback gets its exports, and the temporary file is removed whatever happens.
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** @template T @param {string} entry @param {string} outfile @param {(module: any) => Promise<T> | T} use @returns {Promise<T>} */
export async function withTsModule(entry, outfile, use) {
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, packages: 'external', logLevel: 'warning' });
  try {
    return await use(await import(pathToFileURL(outfile).href));
  } finally {
    rmSync(outfile, { force: true });
  }
}
