// Bundles the CLI into dist/ so a start-up loads a few files instead of hundreds of modules.
// Heavy modules (the prompt library, the graph renderer) are split off and only loaded by the
// commands that need them.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildOptions, yamlBuildOptions } from './build-options.mjs';
import { buildWeb } from './build-web.mjs';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
await build(buildOptions);
await build(yamlBuildOptions);
await buildWeb();
await writeEmergencyData();

/** dist/emergency.json: the emergency card's numbers, taken from the shipped protocol at build time. */
async function writeEmergencyData() {
  const script = fileURLToPath(new URL('../dist/.emergency-data.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(new URL('./emergency-data.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: script, packages: 'external', logLevel: 'warning' });
  try {
    const { emergencyData } = await import(pathToFileURL(script).href);
    writeFileSync(fileURLToPath(new URL('../dist/emergency.json', import.meta.url)), emergencyData(fileURLToPath(new URL('../protocols/weert-nederweert', import.meta.url))));
  } finally {
    rmSync(script, { force: true });
  }
}
