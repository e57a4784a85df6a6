// The small second protocol (test/fixtures/protocols/mini) that every look-up command must also handle.
import { fileURLToPath } from 'node:url';
import { loadProtocol } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';

export const MINI_DIR = fileURLToPath(new URL('../fixtures/protocols/mini', import.meta.url));

let cached: Protocol | undefined;
export function mini(): Protocol {
  if (!cached) {
    const loaded = loadProtocol(MINI_DIR);
    if (!loaded.ok || !loaded.protocol) throw new Error(`mini fixture does not load: ${JSON.stringify(loaded.diagnostics)}`);
    cached = loaded.protocol;
  }
  return cached;
}
