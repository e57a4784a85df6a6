// The browser bundle of the offline web page (`convenant export html`): src/web/app.ts with the
// engine, the wizard and the advice renderers as one minified script, and the page's stylesheet,
// both in dist/web/. The export command inlines them into the page it writes.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
export const webBuildOptions = {
  absWorkingDir: root,
  entryPoints: { app: 'src/web/app.ts', style: 'src/web/style.css' },
  outdir: 'dist/web',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Browsers of the last few years (the page uses :has() only for decoration).
  target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
};

export async function buildWeb(options = {}) {
  return build({ ...webBuildOptions, ...options });
}
