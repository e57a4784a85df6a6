// Runs every scenario file next to the shipped protocol; one test reports every failing scenario.
import { describe, expect, it } from 'vitest';
import { checkScenarioIds, parseScenarioFiles } from '../src/loader/index.js';
import { runScenario } from '../src/scenarios/run.js';
import { adviceOf, replay } from '../src/engine/index.js';
import { failing, shipped } from './helpers/shipped.js';

const loaded = shipped();
const { scenarios, diagnostics } = parseScenarioFiles(loaded.scenarioFiles);

describe('scenario files of the shipped protocol', () => {
  it('parse without problems, and name only partners, rule sets and questions the protocol has', () => {
    expect(loaded.protocol, 'protocol must load').toBeDefined();
    const problems = [...diagnostics, ...checkScenarioIds(loaded.protocol!, scenarios)];
    expect(problems.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });

  it('every scenario gives the advice it expects (all failing scenarios listed at once)', () => {
    expect(loaded.protocol, 'protocol must load').toBeDefined();
    expect(scenarios.length).toBeGreaterThan(20);
    const failures = failing(
      scenarios,
      (s) => `${s.location.file}:${s.location.line} ${s.scenario.name}`,
      (located) => {
        const outcome = runScenario(loaded.protocol!, located.scenario);
        expect(
          outcome.failures.map((f) => `${f.message}${f.expected ? ` (verwacht: ${f.expected}` : ''}${f.actual ? `, kreeg: ${f.actual})` : f.expected ? ')' : ''}`).join('; '),
        ).toBe('');
      },
    );
    expect(failures).toEqual([]);
  });

  // Reviewers found the same instruction twice on one screen ("Bel 112." and "In direct gevaar? Bel 112.",
  // two "let someone with first-aid skills look"): merged by a shared key, each advice says it once.
  it('no action repeats another action of the same advice (one line per instruction)', () => {
    const plain = (text: string) => text.replace(/[.\s]+$/, '');
    const repeats = scenarios.flatMap(({ scenario }) => {
      const texts = adviceOf(replay(loaded.protocol!, scenario.answers).state).actions.map((a) => plain(a.text));
      return texts.flatMap((short, i) => texts.filter((long, j) => i !== j && long.includes(short)).map((long) => `${scenario.name}: "${short}" staat ook in "${long}"`));
    });
    expect(repeats).toEqual([]);
  });
});
