#!/usr/bin/env node
// The command. The program itself is dist/convenant.cjs, made by `npm run build` (npm install runs
// it too); without it, one line that says how to get it instead of Node's ERR_MODULE_NOT_FOUND.
// CommonJS, not an ES module: Node sets up its ES module loader for an ES module entry, which every
// run would pay for (test/package/startup-chunks.test.ts checks it stays out).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const BUNDLE = join(__dirname, '..', 'dist', 'convenant.cjs');
const argv = process.argv.slice(2);

if (!existsSync(BUNDLE)) {
  process.stderr.write('convenant: het programma is nog niet gebouwd (de map dist/ ontbreekt); draai in de map van convenant "npm install" of "npm run build".\n');
  process.exit(2);
}
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // As commander answers it (the version and a newline, exit 0), without loading the program.
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  // Most runs are short (one validate, one incident, one scenario run). V8's optimising compiler
  // would spend more time compiling the YAML reader than that reader runs; a larger budget before a
  // function is optimised keeps short runs in the cheaper tiers, while long runs (big registers,
  // thousands of files) still reach the optimised code. `npm run bench` measures both kinds.
  // Only on Node 20's V8 (11.3), where it was measured: newer V8s tier up by call counts, have no
  // such flag, and would print "unrecognized flag" on every run.
  if (process.versions.v8.startsWith('11.3.')) require('node:v8').setFlagsFromString('--interrupt-budget=1080000');
  const { loadBundle } = require('./code-cache.cjs');
  loadBundle(BUNDLE, argv)
    .run(argv)
    .then((code) => {
      process.exitCode = code;
    });
}
