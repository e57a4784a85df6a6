// What an installed convenant needs besides its own files. The build bundles every package it can
// into dist/; only what stays outside the bundle (a native module) is loaded from node_modules at run
// time, so `dependencies` is exactly that list and everything bundled is a development package.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type BuildResult } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { buildOptions, schemaBuildOptions, vizBuildOptions, yamlBuildOptions } from '../../scripts/build-options.mjs';
import { ROOT } from '../helpers/built-cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies).sort();
const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

// The program, and the yaml library, the zod schemas and Graphviz, which the build writes as files of their own (loaded only when needed).
let results: BuildResult<{ write: false; metafile: true }>[];
beforeAll(async () => {
  results = [
    await build({ ...(buildOptions as object), outfile: 'dist-dependencies-test/convenant.cjs', write: false, metafile: true, logLevel: 'silent' }),
    await build({ ...(yamlBuildOptions as object), outfile: 'dist-dependencies-test/yaml.cjs', write: false, metafile: true, logLevel: 'silent' }),
    await build({ ...(schemaBuildOptions as object), outfile: 'dist-dependencies-test/schema.cjs', write: false, metafile: true, logLevel: 'silent' }),
    await build({ ...(vizBuildOptions as object), outfile: 'dist-dependencies-test/viz.cjs', write: false, metafile: true, logLevel: 'silent' }),
  ];
}, 60_000);

describe('package.json dependencies', () => {
  it('are the packages the build leaves outside the bundle, no more', () => {
    expect(dependencies).toEqual([...(buildOptions as { external: string[] }).external].sort());
  });

  it('cover every package the built program loads at run time (imports and require calls in dist/)', () => {
    const loaded = new Set<string>();
    for (const result of results)
      for (const output of Object.values(result.metafile.outputs)) for (const i of output.imports) if (i.external && !builtin(i.path)) loaded.add(packageOf(i.path));
    // A require through createRequire (the register's native module) is not an import esbuild sees.
    for (const file of results.flatMap((r) => r.outputFiles)) {
      // (Not the string "from" itself, as in f(x,"from"): that is no import.)
      for (const m of file.text.matchAll(/(?:\brequire|\bimport|\bcreateRequire\)?\([^()]*\))\("([^"./][^"]*)"\)|(?<!")\bfrom"([^"./][^"]*)"/g)) {
        const specifier = m[1] ?? m[2]!;
        if (!builtin(specifier)) loaded.add(packageOf(specifier));
      }
    }
    expect([...loaded].sort()).toEqual(dependencies);
  });

  it('everything else the program uses is bundled, so it is a development package', () => {
    const bundled = new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)).flatMap((i) => (/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i) ?? []).slice(1)));
    // The packages package.json names (their own dependencies come with them into the bundle).
    const direct = [...bundled].filter((name) => name in pkg.devDependencies || name in pkg.dependencies);
    expect(direct).toEqual(expect.arrayContaining(['commander', 'zod', 'yaml', '@inquirer/prompts', '@viz-js/viz']));
    expect(direct.filter((name) => name in pkg.dependencies)).toEqual([]);
  });
});
