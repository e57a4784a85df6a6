// protocols/README.md, the authoring guide, cannot drift: its table of codes is the registry, and
// its scenario example runs green against the shipped protocol.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CODES } from '../src/diagnostics/index.js';
import { checkScenarioIds, parseScenarioFiles } from '../src/loader/index.js';
import { SEVERITY_LABEL } from '../src/render/diagnostics/index.js';
import { runScenario } from '../src/scenarios/run.js';
import { shipped } from './helpers/shipped.js';

const GUIDE = readFileSync(new URL('../protocols/README.md', import.meta.url), 'utf8');

describe('protocols/README.md', () => {
  it('lists every diagnostic code with the severity and description of the registry', () => {
    const table = /<!-- codes:start[^>]*-->\n([\s\S]*?)\n<!-- codes:end -->/.exec(GUIDE)?.[1];
    expect(table, 'the codes table between its markers').toBeDefined();
    const rows = table!.split('\n').slice(2);
    expect(rows).toEqual(CODES.map((c) => `| \`${c.code}\` | ${SEVERITY_LABEL[c.severity]} | ${c.stage} | ${c.description} |`));
  });

  it('has YAML examples without syntax errors', () => {
    const blocks = [...GUIDE.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks)
      expect(
        parseDocument(block).errors.map((e) => e.message),
        block,
      ).toEqual([]);
  });

  it('has a scenario example that passes on the shipped protocol', () => {
    const block = /```yaml\n(# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/scenario\.schema\.json\n[\s\S]*?)```/.exec(GUIDE)?.[1];
    expect(block).toBeDefined();
    const { scenarios, diagnostics } = parseScenarioFiles([{ name: 'README.md', text: block! }]);
    expect(diagnostics).toEqual([]);
    expect(scenarios.length).toBeGreaterThan(0);
    expect(checkScenarioIds(shipped().protocol!, scenarios)).toEqual([]);
    for (const { scenario } of scenarios) expect(runScenario(shipped().protocol!, scenario).failures).toEqual([]);
  });
});
