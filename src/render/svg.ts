// DOT → SVG with Graphviz compiled to WebAssembly (@viz-js/viz): no native Graphviz install and no
// network. The module is large, so only `convenant graph --format svg` loads it (src/render/viz-lib.ts).
import { vizLib } from './viz-lib.js';

export async function dotToSvg(dot: string): Promise<string> {
  const viz = await vizLib().instance();
  const result = viz.render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const messages = result.errors.map((e) => e.message).join('; ');
    throw new Error(`Graphviz kon de tekening niet maken: ${messages}`);
  }
  return result.output;
}
