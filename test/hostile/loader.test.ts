// Hostile protocol folders, straight through the loader: every case gives a located error-level
// diagnostic, nothing throws, nothing hangs, no prototype is polluted and no tag is executed.
// The same cases through the CLI are in cli.test.ts.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProtocol, parseScenarioFiles, readProtocolDir } from '../../src/loader/index.js';
import { PROTOCOL_CASES } from './cases.js';
import { fixture, hostileDir, type HostileDir } from './hostile-dir.js';

let made: HostileDir[] = [];
afterEach(() => {
  made.forEach((h) => h.cleanup());
  made = [];
  delete (Object.prototype as Record<string, unknown>).polluted;
});
const folder = (caseName?: string) => {
  const h = hostileDir(caseName);
  made.push(h);
  return h;
};

describe('hostile protocol folders', () => {
  it.each(PROTOCOL_CASES)('%s: a located error, and the rest of the folder still loads', (_name, setup, expected) => {
    const h = folder();
    setup(h);
    const result = loadProtocol(h.dir, h.root);
    expect(result.ok).toBe(false);
    expect(result.found).toBe(true);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.slice(0, expected.length)).toEqual(expected.map((e) => expect.objectContaining({ ...e, message: expect.stringMatching(e.message), severity: 'error' })));
    // Only the hostile file is reported: the base protocol is still read and checked.
    expect(result.diagnostics.every((d) => !d.file.endsWith('protocol.yaml'))).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeLessThan(300);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports all 40,000 unknown keys of one map, each at its key', () => {
    // Regression: yaml's duplicate-key check and locating each key were both quadratic (minutes).
    const h = folder();
    h.write('many-keys.yaml', `sources:\n  - { id: s2, kind: covenant, title: T, ${Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join(', ')} }\n`);
    const unknown = loadProtocol(h.dir, h.root).diagnostics.filter((d) => d.code === 'unknown-key');
    expect(unknown).toHaveLength(40_000);
    expect(unknown.at(-1)).toMatchObject({ line: 2, message: 'onbekende sleutel "k39999"' });
  });

  it('a file that is not UTF-8 is the one error: what it defines is not reported missing as well', () => {
    const h = folder();
    h.write('partners-latin1.yaml', Buffer.from('partners:\n  - { id: ggd, name: "GGD Limburg-Noord \xe9\xe9n", kind: external }\n', 'latin1'));
    h.write('checklist.yaml', 'checklist:\n  - { id: c, title: C, items: [{ id: c1, text: Bel de GGD, partners: [ggd], sources: [s1] }] }\n');
    const result = loadProtocol(h.dir, h.root);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['proto/partners-latin1.yaml:2:41 not-utf8']);
  });

  it('never executes a !!js/function tag', () => {
    const h = folder('tag-js-function.yaml');
    loadProtocol(h.dir, h.root);
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
  });

  it('reads a symlink that stays inside the folder, once', () => {
    const h = folder();
    h.write('data/bron.tekst', 'sources:\n  - { id: s2, kind: covenant, title: Bron via koppeling }\n');
    symlinkSync(join('data', 'bron.tekst'), join(h.dir, 'bron.yaml'));
    symlinkSync('protocol.yaml', join(h.dir, 'nog-eens.yaml'));
    const result = loadProtocol(h.dir, h.root);
    expect(result.diagnostics).toEqual([]);
    expect(result.protocol!.sources.map((s) => s.title)).toContain('Bron via koppeling');
  });

  it('refuses a symlink that leaves the folder: its target is never read, and its path never shown', () => {
    const h = folder();
    const secret = join(h.root, 'geheim-buiten-de-map.yaml');
    writeFileSync(secret, 'sources:\n  - { id: geheim, kind: covenant, title: "GEHEIME INHOUD" }\n');
    symlinkSync(secret, join(h.dir, 'lek.yaml'));
    symlinkSync(h.root, join(h.dir, 'lek-map'));
    const result = loadProtocol(h.dir, h.root);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'symlink-outside', severity: 'error', file: 'proto/lek-map', line: 1, column: 1 }),
      expect.objectContaining({ code: 'symlink-outside', severity: 'error', file: 'proto/lek.yaml', line: 1, column: 1 }),
    ]);
    const shown = JSON.stringify(result.diagnostics) + JSON.stringify(result.files);
    expect(shown).not.toContain('GEHEIME INHOUD');
    expect(shown).not.toContain('geheim-buiten-de-map');
  });

  it('does not go round in circles through symlinks to the folder itself', () => {
    const h = folder();
    mkdirSync(join(h.dir, 'sub'));
    symlinkSync('..', join(h.dir, 'sub', 'terug'));
    symlinkSync('.', join(h.dir, 'hier'));
    const result = loadProtocol(h.dir, h.root);
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual(['proto/protocol.yaml']);
  });

  it.each([
    ['files', { maxFiles: 3, maxTotalBytes: 1e9 }, /meer dan 3 YAML-bestanden; de rest wordt niet gelezen/],
    ['bytes', { maxFiles: 1e6, maxTotalBytes: 4000 }, /samen meer dan 4 KiB aan YAML-bestanden/],
  ])('stops at the folder limit for %s, once, whatever folder comes next', (_what, limits, message) => {
    const h = folder();
    for (const sub of ['a', 'b', 'c']) for (let i = 0; i < 3; i++) h.write(`${sub}/f${i}.yaml`, `# ${'x'.repeat(900)}\nsources: []\n`);
    const read = readProtocolDir(h.dir, h.root, limits);
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'too-many-files', severity: 'error', line: 1, column: 1, message: expect.stringMatching(message) })]);
    expect(read.files.length).toBeLessThan(10);
  });

  it('never opens a pipe named *.yaml (it could block for ever), and says it is not read', async () => {
    const { execFileSync } = await import('node:child_process');
    const h = folder();
    execFileSync('mkfifo', [join(h.dir, 'pijp.yaml')]);
    expect(loadProtocol(h.dir, h.root).diagnostics).toEqual([expect.objectContaining({ code: 'not-a-file', file: 'proto/pijp.yaml', severity: 'error' })]);
  });
});

describe('hostile scenario files', () => {
  const scenario = (text: string) => parseScenarioFiles([{ name: 'scenarios/s.yaml', text }]).diagnostics;

  it.each([
    ['a syntax error', fixture('syntax-error.yaml'), 'yaml-syntax', 4, 12],
    ['an empty file', '', 'wrong-type', 1, 1],
    ['an alias bomb', fixture('alias-bomb.yaml'), 'yaml-alias', 7, 8],
    ['an alias cycle', 'scenarios: &s\n  - *s\n', 'yaml-alias', 2, 5],
    ['deep nesting', `scenarios: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'too-deep', 1, expect.any(Number)],
    ['a custom tag', 'scenarios: !!js/function "x"\n', 'yaml-tag', 1, 12],
    ['a list at the top level', '- name: x\n', 'wrong-type', 1, 1],
    ['a duplicate key', 'scenarios:\n  - name: a\n    name: b\n    answers: {}\n    expect: {}\n', 'duplicate-key', 3, 5],
  ])('%s is a located error', (_name, text, code, line, column) => {
    expect(scenario(text)[0]).toMatchObject({ code, severity: 'error', line, column });
  });

  it('reports __proto__, constructor and invalid keys in answers without polluting anything', () => {
    const found = scenario(
      'scenarios:\n  - name: x\n    answers: { constructor: ja, __proto__: { polluted: ja }, toString: ja }\n    expect: { partners: { __proto__: today } }\n',
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'unknown-key', line: 3, column: 33, message: 'onbekende sleutel "__proto__"' }),
      expect.objectContaining({ code: 'unknown-key', line: 4, column: 27, message: 'onbekende sleutel "__proto__"' }),
      expect.objectContaining({ code: 'invalid-value', line: 3, column: 62, message: 'ongeldige sleutel "toString"' }),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
