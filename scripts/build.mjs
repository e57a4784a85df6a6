// Bundles the CLI into dist/ so a start-up loads a few files instead of hundreds of modules.
// Heavy modules (the prompt library, the graph renderer) are split off and only loaded by the
// commands that need them.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildOptions } from './build-options.mjs';
import { buildWeb } from './build-web.mjs';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
await build(buildOptions);
await buildWeb();
