// Writes src/model/generated/valid.ts from the zod schemas (npm run generate); see
// scripts/generate-validators.ts. The generator is TypeScript: esbuild bundles it for Node first.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = fileURLToPath(new URL('./.generate-validators.tmp.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./generate-validators.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: script,
  packages: 'external',
  logLevel: 'warning',
});
try {
  const { generateValidators, OUTPUT } = await import(pathToFileURL(script).href);
  const file = `${root}${OUTPUT}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await generateValidators());
  process.stdout.write(`${OUTPUT} geschreven\n`);
} finally {
  rmSync(script, { force: true });
}
