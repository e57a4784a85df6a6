// Graphviz compiled to WebAssembly (@viz-js/viz, 1.5 MB), loaded the first time an SVG is drawn. The
// build writes the package as one CommonJS file next to the bundle (scripts/build.mjs), so no other
// command reads it; from the sources it comes from node_modules.
import { createRequire } from 'node:module';
import type * as Viz from '@viz-js/viz';

declare const __VIZ_BUNDLE__: string | undefined;

let lib: typeof Viz | undefined;

export function vizLib(): typeof Viz {
  lib ??= createRequire(import.meta.url)(typeof __VIZ_BUNDLE__ === 'string' ? __VIZ_BUNDLE__ : '@viz-js/viz') as typeof Viz;
  return lib;
}
