#!/usr/bin/env node
// The command. The program itself is the bundle in dist/, made by `npm run build` (npm install runs
// it too); without it, one line that says how to get it instead of Node's ERR_MODULE_NOT_FOUND.
import { setFlagsFromString } from 'node:v8';

// Most runs are short (one validate, one incident, one scenario run). V8's optimising compiler
// would spend more time compiling the YAML reader than that reader runs; a larger budget before a
// function is optimised keeps short runs in the cheaper tiers, while long runs (big registers,
// thousands of files) still reach the optimised code. `npm run bench` measures both kinds.
// Only on Node 20's V8 (11.3), where it was measured: newer V8s tier up by call counts, have no
// such flag, and would print "unrecognized flag" on every run.
if (process.versions.v8.startsWith('11.3.')) setFlagsFromString('--interrupt-budget=1080000');

let cli;
try {
  cli = await import('../dist/convenant.js');
} catch (error) {
  const { existsSync } = await import('node:fs');
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || existsSync(new URL('../dist/convenant.js', import.meta.url))) throw error;
  process.stderr.write('convenant: het programma is nog niet gebouwd (de map dist/ ontbreekt); draai in de map van convenant "npm install" of "npm run build".\n');
  process.exit(2);
}
process.exitCode = await cli.run(process.argv.slice(2));
