#!/usr/bin/env node
// Questions per walk over the shipped scenarios: every scenario is replayed through
// `convenant incident --answers … --format json` and the answers a person had to give are counted
// (answers the engine settled itself, `"inferred": true`, do not count). Prints the median, the
// mean, the distribution and the longest walks. Needs a build (`npm run build`).
// Usage: node scripts/walk-lengths.mjs [protocol-dir] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'protocols/weert-nederweert');
const bin = resolve('bin/convenant.js');
const tmp = mkdtempSync(join(tmpdir(), 'walk-lengths-'));

const walks = [];
try {
  const files = readdirSync(join(dir, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    const doc = parse(readFileSync(join(dir, 'scenarios', file), 'utf8'));
    for (const scenario of doc?.scenarios ?? []) {
      const answersFile = join(tmp, 'answers.json');
      writeFileSync(answersFile, JSON.stringify(scenario.answers));
      let out;
      try {
        out = execFileSync('node', [bin, 'incident', '--protocols', dir, '--answers', answersFile, '--format', 'json'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (err) {
        walks.push({ file, name: scenario.name, questions: null, error: String(err.stderr ?? err).split('\n')[0] });
        continue;
      }
      const result = JSON.parse(out);
      const answers = Array.isArray(result.answers) ? result.answers : [];
      const asked = new Set(answers.filter((a) => a.inferred !== true).map((a) => a.step));
      walks.push({ file, name: scenario.name, questions: asked.size });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const counted = walks.filter((w) => w.questions !== null).map((w) => w.questions).sort((a, b) => a - b);
const median = counted.length === 0 ? null : counted.length % 2 ? counted[(counted.length - 1) / 2] : (counted[counted.length / 2 - 1] + counted[counted.length / 2]) / 2;
const mean = counted.length === 0 ? null : counted.reduce((s, n) => s + n, 0) / counted.length;
const failed = walks.filter((w) => w.questions === null);
const histogram = {};
for (const n of counted) histogram[n] = (histogram[n] ?? 0) + 1;

if (asJson) {
  console.log(JSON.stringify({ walks: counted.length, failed: failed.length, median, mean, histogram }, null, 2));
} else {
  console.log(`${counted.length} walks (${failed.length} could not be replayed)`);
  console.log(`median ${median} questions, mean ${mean?.toFixed(2)}, min ${counted[0]}, max ${counted.at(-1)}`);
  console.log('questions: walks  ' + Object.entries(histogram).map(([n, c]) => `${n}:${c}`).join('  '));
  for (const w of walks.filter((x) => x.questions !== null).sort((a, b) => b.questions - a.questions).slice(0, 5)) {
    console.log(`  ${w.questions}  ${w.file}: ${w.name}`);
  }
  for (const w of failed.slice(0, 10)) console.log(`  not replayed: ${w.file}: ${w.name}: ${w.error}`);
}
