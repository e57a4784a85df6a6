import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { mayHoldUnsafeText, textsMayHoldUnsafe } from '../../../src/analysis/rules/unsafe-text.js';
import { hasUnsafeCharacters } from '../../../src/model/unsafe-characters.js';
import { yaml } from '../../helpers/protocol.js';
import { findingsOf, testRule } from '../../helpers/test-rule.js';

const FLOWS = (question: string, info = 'Uitleg') => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: a
          type: yes-no
          question: ${question}
          advice: [{ info: ${info}, sources: [s1] }]
          next: end
`;

testRule('unsafe-text', {
  valid: [{ name: 'ordinary Dutch text with accents and quotes', yaml: FLOWS('"Is er één leerling gewond (ja/nee)?"', '"Bel \'s avonds 0900-8844."') }],
  invalid: [
    {
      name: 'a terminal colour escape in a question',
      yaml: FLOWS('"Bel \\e[31mnu\\e[0m de politie?"'),
      findings: [{ line: 7, column: 19, message: /stuurteken \(U\+001B\)/ }],
    },
    {
      name: 'a bidirectional override in advice text',
      yaml: FLOWS('A?', '"Bel \\u202E4488-0090"'),
      findings: [{ line: 8, column: 26, message: /U\+202E/ }],
    },
  ],
});

describe('the quick look before the walk (mayHoldUnsafeText)', () => {
  it('sees every unsafe character, in a string at any depth, however JSON writes it', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (!hasUnsafeCharacters(c)) continue;
      if (!mayHoldUnsafeText({ a: [{ b: `tekst ${c} tekst` }] })) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('lets clean text through, with tabs, newlines, quotes, accents and emoji', () => {
    expect(mayHoldUnsafeText({ a: ['Is er één "leerling"\tgewond?\nBel 112 🚑'], b: { c: 1, d: true, e: null } })).toBe(false);
  });

  it('looks closer at what JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(mayHoldUnsafeText(cyclic)).toBe(true);
  });
});

describe('the quick look at the source texts (textsMayHoldUnsafe)', () => {
  it('sees every unsafe character in a file', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (hasUnsafeCharacters(c) && !textsMayHoldUnsafe(['a: ok\n', `b: tekst ${c} tekst\n`])) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  // The ground truth is the YAML library's reading of `"a\X"`: every escape that yields an unsafe
  // character must make the files suspect (\x, \u and \U with any digits are among them).
  it('sees every escape that can give an unsafe character, and lets the harmless ones through', () => {
    const missed: string[] = [];
    const chars = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), '\t'];
    for (const c of chars) {
      const text = `k: "a\\${c}b"\n`;
      let value: unknown;
      try {
        value = parseYaml(text);
      } catch {
        continue;
      }
      const read = (value as { k?: unknown } | null)?.k;
      if (typeof read === 'string' && hasUnsafeCharacters(read) && !textsMayHoldUnsafe([text])) missed.push(`\\${c}`);
    }
    expect(missed).toEqual([]);
    expect(textsMayHoldUnsafe(['k: "\\e"\n'])).toBe(true);
    for (const harmless of ['\\"', '\\\\', '\\/', '\\t', '\\n', '\\ ', '\\_']) expect(textsMayHoldUnsafe([`k: "a${harmless} b"\n`]), harmless).toBe(false);
    // The shipped sources quote titles with \": no closer look for that.
    expect(textsMayHoldUnsafe(['title: "Gespreksleidraad \\"Samen voor een veilige school\\""\n'])).toBe(false);
  });

  it('lets clean files through, with tabs, quotes, accents and emoji', () => {
    expect(textsMayHoldUnsafe(['question: "Is er één leerling gewond?"\t# ja\n', "info: 'Bel 112 🚑'\n"])).toBe(false);
  });

  // Every YAML escape that gives an unsafe character is found through the files' quick look (the
  // protocol is loaded from its texts, as validate does).
  it.each([
    ['\\e', '001B'],
    ['\\x1b', '001B'],
    ['\\0', '0000'],
    ['\\a', '0007'],
    ['\\b', '0008'],
    ['\\v', '000B'],
    ['\\f', '000C'],
    ['\\r', '000D'],
    ['\\x7f', '007F'],
    ['\\N', '0085'],
    ['\\L', '2028'],
    ['\\P', '2029'],
    ['\\u200E', '200E'],
    ['\\u202E', '202E'],
    ['\\u2066', '2066'],
    ['\\U0000061C', '061C'],
  ])('reports the escape %s (U+%s) in a double-quoted string', (escape, code) => {
    const found = findingsOf('unsafe-text', { name: escape, yaml: FLOWS(`"Bel ${escape} nu"`) });
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining(`U+${code}`)]);
  });
});
