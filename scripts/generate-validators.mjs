// Writes src/model/generated/valid.ts from the zod schemas (npm run generate); see
// scripts/generate-validators.ts. The generator is TypeScript: esbuild bundles it for Node first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTsModule } from './ts-module.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./generate-validators.ts', import.meta.url));
await withTsModule(entry, fileURLToPath(new URL('./.generate-validators.tmp.mjs', import.meta.url)), async ({ generateValidators, OUTPUT }) => {
  const file = `${root}${OUTPUT}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await generateValidators());
  process.stdout.write(`${OUTPUT} geschreven\n`);
});
