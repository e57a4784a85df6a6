// The fast reader must never read a file differently from `yaml`: whatever it accepts, `yaml`
// parses without errors to exactly the same data. What it does not accept goes to `yaml` anyway.
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { locatePlain, readPlainYaml } from '../../src/loader/plain-yaml.js';
import { locate, type JsonPath } from '../../src/loader/yaml-positions.js';

const LIMITS = { maxNodes: 1_000_000, maxDepth: 64 };
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const settings = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261204) };

function full(text: string): { ok: true; data: unknown } | { ok: false } {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: false });
  return doc.errors.length > 0 ? { ok: false } : { ok: true, data: doc.toJS() };
}

/** The reader's answer agrees with yaml's, or the reader declined. Returns whether it read the text. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text, LIMITS);
  if (fast.kind !== 'data') return false;
  const slow = full(text);
  expect(slow.ok, `yaml rejects what the fast reader read:\n${text}`).toBe(true);
  if (slow.ok) expect(fast.data, text).toEqual(slow.data);
  return true;
}

/** Every path in `data`, and a missing key under each map. */
function pathsOf(data: unknown, path: (string | number)[] = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  if (Array.isArray(data)) data.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (data !== null && typeof data === 'object') {
    out.push([...path, 'ontbreekt']);
    for (const [k, v] of Object.entries(data)) pathsOf(v, [...path, k], out);
  }
  return out;
}

/** The fast reader's positions are yaml's, for every path, at the value and at the key. */
function samePositions(text: string): boolean {
  const fast = readPlainYaml(text, LIMITS, true);
  if (fast.kind !== 'data') return false;
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, strict: true });
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  for (const path of pathsOf(fast.data)) {
    for (const atKey of [false, true]) {
      expect(locatePlain(fast.positions!, path, atKey), `${JSON.stringify(path)} atKey=${atKey} in\n${text}`).toEqual(locate(doc, lineCounter, path, atKey));
    }
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? yamlFiles(f) : /\.ya?ml$/.test(n) ? [f] : [];
  });
}

describe('the fast YAML reader', () => {
  it('reads every file of the shipped protocol, exactly as yaml does', () => {
    const files = yamlFiles(new URL('../../protocols', import.meta.url).pathname);
    expect(files.length).toBeGreaterThan(30);
    // Anchors and aliases (&naam, *naam) are left to the full parser.
    const declined = files.filter((f) => !agrees(readFileSync(f, 'utf8')));
    expect(declined.filter((f) => !/(^|\s)&[\w-]+/m.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(declined.length).toBeLessThanOrEqual(2);
  });

  it('gives every value of the shipped protocol the position yaml gives it', () => {
    const files = yamlFiles(new URL('../../protocols', import.meta.url).pathname);
    const read = files.filter((f) => samePositions(readFileSync(f, 'utf8')));
    expect(read.length).toBeGreaterThanOrEqual(files.length - 2);
  });

  it.each([
    ['block text, folded and literal', 'a: >-\n  een\n  twee\n\n  drie\nb: |\n  x\n    y\n\n  z\nc: 1\n'],
    ['plain text over lines', 'a: een\n  twee\n\n  drie\nb: 2\n'],
    ['flow collections', 'a: [1, -2, 3.5, x y, "q", \'s\']\nb: { min: 0, max: 11, next: end }\nc: []\nd: {}\n'],
    ['scalars of the core schema', 'a: ~\nb: null\nc: True\nd: FALSE\ne: 1e3\nf: .5\ng: 007\nh: yes\ni: -0\nj: 1.50\n'],
    ['lists of maps and lists at the key indent', 'a:\n- x: 1\n  y: 2\n- z\nb:\n  - 1\n  -   k: v\n      l: w\n'],
    ['comments everywhere', '# kop\na: 1 # na\n\n  # tussen\nb:  # leeg\n  - c # x\n'],
    ['quotes and escapes', 'a: "een \\"twee\\" \\u00e9\\n"\nb: \'it\'\'s\'\nc: "#geen commentaar"\n'],
    ['an empty value and an empty file', 'a:\nb: 1\n'],
    ['urls and colons inside text', 'url: https://example.org/a#b\ntijd: 10:30\n'],
  ])('%s', (_name, text) => {
    expect(agrees(text)).toBe(true);
    expect(samePositions(text)).toBe(true);
  });

  it.each([
    ['a tab', 'a:\n\tb: 1\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['a key indented too far', 'a: 1\n   b: 2\n'],
    ['a help: indented by 7 spaces', 'steps:\n  - id: a\n    question: Q\n       help: x\n'],
    ['a document marker', '---\na: 1\n'],
  ])('declines %s, for the full parser to report', (_name, text) => {
    expect(readPlainYaml(text, LIMITS).kind).toBe('unsupported');
  });

  it('stops at the node limit and says on which line', () => {
    const text = `a:\n${Array.from({ length: 50 }, (_, i) => `  - ${i}`).join('\n')}\n`;
    // The map, its key and the list are three nodes; item 17 (on line 19) is the 21st.
    expect(readPlainYaml(text, { maxNodes: 20, maxDepth: 64 })).toEqual({ kind: 'too-many-nodes', line: 19 });
  });

  it('stops at lists and maps nested deeper than the limit, at the first one too deep', () => {
    expect(readPlainYaml('a:\n  b:\n    c: 1\n', { maxNodes: 100, maxDepth: 2 })).toEqual({ kind: 'too-deep', line: 3, column: 5 });
    expect(readPlainYaml('a: [[[1]]]\n', { maxNodes: 100, maxDepth: 3 })).toEqual({ kind: 'too-deep', line: 1, column: 6 });
    // Texts and numbers are no level: a map at the limit may hold them.
    expect(readPlainYaml('a:\n  b: 1\n', { maxNodes: 100, maxDepth: 2 }).kind).toBe('data');
  });

  // Data written by yaml itself, in block and in flow style: the reader takes most of it.
  const scalar = fc.oneof(
    fc.constantFrom(null, true, false, 0, -3, 2.5, 'end', 'yes', 'a b', '1.0', '~', 'x: y', '#x', '- a', "it's", 'a"b', 'é ✓'),
    fc.string({ maxLength: 12 }),
    fc.integer(),
  );
  const key = fc.constantFrom('id', 'next', 'a-b', 'x_1', 'null', '1', 'a b', 'text', '__proto__', 'v.2');
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  })).node;

  it('reads what yaml writes, or declines; never differently', () => {
    let read = 0;
    fc.assert(
      fc.property(tree, fc.constantFrom('block', 'flow', 'folded'), (value, style) => {
        const text = stringify({ root: value }, style === 'flow' ? { collectionStyle: 'flow' } : style === 'folded' ? { lineWidth: 20, minContentWidth: 5 } : {});
        if (agrees(text)) {
          read++;
          samePositions(text);
        }
      }),
      settings,
    );
    // The reader is the fast path for ordinary files: most of these it must take itself.
    expect(read).toBeGreaterThan(RUNS / 3);
  });

  it('never reads arbitrary YAML-like text differently from yaml', () => {
    const piece = fc.constantFrom(
      'a',
      'b: ',
      '- ',
      '  ',
      '    ',
      '\n',
      '# c',
      '[',
      ']',
      '{',
      '}',
      ', ',
      '"',
      "'",
      '>-',
      '|',
      ':',
      '1',
      '-1',
      'x y',
      '\\n',
      'null',
      '.5',
      '#',
      'k: v\n',
      '  - x\n',
      '|-\n',
      '"a b"',
      '\r\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        if (agrees(text)) samePositions(text);
      }),
      settings,
    );
  });
});
