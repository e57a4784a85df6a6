// Runs every scenario file next to the shipped protocol: one vitest test per scenario.
import { describe, expect, it } from 'vitest';
import { parseScenarioFiles } from '../src/loader/index.js';
import { runScenario } from '../src/scenarios/run.js';
import { shipped } from './helpers/shipped.js';

const loaded = shipped();
const { scenarios, diagnostics } = parseScenarioFiles(loaded.scenarioFiles);

describe('scenario files of the shipped protocol', () => {
  it('parse without problems', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });

  it.each(scenarios.map((s) => [`${s.location.file}:${s.location.line} ${s.scenario.name}`, s] as const))('%s', (_name, located) => {
    expect(loaded.protocol, 'protocol must load').toBeDefined();
    const outcome = runScenario(loaded.protocol!, located.scenario);
    expect(outcome.failures.map((f) => `${f.message}${f.expected ? ` (verwacht: ${f.expected}` : ''}${f.actual ? `, kreeg: ${f.actual})` : f.expected ? ')' : ''}`)).toEqual([]);
  });
});
