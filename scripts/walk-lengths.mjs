#!/usr/bin/env node
// Questions per walk over the shipped scenarios: every scenario is replayed through the engine and
// the answers a person had to give are counted (answers a preset settled, `inferred: true`, do not
// count; a question is counted once). Prints the median, the mean, the distribution and the longest
// walks. The loader and engine are bundled from src/ with esbuild (a dev dependency) into a
// temporary file, so no build is needed and the replay runs in-process.
// Usage: node scripts/walk-lengths.mjs [protocol-dir] [--json] [--files a.yaml,b.yaml]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const filesAt = args.indexOf('--files');
const onlyFiles = filesAt >= 0 ? new Set(args[filesAt + 1].split(',')) : undefined;
const dir = resolve(args.find((a, i) => !a.startsWith('--') && (filesAt < 0 || i !== filesAt + 1)) ?? 'protocols/weert-nederweert');

// Inside node_modules so the bundle resolves zod and yaml from the project.
const tmp = mkdtempSync(join(resolve('node_modules'), '.walk-lengths-'));
let engine;
try {
  const out = join(tmp, 'engine.mjs');
  await build({
    stdin: {
      contents: "export { loadProtocol } from './src/loader/index.js'; export { replay } from './src/engine/index.js';",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  engine = await import(pathToFileURL(out).href);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const loaded = engine.loadProtocol(dir);
if (!loaded.protocol) {
  console.error(`${dir}: the protocol does not load; run convenant validate`);
  process.exit(2);
}
const walks = [];
const files = readdirSync(join(dir, 'scenarios'))
  .filter((f) => f.endsWith('.yaml') && (!onlyFiles || onlyFiles.has(f)))
  .sort();
for (const file of files) {
  const doc = parse(readFileSync(join(dir, 'scenarios', file), 'utf8'));
  for (const scenario of doc?.scenarios ?? []) {
    const { state, problems } = engine.replay(loaded.protocol, scenario.answers ?? {});
    if (problems.length > 0) {
      walks.push({ file, name: scenario.name, questions: null, error: problems[0].message });
      continue;
    }
    const asked = new Set(state.answers.filter((a) => a.inferred !== true).map((a) => a.step));
    walks.push({ file, name: scenario.name, questions: asked.size });
  }
}

const counted = walks
  .filter((w) => w.questions !== null)
  .map((w) => w.questions)
  .sort((a, b) => a - b);
const mid = counted.length / 2;
const median = counted.length === 0 ? null : counted.length % 2 ? counted[Math.floor(mid)] : (counted[mid - 1] + counted[mid]) / 2;
const mean = counted.length === 0 ? null : counted.reduce((s, n) => s + n, 0) / counted.length;
const failed = walks.filter((w) => w.questions === null);
const histogram = {};
for (const n of counted) histogram[n] = (histogram[n] ?? 0) + 1;

if (asJson) {
  console.log(JSON.stringify({ walks: counted.length, failed: failed.length, median, mean, histogram }, null, 2));
} else {
  console.log(`${counted.length} walks (${failed.length} could not be replayed)`);
  console.log(`median ${median} questions, mean ${mean?.toFixed(2)}, min ${counted[0]}, max ${counted.at(-1)}`);
  console.log(
    'questions: walks  ' +
      Object.entries(histogram)
        .map(([n, c]) => `${n}:${c}`)
        .join('  '),
  );
  for (const w of walks
    .filter((x) => x.questions !== null)
    .sort((a, b) => b.questions - a.questions)
    .slice(0, 5)) {
    console.log(`  ${w.questions}  ${w.file}: ${w.name}`);
  }
  for (const w of failed.slice(0, 10)) console.log(`  not replayed: ${w.file}: ${w.name}: ${w.error}`);
}
