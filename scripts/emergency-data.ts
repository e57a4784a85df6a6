// Build step: the shipped protocol's emergency numbers as dist/emergency.json, for the emergency
// card when the shipped folder itself no longer loads (see src/cli/load-protocol.ts).
import { loadProtocol } from '../src/loader/index.js';
import { emergencyNumbers } from '../src/render/emergency-card.js';

export function emergencyData(dir: string): string {
  const loaded = loadProtocol(dir);
  if (!loaded.ok || !loaded.protocol) throw new Error(`the shipped protocol does not load: ${loaded.diagnostics.find((d) => d.severity === 'error')?.message}`);
  return `${JSON.stringify(emergencyNumbers(loaded.protocol))}\n`;
}
