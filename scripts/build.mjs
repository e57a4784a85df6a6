// Bundles the CLI into dist/ so a start-up reads one file instead of hundreds of modules. Heavy
// libraries (the full YAML parser, zod, the graph renderer) are files of their own, loaded only when
// needed.
//
//   node scripts/build.mjs              build dist/ (npm run build)
//   node scripts/build.mjs --prepare    the same, run by npm install; without esbuild (an install
//                                       with --omit=dev) it keeps the dist/ that is there instead
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const esbuild = await importEsbuild(process.argv.includes('--prepare'));
const { build } = esbuild;
const { buildOptions, schemaBuildOptions, vizBuildOptions, yamlBuildOptions } = await import('./build-options.mjs');
const { buildWeb } = await import('./build-web.mjs');

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
await build(buildOptions);
await build(yamlBuildOptions);
await build(schemaBuildOptions);
await build(vizBuildOptions);
await buildWeb();
await writeEmergencyData();

/** dist/emergency.json: the emergency card's numbers, taken from the shipped protocol at build time. */
async function writeEmergencyData() {
  const { withTsModule } = await import('./ts-module.mjs');
  const entry = fileURLToPath(new URL('./emergency-data.ts', import.meta.url));
  await withTsModule(entry, fileURLToPath(new URL('../dist/.emergency-data.mjs', import.meta.url)), ({ emergencyData }) =>
    writeFileSync(fileURLToPath(new URL('../dist/emergency.json', import.meta.url)), emergencyData(fileURLToPath(new URL('../protocols/weert-nederweert', import.meta.url)))),
  );
}

/** esbuild, or (for --prepare, when it is not installed) one line and an exit: 0 with a built dist/, 1 without. */
async function importEsbuild(prepare) {
  try {
    return await import('esbuild');
  } catch (error) {
    if (!prepare || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    if (existsSync(fileURLToPath(new URL('../dist/convenant.cjs', import.meta.url)))) {
      process.stderr.write('convenant: esbuild is niet geïnstalleerd (installatie zonder ontwikkelpakketten); de meegeleverde dist/ wordt gebruikt.\n');
      process.exit(0);
    }
    process.stderr.write('convenant: kan dist/ niet bouwen: esbuild is niet geïnstalleerd; draai "npm install" zonder --omit=dev.\n');
    process.exit(1);
  }
}
