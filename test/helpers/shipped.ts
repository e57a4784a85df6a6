import { fileURLToPath } from 'node:url';
import { loadProtocol, parseScenarioFiles } from '../../src/loader/index.js';

export const SHIPPED_DIR = fileURLToPath(new URL('../../protocols/weert-nederweert', import.meta.url));

/** An answers file for `incident --answers` with the shipped protocol: physical violence, someone in danger now. */
export const ACUTE_ANSWERS = `
acuut-gevaar: ja
categorie: [fysiek-geweld]
dader: leerling
slachtoffer: leerling
leeftijd: 14
schooltype: vo
plek: op-school
fysiek-geweld-letsel: ja
fysiek-geweld-ernst: ernstig
dader-leeftijd: 14
herhaling-eerder: nee
fysiek-geweld-bekent: ja
fysiek-geweld-thuis: nee
fysiek-geweld-camera: nee
fysiek-geweld-getuigen: nee
`;

let cached: ReturnType<typeof loadProtocol> | undefined;
/** The shipped protocol, loaded once per test file. */
export function shipped() {
  cached ??= loadProtocol(SHIPPED_DIR);
  return cached;
}

/**
 * Runs `check` (which asserts with expect) on every item and returns the failures, one readable
 * line each ("name: what failed"); empty when every item passes. One test per table, not one per
 * row, and still every failing row reported: `expect(failing(...)).toEqual([])`.
 */
export function failing<T>(items: readonly T[], name: (item: T) => string, check: (item: T) => void): string[] {
  const out: string[] = [];
  for (const item of items) {
    try {
      check(item);
    } catch (error) {
      out.push(`${name(item)}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  }
  return out;
}

/** `failing` over the shipped scenarios: the check gets each scenario's name and answers. */
export function failingScenarios(check: (answers: Record<string, unknown>, name: string) => void): string[] {
  const { scenarios } = parseScenarioFiles(shipped().scenarioFiles);
  if (scenarios.length < 20) return [`only ${scenarios.length} shipped scenarios found`];
  return failing(
    scenarios,
    (s) => s.scenario.name,
    (s) => check(s.scenario.answers, s.scenario.name),
  );
}
