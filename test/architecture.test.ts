// The pure core stays pure: no terminal, file system or CLI imports below the CLI layer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const PURE = ['model', 'diagnostics', 'engine', 'analysis', 'render', 'scenarios', 'loader', 'explain'];
/** The loader's only doors to the file system. */
const IO_FILES = new Set(['loader/read.ts', 'loader/load-dir.ts']);
const FORBIDDEN = [/^node:fs/, /^node:process/, /^node:child_process/, /^commander/, /^@inquirer\//, /\/cli\//, /\/ui\//, /^\.\.\/cli/, /^\.\.\/ui/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const imports = (text: string) => [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('architecture', () => {
  const pure = PURE.flatMap((folder) => {
    try {
      return files(join(SRC, folder));
    } catch {
      return [];
    }
  }).filter((f) => !IO_FILES.has(relative(SRC, f).split('\\').join('/')));

  it('has pure modules to check', () => {
    expect(pure.length).toBeGreaterThan(10);
  });

  it('no pure module imports a terminal, file system or CLI module (every offending import listed)', () => {
    const bad = pure.flatMap((file) => imports(readFileSync(file, 'utf8')).filter((spec) => FORBIDDEN.some((re) => re.test(spec))).map((spec) => `${relative(SRC, file)} imports ${spec}`));
    expect(bad).toEqual([]);
  });

  it('only render/theme.ts touches chalk, and never its default instance', () => {
    for (const file of pure) {
      const text = readFileSync(file, 'utf8');
      const usesChalk = imports(text).includes('chalk');
      if (relative(SRC, file).replace(/\\/g, '/') === 'render/theme.ts') expect(text).not.toMatch(/^import chalk\b/m);
      else expect(usesChalk, file).toBe(false);
    }
  });
});
