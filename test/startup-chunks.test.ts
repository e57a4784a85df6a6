// What a start-up evaluates. The program is one file (dist/convenant.cjs), in which every module
// reached only through `await import()` is wrapped in a function that runs on that import. These
// tests bundle the sources with the real options but split at those imports (in memory), so the
// module graph shows as chunks, and follow the static imports from the entry: a stray import of a
// heavy module cannot silently slow every start again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBuilt } from './helpers/built-cli.js';
// @ts-expect-error: a plain .mjs module without types
import { buildOptions, schemaBuildOptions, vizBuildOptions, yamlBuildOptions } from '../scripts/build-options.mjs';

/** Heavy modules: none of them may load before the work of a command starts. */
const HEAVY: [string, RegExp][] = [
  ['zod', /node_modules\/zod\//],
  ['yaml', /node_modules\/yaml\//],
  ['@inquirer', /node_modules\/@inquirer\//],
  ['@viz-js', /node_modules\/@viz-js\//],
  ['chalk', /node_modules\/chalk\//],
  ['de analyse', /^src\/analysis\//],
  ['de loader', /^src\/loader\/(load|parse-yaml|zod-issues|structure|references|scenarios)\.ts$/],
];

let meta: Metafile;

beforeAll(async () => {
  const splitAtImports = {
    entryPoints: { convenant: 'src/cli/entry.ts' },
    outfile: undefined,
    outdir: 'dist-startup-test',
    format: 'esm' as const,
    splitting: true,
    banner: undefined,
  };
  const result = await build({ ...(buildOptions as object), ...splitAtImports, write: false, metafile: true, logLevel: 'silent' });
  meta = result.metafile!;
}, 60_000);

/** The outputs loaded by importing `output`, following static imports only (what runs before any `await import`). */
function closure(output: string): Set<string> {
  const seen = new Set<string>();
  const stack = [output];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return seen;
}

/** The source files inside a set of outputs. */
function inputsOf(outputs: Iterable<string>): string[] {
  return [...outputs].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
}

const entry = () => Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === 'src/cli/entry.ts')!;
const output = (name: RegExp) => {
  const found = Object.keys(meta.outputs).find((o) => name.test(o.split('/').pop()!));
  if (!found) throw new Error(`no output ${name}`);
  return found;
};

describe('start-up chunks', () => {
  it('main (every command but --version) loads the command-line parser and the registrations, nothing heavy', () => {
    const inputs = inputsOf(closure(entry()));
    expect(inputs.some((i) => i.includes('node_modules/commander/'))).toBe(true);
    expect(inputs).toContain('src/cli/main.ts');
    for (const [name, re] of HEAVY)
      expect(
        inputs.filter((i) => re.test(i)),
        name,
      ).toEqual([]);
  });

  it('the command registrations are in the main chunk itself, not one chunk per command', () => {
    // A run module that imports from a registration file splits it off into a chunk of its own,
    // one more file for every start to load: shared constants live in src/cli/commands/formats.ts.
    const own = Object.keys(meta.outputs[entry()]!.inputs);
    const registrations = inputsOf(Object.keys(meta.outputs)).filter((i) =>
      /^src\/cli\/commands\/(checklist|contacts|explain|graph|partners|test|validate|incident|completion|schema)\.ts$/.test(i),
    );
    expect(registrations.length).toBe(10);
    expect(registrations.filter((r) => !own.includes(r))).toEqual([]);
  });

  it('checks a real build: the heavy modules are in the bundle, in chunks loaded later', () => {
    const all = inputsOf(Object.keys(meta.outputs));
    for (const [name, re] of HEAVY.filter(([n]) => n !== 'yaml' && n !== 'zod' && n !== '@viz-js'))
      expect(
        all.some((i) => re.test(i)),
        name,
      ).toBe(true);
  });

  it('the yaml package is in no chunk: the loader requires it from its own file only when a file needs the full parser', async () => {
    expect(inputsOf(Object.keys(meta.outputs)).filter((i) => i.includes('node_modules/yaml/'))).toEqual([]);
    expect(inputsOf(Object.keys(meta.outputs))).toContain('src/loader/yaml-lib.ts');
    const own = await build({ ...(yamlBuildOptions as object), write: false, metafile: true, logLevel: 'silent' });
    expect(Object.keys(own.metafile.inputs).some((i) => i.includes('node_modules/yaml/'))).toBe(true);
    expect((buildOptions as { define: Record<string, string> }).define.__YAML_BUNDLE__).toBe(
      JSON.stringify(`./${(yamlBuildOptions as { outfile: string }).outfile.split('/').pop()}`),
    );
  });

  it('zod and the schemas are in no chunk: they are required from their own file only when an item is invalid (or for scenarios and `schema`)', async () => {
    const all = inputsOf(Object.keys(meta.outputs));
    expect(all.filter((i) => i.includes('node_modules/zod/') || i === 'src/model/schema.ts' || i === 'src/model/zod-lib.ts')).toEqual([]);
    // What replaces them for valid input: the generated validators, and the lazy accessor.
    expect(all).toContain('src/model/generated/valid.ts');
    expect(all).toContain('src/model/schema-lib.ts');
    const own = await build({ ...(schemaBuildOptions as object), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(own.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod/'))).toBe(true);
    expect(inputs).toContain('src/model/schema.ts');
    expect((buildOptions as { define: Record<string, string> }).define.__SCHEMA_BUNDLE__).toBe(
      JSON.stringify(`./${(schemaBuildOptions as { outfile: string }).outfile.split('/').pop()}`),
    );
  });

  const heavy = (...names: string[]) => HEAVY.filter(([n]) => names.includes(n));

  it('incident reaches its first question without the analysis or the graph renderer', () => {
    // Every load reads and checks the files: with our own reader for plain YAML and the generated
    // validators; yaml and zod only load (required, not imported) when a file has a problem.
    const inputs = inputsOf(new Set([...closure(output(/^incident-run-/)), ...closure(output(/^inquirer-prompter-/))]));
    expect(inputs.some((i) => i.includes('node_modules/@inquirer/'))).toBe(true);
    expect(inputs).toContain('src/loader/plain-yaml.ts');
    expect(inputs).toContain('src/model/generated/valid.ts');
    for (const [name, re] of heavy('@viz-js', 'de analyse', 'zod', 'yaml'))
      expect(
        inputs.filter((i) => re.test(i)),
        name,
      ).toEqual([]);
    // Nor the pager's node:child_process or node:crypto: those load after the questions.
    const builtins = [...closure(output(/^incident-run-/)), ...closure(output(/^inquirer-prompter-/))].flatMap((o) =>
      meta.outputs[o]!.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path),
    );
    expect(builtins).toContain('node:fs');
    expect(builtins.filter((b) => b === 'node:child_process' || b === 'node:crypto')).toEqual([]);
  });

  it('validate loads the loader and the analysis, but no prompts and no graph renderer', () => {
    const inputs = inputsOf(closure(output(/^validate-run-/)));
    expect(inputs).toContain('src/analysis/validate.ts');
    expect(inputs).toContain('src/loader/load.ts');
    expect(inputs).toContain('src/model/generated/valid.ts');
    for (const [name, re] of heavy('@inquirer', '@viz-js', 'zod', 'yaml'))
      expect(
        inputs.filter((i) => re.test(i)),
        name,
      ).toEqual([]);
  });

  it('only the register commands load the register and its native database module, which stays outside the bundle', () => {
    const store = /^src\/register\/store\.ts$/;
    expect(inputsOf(closure(entry())).filter((i) => store.test(i))).toEqual([]);
    expect(inputsOf(closure(output(/^incident-run-/))).filter((i) => store.test(i))).toEqual([]);
    expect(inputsOf(closure(output(/^register-run-/)))).toContain('src/register/store.ts');
    expect(inputsOf(Object.keys(meta.outputs)).filter((i) => i.includes('node_modules/better-sqlite3/'))).toEqual([]);
  });

  it('without colour no command loads chalk: the plain theme needs none, colour loads it when asked', () => {
    const runs = Object.keys(meta.outputs).filter((o) => /-run-[^/]*\.js$/.test(o));
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs)
      expect(
        inputsOf(closure(run)).filter((i) => /node_modules\/chalk\//.test(i)),
        run,
      ).toEqual([]);
    expect(inputsOf(closure(output(/^color-theme-/))).some((i) => i.includes('node_modules/chalk/'))).toBe(true);
  });
  it('the one-file program itself holds none of yaml, zod, the schemas or Graphviz (a module wrapped for a lazy import is kept whole, so only the type-only index keeps zod out)', async () => {
    const real = await build({ ...(buildOptions as object), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.values(real.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs.filter((i) => /node_modules\/(zod|yaml|@viz-js)\//.test(i) || i === 'src/model/schema.ts')).toEqual([]);
  });

  it('the graph renderer (@viz-js) is in no chunk: it is required from its own file, only through the dynamic import in graph-run (graph --format svg)', async () => {
    const viz = /node_modules\/@viz-js\//;
    expect(inputsOf(Object.keys(meta.outputs)).filter((i) => viz.test(i))).toEqual([]);
    const own = await build({ ...(vizBuildOptions as object), write: false, metafile: true, logLevel: 'silent' });
    expect(Object.keys(own.metafile.inputs).some((i) => viz.test(i))).toBe(true);
    expect((buildOptions as { define: Record<string, string> }).define.__VIZ_BUNDLE__).toBe(
      JSON.stringify(`./${(vizBuildOptions as { outfile: string }).outfile.split('/').pop()}`),
    );
    // The chunk that requires it holds the renderer's two modules and nothing else, and only graph-run imports it, dynamically.
    const holding = Object.keys(meta.outputs).filter((o) => Object.keys(meta.outputs[o]!.inputs).includes('src/render/viz-lib.ts'));
    expect(holding.map((o) => Object.keys(meta.outputs[o]!.inputs).sort())).toEqual([['src/render/svg.ts', 'src/render/viz-lib.ts']]);
    const importers = Object.keys(meta.outputs).flatMap((o) => meta.outputs[o]!.imports.filter((i) => i.path === holding[0]).map((i) => ({ from: o, kind: i.kind })));
    expect(importers.map((i) => [Object.keys(meta.outputs[i.from]!.inputs).includes('src/cli/commands/graph-run.ts'), i.kind])).toEqual([[true, 'dynamic-import']]);
  });
});

describe('a real start', () => {
  // Node sets up its ES module loader (resolution, translators, module jobs) only for an ES module:
  // an entry written as one, or an import() of one. The command is CommonJS so no run pays for it.
  it.each([['validate'], ['partners'], ['test'], ['help']])('convenant %s runs without Node’s ES module loader', (command) => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'convenant-start-'));
    try {
      const list = join(dir, 'modules.json');
      const preload = join(dir, 'record.cjs');
      writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`);
      const r = runBuilt([command], { cwd: ROOT, nodeArgs: ['--require', preload], env: { CONVENANT_NO_CODE_CACHE: '1' } });
      expect(r.stderr).toBe('');
      const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
      // A sanity check that the list is the real one: the program read its files.
      expect(loaded).toContain('NativeModule fs');
      expect(loaded.filter((m) => /internal\/modules\/esm\/(module_job|translators|resolve)$/.test(m))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
