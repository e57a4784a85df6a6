// The layers of src/, enforced by dependency-cruiser (run by test/architecture/dependencies.test.ts,
// so `npm test` fails on a forbidden import). Type-only imports count too.
//
// Pure core, I/O at the edge: the model depends on nothing, the engine only on the model, the
// loader and the analysis build on those; the renderers turn results into text; the terminal
// wizard (ui) and the web page sit on top; only the CLI wires everything together.

/** Which src/ folders each folder may import from (besides itself). */
const ALLOWED = {
  model: [],
  diagnostics: [],
  engine: ['model'],
  loader: ['model', 'diagnostics', 'engine'],
  analysis: ['model', 'diagnostics', 'engine', 'loader'],
  explain: ['model', 'engine'],
  diff: ['model', 'engine', 'explain'],
  scenarios: ['model', 'diagnostics', 'engine'],
  render: ['model', 'diagnostics', 'engine', 'analysis', 'explain', 'diff', 'scenarios'],
  // The register's yearly report writes Markdown, HTML and CSV with the renderers' Dutch labels.
  register: ['model', 'engine', 'render'],
  init: ['model'],
  ui: ['model', 'diagnostics', 'engine', 'render'],
  web: ['model', 'diagnostics', 'engine', 'render', 'ui'],
  cli: null, // anything
};

/** Folders that never touch the terminal, the file system, processes or the command line. */
const PURE = ['model', 'diagnostics', 'engine', 'analysis', 'render', 'scenarios', 'loader', 'explain', 'diff'];
/** The loader's only doors to the file system. */
const IO_FILES = ['src/loader/read\\.ts$', 'src/loader/load-dir\\.ts$'];

const folders = Object.keys(ALLOWED);

const layerRules = Object.entries(ALLOWED)
  .filter(([, allowed]) => allowed !== null)
  .map(([folder, allowed]) => ({
    name: `layer-${folder}`,
    comment: `src/${folder} may import only from ${allowed.length ? allowed.map((f) => `src/${f}`).join(', ') : 'no other src/ folder'}.`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/([^/]+)/', pathNot: [`^src/(${[folder, ...allowed].join('|')})/`] },
  }));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'known-folder',
      comment: 'Every src/ folder has a row in the matrix of .dependency-cruiser.cjs: a new folder gets its allowed imports first.',
      severity: 'error',
      from: { path: '^src/', pathNot: [`^src/(${folders.join('|')})/`, '^src/[^/]+$'] },
      to: {},
    },
    {
      name: 'known-folder-imported',
      comment: 'Every src/ folder has a row in the matrix of .dependency-cruiser.cjs, also one that only the CLI imports.',
      severity: 'error',
      from: {},
      to: { path: '^src/[^/]+/', pathNot: `^src/(${folders.join('|')})/` },
    },
    {
      name: 'no-circular',
      comment:
        'No module loads itself through others. Cycles through type-only imports are erased at run time and stay allowed: a command (validate.ts) and its lazily loaded body (validate-run.ts) share an options type.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'pure-core-no-io',
      comment: 'The pure core touches no file system, process, terminal prompt or command line (only the loader reads files, in read.ts and load-dir.ts).',
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')})/`, pathNot: IO_FILES },
      to: { path: '^(node:)?(fs|fs/promises|process|child_process|worker_threads|os|net|http|https|tty|readline)$|^(commander|@inquirer/)' },
    },
    {
      name: 'chalk-only-in-theme',
      comment: 'Colours come from the Theme (render/theme.ts), so NO_COLOR and --no-color hold everywhere below the CLI.',
      severity: 'error',
      from: { path: `^src/(${PURE.join('|')}|ui|web)/`, pathNot: '^src/render/theme\\.ts$' },
      to: { path: '^chalk$|node_modules/chalk/' },
    },
    {
      name: 'sqlite-only-in-register',
      comment: 'better-sqlite3 is a native module: only the incident register loads it.',
      severity: 'error',
      from: { pathNot: '^src/register/' },
      to: { path: 'node_modules/better-sqlite3/|^better-sqlite3$' },
    },
    {
      name: 'web-is-browser-code',
      comment: 'The web page runs in a browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
