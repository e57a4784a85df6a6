// The registry of diagnostic codes cannot drift from the code that reports them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES, RULES } from '../../src/analysis/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('diagnostic codes', () => {
  it('are unique, kebab-case and described in one line', () => {
    expect(new Set(CODES.map((c) => c.code)).size).toBe(CODES.length);
    for (const c of CODES) {
      expect(c.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.description).toMatch(/^[A-Z].*\.$/);
      expect(c.description).not.toContain('\n');
    }
  });

  it('each analysis rule lives in a file named after its code', () => {
    const files = readdirSync(`${SRC}analysis/rules`).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'ranges.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((r) => r.code).sort());
  });

  it('every code the loader reports is registered', () => {
    const loader = readdirSync(`${SRC}loader`).map((f) => readFileSync(`${SRC}loader/${f}`, 'utf8')).join('\n');
    const used = new Set([
      ...[...loader.matchAll(/code: '([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ...[...loader.matchAll(/problem\([^,]*, '([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ...[...loader.matchAll(/fail\('([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ...[...loader.matchAll(/: '([a-z0-9]+(?:-[a-z0-9]+)+)',\n/g)].map((m) => m[1]!),
    ]);
    used.delete('warning');
    expect(used.size, 'the scan finds the loader codes').toBeGreaterThan(15);
    const known = new Set(CODES.map((c) => c.code));
    expect([...used].filter((c) => !known.has(c))).toEqual([]);
  });
});
