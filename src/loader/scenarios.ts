// Scenario files: answers → expected advice, the protocol's own behaviour tests. Pure.
import type { Diagnostic } from '../diagnostics/index.js';
import type { Scenario as ScenarioT } from '../model/core.js';
import { schemaLib } from '../model/schema-lib.js';
import { clip } from './clip.js';
import type { ProtocolSourceFile } from './load.js';
import { parseYamlData } from './parse-yaml.js';
import { SourceMap, type Location } from './source-map.js';
import { issuesToDiagnostics } from './zod-issues.js';

export interface LocatedScenario {
  scenario: ScenarioT;
  location: Location;
  /** Locates a value of this scenario, e.g. ['answers', 'acuut-gevaar']; with `atKey`, the key itself. */
  locate(path: readonly (string | number)[], atKey?: boolean): Location;
}

export function parseScenarioFiles(files: readonly ProtocolSourceFile[]): {
  scenarios: LocatedScenario[];
  diagnostics: Diagnostic[];
} {
  const scenarios: LocatedScenario[] = [];
  const diagnostics: Diagnostic[] = [];
  const sourceMap = new SourceMap();
  for (const file of files) {
    const parsed = parseYamlData(file.name, file.text);
    sourceMap.addFile(file.name, file.text, parsed.positions);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.readable) continue;
    const data = parsed.data;
    const locate = (path: readonly (string | number)[], atKey?: boolean) => sourceMap.locatePath(file.name, path, atKey);
    const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).scenarios : undefined;
    if (!Array.isArray(list)) {
      diagnostics.push({
        code: 'wrong-type',
        severity: 'error',
        ...locate([]),
        message: 'een scenariobestand begint met "scenarios:" en een lijst scenario\'s',
        hint: 'Zie protocols/README.md voor een voorbeeld.',
      });
      continue;
    }
    if (list.length === 0) {
      diagnostics.push({
        code: 'invalid-value',
        severity: 'error',
        ...locate(['scenarios']),
        message: 'dit scenariobestand heeft geen enkel scenario',
        hint: 'Zet er minstens één scenario in (zie protocols/README.md), of verwijder het bestand.',
      });
    }
    for (const key of Object.keys(data as object)) {
      if (key !== 'scenarios' && key !== '__proto__') {
        diagnostics.push({
          code: 'unknown-key',
          severity: 'error',
          ...locate([key], true),
          message: `onbekende sleutel "${clip(key)}"`,
          hint: 'Een scenariobestand heeft alleen "scenarios:".',
        });
      }
    }
    list.forEach((item: unknown, i: number) => {
      // Scenarios are parsed by zod itself, loaded the first time (`convenant test` and `diff` only).
      const { Scenario } = schemaLib();
      const result = Scenario.safeParse(item);
      if (!result.success) {
        diagnostics.push(...issuesToDiagnostics(result.error.issues, { file: file.name, schema: Scenario, data: item, base: ['scenarios', i], locate }));
        return;
      }
      scenarios.push({
        scenario: result.data,
        // Positions only when a report asks: a passing scenario needs none.
        get location() {
          return locate(['scenarios', i]);
        },
        locate: (path, atKey) => locate(['scenarios', i, ...path], atKey),
      });
    });
  }
  return { scenarios, diagnostics };
}
