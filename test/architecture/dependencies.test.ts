// The layers of src/ as .dependency-cruiser.cjs states them (which folder may import which, no
// run-time cycles, no I/O in the pure core, chalk only in the theme), checked by dependency-cruiser
// on every `npm test`. The fixture proves the rules can fail.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/architecture', import.meta.url));

/** The violations in `src` of a folder, as `rule: from → to`. */
async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(`${ROOT}.dependency-cruiser.cjs`);
  const tsConfig = extractTSConfig(`${ROOT}tsconfig.json`);
  const result = await cruise(['src'], { ...options, baseDir, validate: true, outputType: 'json' }, {}, { tsConfig });
  const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as ICruiseResult;
  expect(output.summary.totalCruised, 'modules were found').toBeGreaterThan(0);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('architecture', () => {
  it('src/ keeps its layers: no forbidden import, no run-time cycle', async () => {
    expect(await violations(ROOT)).toEqual([]);
  }, 60_000);

  it('reports forbidden imports, a cycle and unknown folders (the rules can fail)', async () => {
    const found = await violations(FIXTURE);
    expect(found).toEqual(
      expect.arrayContaining([
        'layer-engine: src/engine/walk.ts → src/ui/wizard.ts',
        'layer-ui: src/ui/wizard.ts → src/cli/io.ts',
        'pure-core-no-io: src/model/core.ts → fs',
        'known-folder: src/widgets/part.ts → src/model/core.ts',
        'known-folder-imported: src/cli/io.ts → src/widgets/part.ts',
      ]),
    );
    expect(found.some((v) => v.startsWith('no-circular: src/cli/'))).toBe(true);
    // The CLI may import any known folder: only the cycle and the unknown folder are reported there.
    expect(found.filter((v) => v.includes(': src/cli/') && !/^(no-circular|known-folder-imported):/.test(v))).toEqual([]);
  }, 60_000);

  it('only render/theme.ts touches chalk, and never its default instance', () => {
    // The import rule is in .dependency-cruiser.cjs; which binding is imported is not.
    const theme = readFileSync(`${ROOT}src/render/theme.ts`, 'utf8');
    expect(theme).toMatch(/from 'chalk'/);
    expect(theme).not.toMatch(/^import chalk\b/m);
  });
});
