// The esbuild options of the CLI bundle, shared by scripts/build.mjs and the test that checks
// what a start-up loads (test/startup-chunks.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * Modules whose top-level code only builds values (the zod schemas, and the module that gathers
 * them with zod for dist/schema.cjs). Marked free of side effects, esbuild leaves them, and zod with
 * them, out of every chunk that uses none of their exports: the chunks get the schemas only through
 * src/model/schema-lib.ts, which requires dist/schema.cjs.
 */
const PURE_MODULES = new Set(['schema.ts', 'zod-lib.ts'].map((name) => fileURLToPath(new URL(`../src/model/${name}`, import.meta.url))));
const SKIP = Symbol('pure-modules');

const pureModules = {
  name: 'pure-modules',
  setup(build) {
    build.onResolve({ filter: /(^|\/)(schema|zod-lib)\.js$/ }, async (args) => {
      if (args.pluginData === SKIP) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: SKIP });
      if (resolved.errors.length > 0 || !PURE_MODULES.has(resolved.path)) return undefined;
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
export const yamlBuildOptions = {
  absWorkingDir: root,
  entryPoints: ['yaml'],
  outfile: 'dist/yaml.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions} */
export const schemaBuildOptions = {
  ...yamlBuildOptions,
  entryPoints: ['src/model/zod-lib.ts'],
  outfile: 'dist/schema.cjs',
};

/** @type {import('esbuild').BuildOptions} */
export const vizBuildOptions = {
  ...yamlBuildOptions,
  entryPoints: ['@viz-js/viz'],
  outfile: 'dist/viz.cjs',
};

/**
 * The program as one CommonJS file. bin/convenant.cjs compiles it with a V8 code cache
 * (bin/code-cache.cjs): Node 20 has no compile cache for ES modules, and compiling the code is a
 * large part of every short run. Modules reached only through `await import()` stay lazy: esbuild
 * wraps each in a function that runs on that import, so a command still evaluates only what it uses.
 */
/** @type {import('esbuild').BuildOptions} */
export const buildOptions = {
  absWorkingDir: root,
  // entry.ts hands everything to main.ts (commander and the commands); bin/convenant.cjs answers --version itself.
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/convenant.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  // Less text for V8 to read at a start without a cache. Names are kept, so a stack trace under
  // --debug still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The yaml package is not in the bundle: src/loader/yaml-lib.ts requires it from dist/yaml.cjs
  // the first time a file needs the full YAML parser. Nor are zod and the schemas
  // (src/model/schema-lib.ts, dist/schema.cjs) or Graphviz (src/render/viz-lib.ts, dist/viz.cjs):
  // each loads when it is needed. import.meta.url is the bundle's own file URL (see the banner).
  define: {
    __VERSION__: JSON.stringify(version),
    __YAML_BUNDLE__: JSON.stringify('./yaml.cjs'),
    __SCHEMA_BUNDLE__: JSON.stringify('./schema.cjs'),
    __VIZ_BUNDLE__: JSON.stringify('./viz.cjs'),
    'import.meta.url': '__convenantFileUrl',
  },
  plugins: [pureModules],
  // Native module (the register's SQLite): loaded from node_modules at run time, only by `register`.
  external: ['better-sqlite3'],
  // commander requires node:child_process at load (it only spawns for external subcommands, which
  // convenant has none of), and that module pulls in net, dgram and the stream classes: it gets a
  // stand-in that loads the real module on first use. The banner comes before esbuild's own
  // "use strict", so it says it itself: the sources are ES modules, which are always strict.
  banner: {
    js:
      '"use strict"; ' +
      "const __convenantFileUrl = require('node:url').pathToFileURL(__filename).href; " +
      "require = ((load) => (id) => (id === 'node:child_process' ? new Proxy({}, { get: (_, key) => load(id)[key] }) : load(id)))(require);",
  },
};
