// The register's records and report are pure like the core: only store.ts (SQLite) and
// location.ts (paths) touch the outside world, and only the CLI layer calls them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const imports = (file: string) =>
  [
    ...readFileSync(new URL(`../../src/register/${file}`, import.meta.url), 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]!);

describe('src/register', () => {
  it.each(['record.ts', 'report.ts'])('%s imports no file system, process, database or CLI module', (file) => {
    const found = imports(file);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((spec) => /^node:|better-sqlite3|\/cli\/|\/ui\/|^commander/.test(spec))).toEqual([]);
  });

  it('store.ts loads the database module only when a register is opened (no static import)', () => {
    const text = readFileSync(new URL('../../src/register/store.ts', import.meta.url), 'utf8');
    // Type-only imports are erased; any other import of the module would load it at start-up.
    expect(text.match(/^\s*import(?!\s+type\b)[^;]*['"]better-sqlite3['"]/gm)).toBeNull();
    expect(text).toMatch(/createRequire\(import\.meta\.url\)\('better-sqlite3'\)/);
  });
});
