// `npm run bench`, finding 05 of issue 11: `explain` on the generated 10,000-step protocol stays
// bounded (a search limit with a note instead of running out of memory). Measured in a child
// process, after the protocol is loaded: the time of `explain` itself and the memory it adds on
// top of the loaded protocol (peak resident minus resident before). Returns rows for the table.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

const ENTRY = `
import { loadProtocol } from './src/loader/index.js';
import { explain } from './src/explain/explain.js';
const [dir, ...targets] = process.argv.slice(2);
const protocol = loadProtocol(dir).protocol;
const out = {};
for (const target of targets) {
  const [kind, id] = target.split(':');
  globalThis.gc();
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const e = explain(protocol, kind, id);
  const ms = performance.now() - start;
  const peak = process.resourceUsage().maxRSS * 1024;
  out[target] = {
    ms,
    // Memory explain adds: the process's peak above what was resident before it (the loaded
    // protocol). When loading peaked higher, this counts that too: it never understates.
    addedMiB: Math.max(0, peak - before) / 2 ** 20,
    ways: e.ways.length,
    found: e.ways.filter((w) => w.walk).length,
    limited: e.ways.filter((w) => w.limited).length,
  };
}
process.stdout.write(JSON.stringify(out));
`;

/** Runs explain for a partner and a rule of the 10k protocol; returns rows for bench/run.mjs. */
export async function explainRows({ root, work, dir, node = process.execPath }) {
  const file = join(work, 'explain-bench.mjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'explain-bench.ts' },
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    nodePaths: [join(root, 'node_modules')],
  });
  const r = spawnSync(node, ['--expose-gc', file, dir, 'partner:politie', 'rule:meldcode'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`explain bench failed (exit ${r.status}): ${r.stderr}`);
  const result = JSON.parse(r.stdout);
  return Object.entries(result).flatMap(([target, m]) => [
    {
      what: `explain ${target.split(':')[1]} 10.000 stappen`,
      ms: m.ms,
      ratio: undefined,
      extra: `${m.found}/${m.ways} gevonden, ${m.limited} grens`,
      target: '≤ 2.000 ms',
      met: m.ms <= 2000,
    },
    { what: `  extra geheugen explain ${target.split(':')[1]}`, ms: undefined, ratio: undefined, target: '≤ 200 MiB', met: m.addedMiB <= 200, mem: m.addedMiB },
  ]);
}
