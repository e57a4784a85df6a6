// Bundles the CLI into dist/ so a start-up loads a few files instead of hundreds of modules.
// Heavy modules (the prompt library) are split off and only loaded by the commands that need them.
// Then saves the load snapshot of the shipped protocol (src/loader/snapshot.ts) in dist/snapshots/,
// so `incident` and `validate` on it start without parsing YAML.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOptions } from './build-options.mjs';
import { buildWeb } from './build-web.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
rmSync(dist, { recursive: true, force: true });
await build(buildOptions);
await buildWeb();

const work = mkdtempSync(join(tmpdir(), 'convenant-build-'));
try {
  const script = join(work, 'make-snapshot.mjs');
  await build({ ...buildOptions, entryPoints: [fileURLToPath(new URL('make-snapshot.ts', import.meta.url))], outdir: undefined, outfile: script, splitting: false, plugins: [] });
  const { snapshotOf } = await import(pathToFileURL(script).href);
  const { key, json } = snapshotOf(fileURLToPath(new URL('../protocols/weert-nederweert', import.meta.url)));
  mkdirSync(join(dist, 'snapshots'), { recursive: true });
  writeFileSync(join(dist, 'snapshots', `${key}.json`), json);
} finally {
  rmSync(work, { recursive: true, force: true });
}
