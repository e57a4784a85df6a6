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
export const buildOptions = {
  absWorkingDir: root,
  // entry.ts answers --version itself and imports main.ts (commander and the commands) for the rest.
  entryPoints: { convenant: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  // Less text for V8 to parse at every start (the zod chunk alone is 750 KB written out). Names are
  // kept, so a stack trace under --debug still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The yaml package is not in the chunks: src/loader/yaml-lib.ts requires it from dist/yaml.cjs
  // (written by scripts/build.mjs) the first time a file needs the full YAML parser. Nor are zod and
  // the schemas: src/model/schema-lib.ts requires them from dist/schema.cjs when they are needed.
  define: { __VERSION__: JSON.stringify(version), __YAML_BUNDLE__: JSON.stringify('./yaml.cjs'), __SCHEMA_BUNDLE__: JSON.stringify('./schema.cjs') },
  plugins: [pureModules],
  // Native module (the register's SQLite): loaded from node_modules at run time, only by `register`.
  external: ['better-sqlite3'],
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one. commander requires
  // node:child_process at load (it only spawns for external subcommands, which convenant has none
  // of), and that module pulls in net, dgram and the stream classes: it gets a stand-in that loads
  // the real module on first use.
  banner: {
    js:
      "import { createRequire as __convenantCreateRequire } from 'node:module'; " +
      'const __convenantRequire = __convenantCreateRequire(import.meta.url); ' +
      "const require = (id) => id === 'node:child_process' ? new Proxy({}, { get: (_, key) => __convenantRequire(id)[key] }) : __convenantRequire(id);",
  },
};
