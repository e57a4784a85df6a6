// Hostile protocol folders, straight through the loader: every case gives a located error-level
// diagnostic, nothing throws, nothing hangs, no prototype is polluted and no tag is executed.
// The same cases through the CLI are in cli.test.ts.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProtocol, MAX_FILE_BYTES, parseScenarioFiles } from '../../src/loader/index.js';
import { MAX_DEPTH } from '../../src/loader/parse-yaml.js';
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

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  message: RegExp;
}

/** Every case, as [description, setup, the diagnostics it must give (in order)]. */
export const PROTOCOL_CASES: [string, (h: HostileDir) => void, Expected[]][] = [
  ['a YAML syntax error', (h) => h.write('syntax-error.yaml', fixture('syntax-error.yaml')), [
    { code: 'yaml-syntax', file: 'proto/syntax-error.yaml', line: 6, column: 1, message: /afsluitend teken ontbreekt/ },
  ]],
  ['an empty file', (h) => h.write('empty.yaml', fixture('empty.yaml')), [
    { code: 'empty-file', file: 'proto/empty.yaml', line: 1, column: 1, message: /leeg/ },
  ]],
  ['a file with only comments', (h) => h.write('comments-only.yaml', fixture('comments-only.yaml')), [
    { code: 'empty-file', file: 'proto/comments-only.yaml', line: 1, column: 1, message: /leeg/ },
  ]],
  ['a binary file', (h) => h.write('binary.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), [
    { code: 'binary-file', file: 'proto/binary.yaml', line: 1, column: 1, message: /geen tekstbestand/ },
  ]],
  ['a file that is not UTF-8 (Latin-1)', (h) => h.write('latin1.yaml', Buffer.from('sources:\n  - { id: s2, kind: covenant, title: "Caf\xe9" }\n', 'latin1')), [
    { code: 'not-utf8', file: 'proto/latin1.yaml', line: 1, column: 1, message: /geen geldige UTF-8/ },
  ]],
  ['a "billion laughs" alias bomb', (h) => h.write('alias-bomb.yaml', fixture('alias-bomb.yaml')), [
    { code: 'yaml-alias', file: 'proto/alias-bomb.yaml', line: 7, column: 8, message: /dijen uit/ },
  ]],
  ['an alias inside its own anchor', (h) => h.write('alias-cycle.yaml', fixture('alias-cycle.yaml')), [
    { code: 'yaml-alias', file: 'proto/alias-cycle.yaml', line: 3, column: 5, message: /\*lus staat binnen zijn eigen anker/ },
  ]],
  ['more aliases than allowed', (h) => h.write('many-aliases.yaml', `x: &x 1\ny: [${Array(101).fill('*x').join(', ')}]\n`), [
    { code: 'yaml-alias', file: 'proto/many-aliases.yaml', line: 2, column: 5 + 4 * 100, message: /meer dan 100 YAML-aliassen/ },
  ]],
  [`conditions nested deeper than ${MAX_DEPTH} levels`, (h) => h.write('deep-condition.yaml', fixture('deep-condition.yaml')), [
    { code: 'too-deep', file: 'proto/deep-condition.yaml', line: 9, column: 418, message: /te diep genest/ },
  ]],
  ['aliases that nest deeper than the text shows', (h) => {
    let text = `a0: &a0 ${'['.repeat(30)}${']'.repeat(30)}\n`;
    for (let i = 1; i < 5; i++) text += `a${i}: &a${i} ${'['.repeat(30)}*a${i - 1}${']'.repeat(30)}\n`;
    h.write('deep-aliases.yaml', text);
  }, [
    { code: 'too-deep', file: 'proto/deep-aliases.yaml', line: 3, column: 39, message: /te diep genest/ },
  ]],
  ['100,000 nested flow lists (deeper than the YAML parser can go)', (h) => h.write('deep-flow.yaml', `flows: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), [
    { code: 'too-deep', file: 'proto/deep-flow.yaml', line: 1, column: expect.any(Number) as unknown as number, message: /te diep genest/ },
  ]],
  ['3,000 nested block lists', (h) => h.write('deep-block.yaml', `flows:\n  ${'- '.repeat(3000)}x\n`), [
    { code: 'too-deep', file: 'proto/deep-block.yaml', line: 2, column: expect.any(Number) as unknown as number, message: /te diep genest/ },
  ]],
  ['a file over the size limit', (h) => h.write('huge.yaml', `sources:\n${'  # vulling\n'.repeat(Math.ceil(MAX_FILE_BYTES / 12) + 10)}`), [
    { code: 'file-too-large', file: 'proto/huge.yaml', line: 1, column: 1, message: /de grens is 1024 KiB/ },
  ]],
  ['a very long line (900,000 characters) with a long unknown key', (h) => h.write('long-line.yaml', `sources:\n  - { id: s2, kind: covenant, title: "${'x'.repeat(450_000)}", "${'k'.repeat(450_000)}": 1 }\n`), [
    { code: 'unknown-key', file: 'proto/long-line.yaml', line: 2, column: 450_042, message: /^onbekende sleutel "k{59}…"$/ },
  ]],
  ['a very long reference to a step that does not exist', (h) => h.write('long-ref.yaml', `flows:\n  - id: lang\n    title: Lang\n    steps:\n      - { id: ${'b'.repeat(300_000)}, type: yes-no, question: Vraag?, next: ${'b'.repeat(299_999)}c }\n`), [
    { code: 'dangling-ref', file: 'proto/long-ref.yaml', line: 5, column: 300_055, message: /^stap "b{59}…" bestaat niet$/ },
  ]],
  ['a map with 1,000 unknown keys', (h) => h.write('many-keys.yaml', `sources:\n  - { id: s2, kind: covenant, title: T, ${Array.from({ length: 1_000 }, (_, i) => `k${i}: 1`).join(', ')} }\n`), [
    ...[0, 1].map((i) => ({ code: 'unknown-key', file: 'proto/many-keys.yaml', line: 2, column: 41 + 7 * i, message: new RegExp(`"k${i}"`) })),
  ]],
  ['__proto__, constructor and prototype keys', (h) => h.write('proto-keys.yaml', fixture('proto-keys.yaml')), [
    { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 1, column: 1, message: /"__proto__"/ },
    { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 7, column: 5, message: /"__proto__"/ },
    { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 8, column: 5, message: /"constructor"/ },
    { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 12, column: 5, message: /"prototype"/ },
  ]],
  ['constructor and toString as top-level sections', (h) => h.write('proto-sections.yaml', 'constructor: [1]\ntoString: [2]\nhasOwnProperty: x\n'), [
    { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 1, column: 1, message: /onbekend onderdeel "constructor"/ },
    { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 2, column: 1, message: /onbekend onderdeel "toString"/ },
    { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 3, column: 1, message: /onbekend onderdeel "hasOwnProperty"/ },
  ]],
  ['a duplicate key', (h) => h.write('duplicate-keys.yaml', fixture('duplicate-keys.yaml')), [
    { code: 'duplicate-key', file: 'proto/duplicate-keys.yaml', line: 5, column: 5, message: /dubbele sleutel/ },
  ]],
  ['a !!js/function tag', (h) => h.write('tag-js-function.yaml', fixture('tag-js-function.yaml')), [
    { code: 'yaml-tag', file: 'proto/tag-js-function.yaml', line: 4, column: 12, message: /niet toegestane YAML-tag/ },
  ]],
  ['a custom !foo tag', (h) => h.write('tag-custom.yaml', fixture('tag-custom.yaml')), [
    { code: 'yaml-tag', file: 'proto/tag-custom.yaml', line: 4, column: 12, message: /niet toegestane YAML-tag \(Unresolved tag: !foo\)/ },
  ]],
  ['a list at the top level', (h) => h.write('top-level-list.yaml', fixture('top-level-list.yaml')), [
    { code: 'wrong-type', file: 'proto/top-level-list.yaml', line: 1, column: 1, message: /geen losse lijst of waarde/ },
  ]],
  ['a scalar at the top level', (h) => h.write('top-level-scalar.yaml', fixture('top-level-scalar.yaml')), [
    { code: 'wrong-type', file: 'proto/top-level-scalar.yaml', line: 1, column: 1, message: /geen losse lijst of waarde/ },
  ]],
  ['a directory named *.yaml', (h) => mkdirSync(join(h.dir, 'map.yaml')), [
    { code: 'not-a-file', file: 'proto/map.yaml', line: 1, column: 1, message: /een map met een \.yaml-naam/ },
  ]],
  ['a symlink named *.yaml that points to nothing', (h) => symlinkSync(join(h.dir, 'weg.txt'), join(h.dir, 'kapot.yaml')), [
    { code: 'io-error', file: 'proto/kapot.yaml', line: 1, column: 1, message: /wijst naar niets/ },
  ]],
];

describe('hostile protocol folders', () => {
  it.each(PROTOCOL_CASES)('%s: a located error, and the rest of the folder still loads', (_name, setup, expected) => {
    const h = folder();
    setup(h);
    const result = loadProtocol(h.dir, h.root);
    expect(result.ok).toBe(false);
    expect(result.found).toBe(true);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.slice(0, expected.length)).toEqual(
      expected.map((e) => expect.objectContaining({ ...e, message: expect.stringMatching(e.message), severity: 'error' })),
    );
    // Only the hostile file is reported: the base protocol is still read and checked.
    expect(result.diagnostics.every((d) => !d.file.endsWith('protocol.yaml'))).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeLessThan(300);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports all 80,000 unknown keys of one map, each at its key', () => {
    // Regression: yaml's duplicate-key check and locating each key were both quadratic (minutes).
    const h = folder();
    h.write('many-keys.yaml', `sources:\n  - { id: s2, kind: covenant, title: T, ${Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join(', ')} }\n`);
    const unknown = loadProtocol(h.dir, h.root).diagnostics.filter((d) => d.code === 'unknown-key');
    expect(unknown).toHaveLength(80_000);
    expect(unknown.at(-1)).toMatchObject({ line: 2, message: 'onbekende sleutel "k79999"' });
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

  it('skips pipes named *.yaml instead of blocking on them', async () => {
    const { execFileSync } = await import('node:child_process');
    const h = folder();
    execFileSync('mkfifo', [join(h.dir, 'pijp.yaml')]);
    expect(loadProtocol(h.dir, h.root).diagnostics).toEqual([]);
  });
});

describe('hostile scenario files', () => {
  const scenario = (text: string) => parseScenarioFiles([{ name: 'scenarios/s.yaml', text }]).diagnostics;

  it.each([
    ['a syntax error', fixture('syntax-error.yaml'), 'yaml-syntax', 6, 1],
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
