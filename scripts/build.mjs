// Bundles the CLI into dist/ so a start-up loads a few files instead of hundreds of modules.
// Heavy modules (the prompt library) are split off and only loaded by the commands that need them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { buildOptions } from './build-options.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build(buildOptions);
