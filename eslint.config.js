// ESLint: the recommended and type-checked recommended rules of @eslint/js and typescript-eslint.
// Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** What the plain JavaScript scripts (bench, scripts, bin) use from Node (TypeScript checks the rest). */
const NODE_GLOBALS = Object.fromEntries(['process', 'console', 'URL', 'setTimeout', 'clearTimeout', 'performance', 'Buffer', 'structuredClone'].map((name) => [name, 'readonly']));
const BROWSER_GLOBALS = Object.fromEntries(['window', 'document', 'MutationObserver', 'addEventListener', 'requestAnimationFrame'].map((name) => [name, 'readonly']));

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'schema/', 'protocols/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Matching terminal control characters is the point in sanitising and its tests.
      'no-control-regex': 'off',
      // Command bodies share one async signature, whether or not they await anything yet.
      '@typescript-eslint/require-await': 'off',
      // Methods taken off objects here never use `this`: destructured node:fs functions and the
      // optional callbacks of option objects.
      '@typescript-eslint/unbound-method': 'off',
      // `_name` marks a binding left out on purpose (e.g. dropping a key by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The fast YAML reader unwinds with small marker objects (no stack trace to build).
    files: ['src/loader/plain-yaml.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  {
    // Dutch help text wraps commander's own Help methods, reached through the prototype (untyped),
    // and the plain theme is a Proxy standing in for chalk.
    files: ['src/cli/dutch-commander.ts', 'src/render/theme.ts'],
    rules: { '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-return': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // CommonJS files (the command in bin/ is one, so Node never sets up its ES module loader) load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Functions the benchmark hands to the browser page (page.evaluate) run there.
  { files: ['bench/web.mjs'], languageOptions: { globals: BROWSER_GLOBALS } },
  {
    // Tests inspect JSON output parsed as `any` (JSON.parse, SARIF, JUnit): a wrong shape fails the
    // assertion anyway, and a type for every report format would only repeat the renderers.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
