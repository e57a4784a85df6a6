// The built program loads the Graphviz renderer (@viz-js/viz, 1.5 MB with its WebAssembly) only for
// `convenant graph --format svg`: every other command, and graph in the other formats, starts without
// it. Checked with a preload that writes down every CommonJS file the program (dist/convenant.cjs)
// requires: the renderer is a file of its own in dist/ (viz.cjs), required by src/render/viz-lib.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBuilt } from '../helpers/built-cli.js';

const work = mkdtempSync(join(tmpdir(), 'convenant-lazy-svg-'));
const HOOK = join(work, 'record.cjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  writeFileSync(
    HOOK,
    "const Module = require('node:module');\nconst { appendFileSync } = require('node:fs');\nconst load = Module._load;\nModule._load = function (request, parent, ...rest) {\n  appendFileSync(process.env.LOADED_LOG, `${request}\\t${parent?.filename ?? ''}\\n`);\n  return load.call(this, request, parent, ...rest);\n};\n",
  );
}, 120_000);

/** The files of dist/ one command loads, and its result. */
function loads(name: string, args: string[]) {
  const log = join(work, `${name}.log`);
  writeFileSync(log, '');
  const result = runBuilt(args, { cwd: ROOT, nodeArgs: ['--require', HOOK], env: { LOADED_LOG: log } });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const requests = lines.map((line) => line.split('\t')[0]!);
  // The files the program requires next to itself (bin/ requires the program the same way).
  const files = lines
    .map((line) => line.split('\t'))
    .filter(([request, parent]) => request!.startsWith('./') && parent === join(ROOT, 'dist', 'convenant.cjs'))
    .map(([request]) => basename(request!));
  return { ...result, requests, files };
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
    // The preload saw the program's requires (node:url is the bundle's first).
    if (name !== '--version') expect(run.requests).toContain('node:url');
    expect(run.files.filter(isRenderer)).toEqual([]);
  });
});
