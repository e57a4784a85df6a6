import { fileURLToPath } from 'node:url';
import { loadProtocol } from '../../src/loader/index.js';

export const SHIPPED_DIR = fileURLToPath(new URL('../../protocols/weert-nederweert', import.meta.url));

let cached: ReturnType<typeof loadProtocol> | undefined;
/** The shipped protocol, loaded once per test file. */
export function shipped() {
  cached ??= loadProtocol(SHIPPED_DIR);
  return cached;
}
