// The hostile protocol folders, one per case: how to make it, and the diagnostics it must give.
// Used by loader.test.ts (straight through the loader) and cli.test.ts (through the commands).
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/loader/index.js';
import { MAX_DEPTH } from '../../src/loader/parse-yaml.js';
import { fixture, type HostileDir } from './hostile-dir.js';

export interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  message: RegExp;
}

/** Every case, as [description, setup, the first error diagnostics it must give (in order)]. */
export const PROTOCOL_CASES: [string, (h: HostileDir) => void, Expected[]][] = [
  [
    'a YAML syntax error',
    (h) => h.write('syntax-error.yaml', fixture('syntax-error.yaml')),
    [{ code: 'yaml-syntax', file: 'proto/syntax-error.yaml', line: 4, column: 12, message: /het aanhalingsteken " hier wordt niet gesloten/ }],
  ],
  ['an empty file', (h) => h.write('empty.yaml', fixture('empty.yaml')), [{ code: 'empty-file', file: 'proto/empty.yaml', line: 1, column: 1, message: /leeg/ }]],
  [
    'a file with only comments',
    (h) => h.write('comments-only.yaml', fixture('comments-only.yaml')),
    [{ code: 'empty-file', file: 'proto/comments-only.yaml', line: 1, column: 1, message: /leeg/ }],
  ],
  [
    'a binary file',
    (h) => h.write('binary.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    [{ code: 'binary-file', file: 'proto/binary.yaml', line: 1, column: 1, message: /geen tekstbestand/ }],
  ],
  [
    'a file that is not UTF-8 (Latin-1)',
    (h) => h.write('latin1.yaml', Buffer.from('sources:\n  - { id: s2, kind: covenant, title: "Caf\xe9" }\n', 'latin1')),
    [{ code: 'not-utf8', file: 'proto/latin1.yaml', line: 2, column: 42, message: /geen geldige UTF-8-tekst: .*byte 0xE9, waarschijnlijk "é"/ }],
  ],
  [
    // What Word or Notepad on Windows write for curly quotes: bytes 0x93 and 0x94, not Latin-1.
    'a file saved as Windows-1252, with curly quotes',
    (h) => h.write('cp1252.yaml', Buffer.from([...Buffer.from('sources:\n  - { id: s2, kind: covenant, title: "'), 0x93, 0x43, 0x94, ...Buffer.from('" }\n')])),
    [{ code: 'not-utf8', file: 'proto/cp1252.yaml', line: 2, column: 39, message: /geen geldige UTF-8-tekst: .*byte 0x93, waarschijnlijk "“"/ }],
  ],
  [
    'a "billion laughs" alias bomb',
    (h) => h.write('alias-bomb.yaml', fixture('alias-bomb.yaml')),
    [{ code: 'yaml-alias', file: 'proto/alias-bomb.yaml', line: 7, column: 8, message: /dijen uit/ }],
  ],
  [
    'an alias inside its own anchor',
    (h) => h.write('alias-cycle.yaml', fixture('alias-cycle.yaml')),
    [{ code: 'yaml-alias', file: 'proto/alias-cycle.yaml', line: 3, column: 5, message: /\*lus staat binnen zijn eigen anker/ }],
  ],
  [
    'more aliases than allowed',
    (h) => h.write('many-aliases.yaml', `x: &x 1\ny: [${Array(101).fill('*x').join(', ')}]\n`),
    [{ code: 'yaml-alias', file: 'proto/many-aliases.yaml', line: 2, column: 5 + 4 * 100, message: /meer dan 100 YAML-aliassen/ }],
  ],
  [
    `conditions nested deeper than ${MAX_DEPTH} levels`,
    (h) => h.write('deep-condition.yaml', fixture('deep-condition.yaml')),
    [{ code: 'too-deep', file: 'proto/deep-condition.yaml', line: 9, column: 418, message: /te diep genest/ }],
  ],
  [
    'aliases that nest deeper than the text shows',
    (h) => {
      let text = `a0: &a0 ${'['.repeat(30)}${']'.repeat(30)}\n`;
      for (let i = 1; i < 5; i++) text += `a${i}: &a${i} ${'['.repeat(30)}*a${i - 1}${']'.repeat(30)}\n`;
      h.write('deep-aliases.yaml', text);
    },
    [{ code: 'too-deep', file: 'proto/deep-aliases.yaml', line: 3, column: 39, message: /te diep genest/ }],
  ],
  [
    '100,000 nested flow lists (deeper than the YAML parser can go)',
    (h) => h.write('deep-flow.yaml', `flows: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    [{ code: 'too-deep', file: 'proto/deep-flow.yaml', line: 1, column: expect.any(Number), message: /te diep genest/ }],
  ],
  [
    '3,000 nested block lists',
    (h) => h.write('deep-block.yaml', `flows:\n  ${'- '.repeat(3000)}x\n`),
    [{ code: 'too-deep', file: 'proto/deep-block.yaml', line: 2, column: expect.any(Number), message: /te diep genest/ }],
  ],
  [
    'a file over the size limit',
    (h) => h.write('huge.yaml', `sources:\n${'  # vulling\n'.repeat(Math.ceil(MAX_FILE_BYTES / 12) + 10)}`),
    [{ code: 'file-too-large', file: 'proto/huge.yaml', line: 1, column: 1, message: /de grens is 1024 KiB/ }],
  ],
  [
    'a very long line (900,000 characters) with a long unknown key',
    (h) => h.write('long-line.yaml', `sources:\n  - { id: s2, kind: covenant, title: "${'x'.repeat(450_000)}", "${'k'.repeat(450_000)}": 1 }\n`),
    [{ code: 'unknown-key', file: 'proto/long-line.yaml', line: 2, column: 450_042, message: /^onbekende sleutel "k{59}…"$/ }],
  ],
  [
    'a very long reference to a step that does not exist',
    (h) =>
      h.write(
        'long-ref.yaml',
        `flows:\n  - id: lang\n    title: Lang\n    steps:\n      - { id: ${'b'.repeat(300_000)}, type: yes-no, question: Vraag?, next: ${'b'.repeat(299_999)}c }\n`,
      ),
    [{ code: 'dangling-ref', file: 'proto/long-ref.yaml', line: 5, column: 300_055, message: /^stap "b{59}…" bestaat niet$/ }],
  ],
  [
    'a map with 1,000 unknown keys',
    (h) => h.write('many-keys.yaml', `sources:\n  - { id: s2, kind: covenant, title: T, ${Array.from({ length: 1_000 }, (_, i) => `k${i}: 1`).join(', ')} }\n`),
    [...[0, 1].map((i) => ({ code: 'unknown-key', file: 'proto/many-keys.yaml', line: 2, column: 41 + 7 * i, message: new RegExp(`"k${i}"`) }))],
  ],
  [
    '__proto__, constructor and prototype keys',
    (h) => h.write('proto-keys.yaml', fixture('proto-keys.yaml')),
    [
      { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 1, column: 1, message: /"__proto__"/ },
      { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 7, column: 5, message: /"__proto__"/ },
      { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 8, column: 5, message: /"constructor"/ },
      { code: 'unknown-key', file: 'proto/proto-keys.yaml', line: 12, column: 5, message: /"prototype"/ },
    ],
  ],
  [
    'constructor and toString as top-level sections',
    (h) => h.write('proto-sections.yaml', 'constructor: [1]\ntoString: [2]\nhasOwnProperty: x\n'),
    [
      { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 1, column: 1, message: /onbekend onderdeel "constructor"/ },
      { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 2, column: 1, message: /onbekend onderdeel "toString"/ },
      { code: 'unknown-key', file: 'proto/proto-sections.yaml', line: 3, column: 1, message: /onbekend onderdeel "hasOwnProperty"/ },
    ],
  ],
  [
    'a duplicate key',
    (h) => h.write('duplicate-keys.yaml', fixture('duplicate-keys.yaml')),
    [{ code: 'duplicate-key', file: 'proto/duplicate-keys.yaml', line: 5, column: 5, message: /dubbele sleutel/ }],
  ],
  [
    'a !!js/function tag',
    (h) => h.write('tag-js-function.yaml', fixture('tag-js-function.yaml')),
    [{ code: 'yaml-tag', file: 'proto/tag-js-function.yaml', line: 4, column: 12, message: /niet toegestane YAML-tag/ }],
  ],
  [
    'a custom !foo tag',
    (h) => h.write('tag-custom.yaml', fixture('tag-custom.yaml')),
    [{ code: 'yaml-tag', file: 'proto/tag-custom.yaml', line: 4, column: 12, message: /niet toegestane YAML-tag \(Unresolved tag: !foo\)/ }],
  ],
  [
    // yaml resolves YAML 1.1's !!binary by default: base64 that decodes to a terminal escape, as a key.
    'a !!binary key (a terminal escape in base64)',
    (h) => h.write('tag-binary.yaml', 'sources:\n  - id: s3\n    kind: covenant\n    title: Bron 3\n    ? !!binary G1szMW1oaQ==\n    : x\n'),
    [{ code: 'yaml-tag', file: 'proto/tag-binary.yaml', line: 5, column: 7, message: /niet toegestane YAML-tag \(Unresolved tag: tag:yaml.org,2002:binary\)/ }],
  ],
  [
    'a list at the top level',
    (h) => h.write('top-level-list.yaml', fixture('top-level-list.yaml')),
    [{ code: 'wrong-type', file: 'proto/top-level-list.yaml', line: 1, column: 1, message: /geen losse lijst of waarde/ }],
  ],
  [
    'a scalar at the top level',
    (h) => h.write('top-level-scalar.yaml', fixture('top-level-scalar.yaml')),
    [{ code: 'wrong-type', file: 'proto/top-level-scalar.yaml', line: 1, column: 1, message: /geen losse lijst of waarde/ }],
  ],
  [
    'a directory named *.yaml',
    (h) => mkdirSync(join(h.dir, 'map.yaml')),
    [{ code: 'not-a-file', file: 'proto/map.yaml', line: 1, column: 1, message: /een map met een \.yaml-naam/ }],
  ],
  [
    'a symlink named *.yaml that points to nothing',
    (h) => symlinkSync(join(h.dir, 'weg.txt'), join(h.dir, 'kapot.yaml')),
    [{ code: 'io-error', file: 'proto/kapot.yaml', line: 1, column: 1, message: /wijst naar niets/ }],
  ],
];
