// The built program loads the Graphviz renderer (@viz-js/viz, 1.5 MB with its WebAssembly) only for
// `convenant graph --format svg`: every other command, and graph in the other formats, starts without
// it. Checked with a module hook that writes down every file Node loads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBuilt } from '../helpers/built-cli.js';

const work = mkdtempSync(join(tmpdir(), 'convenant-lazy-svg-'));
const HOOK = join(work, 'record.mjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  writeFileSync(
    join(work, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.LOADED_LOG, `${url}\\n`); return next(url, context); }\n",
  );
  writeFileSync(HOOK, "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
}, 120_000);

/** The files of dist/ one command loads, and its result. */
function loads(name: string, args: string[]) {
  const log = join(work, `${name}.log`);
  writeFileSync(log, '');
  const result = runBuilt(args, { cwd: ROOT, nodeArgs: ['--import', HOOK], env: { LOADED_LOG: log } });
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && fileURLToPath(url).startsWith(join(ROOT, 'dist')))
    .map((url) => basename(fileURLToPath(url)));
  return { ...result, files };
}

/** A file of dist/ that holds the Graphviz renderer (its WebAssembly module). */
const isRenderer = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8').includes('WebAssembly');

describe('the SVG renderer', () => {
  it('is loaded by graph --format svg, which draws the diagram with it', () => {
    const svg = loads('svg', ['graph', '--format', 'svg']);
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    expect(svg.files.filter(isRenderer)).toHaveLength(1);
  });

  it.each([
    ['graph --format dot', ['graph', '--format', 'dot']],
    ['graph --format mermaid', ['graph', '--format', 'mermaid']],
    ['validate', ['validate']],
    ['--version', ['--version']],
  ])('is not loaded by %s', (name, args) => {
    const run = loads(name.replace(/\W+/g, '-'), args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.files.length).toBeGreaterThan(0);
    expect(run.files.filter(isRenderer)).toEqual([]);
  });
});
