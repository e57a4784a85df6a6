import { describe, expect, it } from 'vitest';
import { findIndentationProblem } from '../../src/loader/indentation.js';
import { loadProtocolFiles } from '../../src/loader/index.js';
import { BASE, load, yaml } from '../helpers/protocol.js';

const flow = (steps: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
${steps}`;

describe('loader diagnostics are located at the problem', () => {
  it.each([
    {
      name: 'a misspelled key in an advice item, at the key, with "did you mean"',
      text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          yes:
            next: end
            advice:
              - { partner: politie, urgency: today, tsk: Bellen, sources: [s1] }
          no: { next: end }`),
      // One cause, one error: not also '"task" ontbreekt' with a hint to add a second task key.
      expected: [{ code: 'unknown-key', line: 11, at: 'tsk', hint: /Bedoel je "task"\?/ }],
    },
    {
      name: 'an unclosed quote, at the opening quote, as the one error',
      text: flow(`        - id: a
          type: yes-no
          question: "Is er iemand gewond?
          next: end`),
      expected: [{ code: 'yaml-syntax', line: 7, at: '"Is er', message: /het aanhalingsteken " hier wordt niet gesloten/, hint: /Zet " aan het eind van de tekst/ }],
    },
    {
      name: 'an unclosed bracket, at the bracket, as the one error',
      text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          yes: { next: end, advice: [{ partner: politie, urgency: today, task: Bel, sources: [s1 }] }
          no: { next: end }`),
      expected: [{ code: 'yaml-syntax', line: 8, at: '[s1', message: /de haak \[ hier wordt niet gesloten/ }],
    },
    {
      name: 'a duplicate key, naming the key and the line it is on already',
      text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          question: Nog een vraag?
          next: end`),
      expected: [{ code: 'duplicate-key', line: 8, at: 'question: Nog', message: /dubbele sleutel "question": die staat in deze map al op regel 7/ }],
    },
    {
      name: 'a misspelled step key, at the key',
      text: flow(`        - id: a
          type: yes-no
          qestion: Vraag?`),
      expected: [{ code: 'unknown-key', line: 7, at: 'qestion', hint: /Bedoel je "question"\?/ }],
    },
    {
      name: 'a wrong enum value, with a suggestion',
      text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          yes: { next: end, advice: [{ partner: politie, urgency: immediat, task: Bel, sources: [s1] }] }
          no: { next: end }`),
      expected: [{ code: 'invalid-value', line: 8, at: 'immediat,', hint: /Bedoel je "immediate"\?/ }],
    },
    {
      name: 'an unknown step type names the allowed ones',
      text: flow(`        - id: a
          type: vraag
          question: Vraag?`),
      expected: [{ code: 'invalid-value', line: 6, at: 'vraag', hint: /choice, multi, yes-no, number, route/ }],
    },
    {
      name: 'a reference to a step that does not exist, with a suggestion',
      text: flow(`        - id: eerste
          type: yes-no
          question: Vraag?
          yes: { next: tweede }
          no: { next: twede }
        - id: tweede
          type: yes-no
          question: Nog een?
          next: end`),
      expected: [{ code: 'dangling-ref', line: 9, at: 'twede', message: /stap "twede" bestaat niet/, hint: /Bedoel je "tweede"\?/ }],
    },
    {
      // The step exists, in another flow: "maak de stap aan" would only give a duplicate id.
      name: 'next to a step of another flow says to call that flow',
      text: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: Vraag?, next: b }
          - id: ander
            title: Ander
            steps:
              - { id: b, type: yes-no, question: Vraag?, next: end }`,
      expected: [
        { code: 'dangling-ref', line: 5, at: 'b }', message: /next: "b" is een stap in flow "ander"; next gaat alleen naar een stap in dezelfde flow/, hint: /call: ander/ },
      ],
    },
    {
      name: 'next to a flow says to call it',
      text: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: Vraag?, next: ander }
          - id: ander
            title: Ander
            steps:
              - { id: b, type: yes-no, question: Vraag?, next: end }`,
      expected: [{ code: 'dangling-ref', line: 5, at: 'ander }', message: /next: "ander" is een flow, geen stap/, hint: /"call: ander"/ }],
    },
    {
      name: 'call to a step says which flow it is in',
      text: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: Vraag?, yes: { call: b }, next: end }
          - id: ander
            title: Ander
            steps:
              - { id: b, type: yes-no, question: Vraag?, next: end }`,
      expected: [{ code: 'dangling-ref', line: 5, at: 'b }', message: /call: "b" is een stap \(in flow "ander"\), geen flow/, hint: /"call: ander"/ }],
    },
    {
      name: 'a partner and a source that do not exist',
      text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          next: end
          advice: [{ partner: polite, urgency: today, task: Bel, sources: [s9] }]`),
      expected: [
        { code: 'dangling-ref', line: 9, at: 'polite', hint: /Bedoel je "politie"\?/ },
        { code: 'dangling-ref', line: 9, at: 's9', message: /bron "s9"/ },
      ],
    },
    {
      name: 'a duplicate step id across flows, at the second id',
      text: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: Vraag?, next: end }
          - id: ander
            title: Ander
            steps:
              - { id: a, type: yes-no, question: Vraag?, next: end }`,
      expected: [{ code: 'duplicate-id', line: 9, at: 'a, type', message: /stap "a" bestaat al \(flows.yaml:5\)/ }],
    },
    {
      name: 'a duplicate YAML key',
      text: yaml`
        flows:
          - id: main
            title: Hoofd
            title: Nog eens
            steps:
              - { id: a, type: yes-no, question: Vraag?, next: end }`,
      expected: [{ code: 'duplicate-key', line: 4, at: 'title: Nog eens' }],
    },
    {
      name: 'a YAML syntax error',
      text: 'flows:\n  - id: main\n\ttitle: x\n',
      expected: [{ code: 'yaml-syntax', line: 3, at: '\\ttitle', message: /tab/ }],
    },
    {
      name: 'a list where a mapping is expected',
      text: '- a\n- b\n',
      expected: [{ code: 'wrong-type', line: 1, at: '- a' }],
    },
    {
      name: 'an unknown top-level section, with a suggestion',
      text: 'flow: []\n',
      expected: [{ code: 'unknown-key', line: 1, at: 'flow:', hint: /Bedoel je "flows"\?/ }],
    },
  ])('$name', ({ text, expected }) => {
    const { diagnostics } = load(text);
    const inFile = diagnostics.filter((d) => d.file === 'flows.yaml');
    expect(inFile).toHaveLength(expected.length);
    for (const [i, wanted] of expected.entries()) {
      const want = wanted as { code: string; line: number; at?: string; message?: RegExp; hint?: RegExp };
      const got = inFile[i]!;
      expect(got.code).toBe(want.code);
      expect(got.severity).toBe('error');
      expect(got.line).toBe(want.line);
      // The column points at the text the author has to change.
      if (want.at) expect(text.split('\n')[got.line - 1]!.slice(got.column - 1)).toMatch(new RegExp(`^${want.at.replace(/[{}()[\]]/g, '\\$&')}`));
      if (want.message) expect(got.message).toMatch(want.message);
      if (want.hint) expect(got.hint).toMatch(want.hint);
    }
  });

  it('collects every problem across files instead of stopping at the first', () => {
    const result = loadProtocolFiles([
      { name: 'base.yaml', text: BASE.replace('kind: law', 'kind: wet') },
      { name: 'a.yaml', text: 'flows:\n  - id: main\n    title: A\n    steps:\n      - { id: x, type: yes-no, question: Q, next: nergens }\n' },
      { name: 'b.yaml', text: 'partners:\n  - { id: p, name: P, kind: core, phone: 112 }\n' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['base.yaml:12 invalid-value', 'a.yaml:5 dangling-ref', 'b.yaml:2 unknown-key']);
  });

  it('references to a kind the protocol has none of are one error at the first, not one per reference', () => {
    const result = loadProtocolFiles([
      { name: 'base.yaml', text: BASE.replace(/partners:\n( {2}- .*\n)+/, '') },
      {
        name: 'flows.yaml',
        text: flow(`        - id: a
          type: yes-no
          question: Vraag?
          yes: { next: end, advice: [{ partner: politie, urgency: today, task: Bel, sources: [s1] }] }
          no: { next: end, advice: [{ partner: halt, urgency: today, task: Meld, sources: [s1] }] }`),
      },
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'dangling-ref',
        file: 'flows.yaml',
        line: 8,
        message: 'het protocol heeft geen enkele partner, maar verwijst 2 keer (de eerste keer hier) naar een partner',
        hint: expect.stringMatching(/Staan de partners in een bestand dat leeg is/),
      }),
    ]);
  });

  // An indentation slip is one error at the slipped key, with the column it should have.
  const UNDER_QUESTION = /op kolom 9, net onder "question:"/;
  it.each([
    {
      name: 'a key deeper than its sibling is one error at the slipped key, with the column it should have',
      helpLine: '                 help: Uitleg.',
      column: 16,
      message: /"help:" staat verder in \(kolom 16\) dan "question:"/,
      hint: UNDER_QUESTION,
    },
    {
      name: 'a key between two columns is sent to the nearest key column, not to a list dash',
      helpLine: '         help: Uitleg.',
      column: 8,
      message: /"help:" staat op kolom 8, maar geen sleutel erboven/,
      hint: UNDER_QUESTION,
    },
    {
      name: 'a key too little indented, onto a list dash, is the slip, not the key under it that is back at the right column',
      helpLine: '        help: Uitleg.',
      column: 7,
      message: /"help:" staat minder ver in \(kolom 7\) dan "question:" erboven, en "next:" eronder staat weer op kolom 9/,
      hint: /^Zet "help:" op kolom 9, net onder "question:"\.$/,
    },
    {
      name: 'a key too little indented, onto the column of an open key, offers both readings',
      helpLine: '      help: Uitleg.',
      column: 5,
      message: /"help:" staat minder ver in \(kolom 5\) dan "question:" erboven, en "next:" eronder staat weer op kolom 9/,
      hint: /^Zet "help:" op kolom 9, net onder "question:", als het daar bij hoort; anders "next:" op kolom 5\.$/,
    },
  ])('$name', ({ helpLine, column, message, hint }) => {
    const text = flow(`        - id: a
          type: yes-no
          question: Vraag?
${helpLine}
          next: end`);
    expect(load(text).diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({
        code: 'yaml-syntax',
        line: 8,
        column,
        message: expect.stringMatching(message),
        hint: expect.stringMatching(hint),
      }),
    ]);
  });

  // The last key of an advice item outdented, with the next item of the list below it: one error at that key.
  it.each([
    { name: 'onto the column of the key that holds the list', sourcesLine: '          sources: [s1]', column: 9 },
    { name: 'onto the list dash', sourcesLine: '            sources: [s1]', column: 11 },
  ])('a key outdented in the middle of a list ($name) is the one slip, not the list under it', ({ sourcesLine, column }) => {
    const text = flow(`        - id: a
          type: yes-no
          question: Vraag?
          advice:
            - action: Bel.
              urgency: today
${sourcesLine}
            - action: Schrijf op.
              urgency: today
              sources: [s1]
          next: end`);
    expect(load(text).diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({
        code: 'yaml-syntax',
        line: 11,
        column,
        message: expect.stringMatching(
          new RegExp(`"sources:" staat op kolom ${column}, maar de sleutels van het onderdeel erboven staan op kolom 13, en de lijst gaat eronder verder \\("- action:"\\)`),
        ),
        hint: 'Zet "sources:" op kolom 13, net onder "urgency:".',
      }),
    ]);
  });

  it.each([
    {
      // The last option's "label:" on the options' dash, before the step's "next:".
      name: 'a key that landed on a list dash, with a key further out below it',
      steps: `        - id: a
          type: choice
          question: Vraag?
          options:
            - value: x
            label: X
          next: end`,
      line: 10,
      column: 11,
      key: 'label',
      hint: 'Zet "label:" op kolom 13, net onder "value:".',
    },
    {
      // "options:" one level too far out, on the steps' "- ", with its options below it.
      name: 'a key that opens a block and landed on a list dash, not the lines of its block',
      steps: `        - id: a
          type: choice
          question: Vraag?
        options:
            - { value: x, label: X }
          next: end`,
      line: 8,
      column: 7,
      key: 'options',
      hint: 'Zet "options:" op kolom 9, net onder "question:".',
    },
  ])('$name is the one slip', ({ steps, line, column, key, hint }) => {
    expect(load(flow(steps)).diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({
        code: 'yaml-syntax',
        line,
        column,
        message: `YAML-fout: de inspringing klopt niet: "${key}:" staat op kolom ${column}, de kolom van een lijststreepje ("- "), waar geen sleutel kan staan`,
        hint,
      }),
    ]);
  });

  // The check runs when the parser reports an error; it must not then blame a right line.
  it('a key at the column of a list whose dashes stand under its own key is no slip (YAML allows that list)', () => {
    const text = yaml`
      flows:
      - id: main
        title: Hoofd
        steps:
          - { id: a, type: yes-no, question: Vraag?, next: end }
        start: a
      sources:
        - { id: s9, kind: covenant, title: Bron 9 }
    `;
    expect(findIndentationProblem('flows.yaml', text)).toBeUndefined();
  });

  it.each([
    ['an anchor', 'steps: &s'],
    ['a tag', 'steps: !!seq'],
  ])('a key whose value is only %s opens its block too (its compact list is no slip)', (_name, stepsLine) => {
    const text = `flows:\n  - id: m\n    ${stepsLine}\n    - id: a\n      next: b\n    advice:\n      - x: 1\n`;
    expect(findIndentationProblem('flows.yaml', text)).toBeUndefined();
  });

  it('the column comes from the list that goes on, not from the line above (a list of conditions, or an option deeper in)', () => {
    // "sources:" after a list of { } conditions, and a step's "next:" after its options, both on a list dash.
    const text = flow(`        - id: a
          type: choice
          question: Vraag?
          advice:
            - action: Bel.
              urgency: today
              when:
                all:
                  - {step: a, is: x}
            sources: [s1]
            - action: Schrijf op.
              urgency: today
              sources: [s1]
          options:
            - value: x
              label: X
          next: end
        - id: b
          type: yes-no
          question: B?
          next: end`);
    const errors = (t: string) => load(t).diagnostics.filter((d) => d.file === 'flows.yaml');
    expect(errors(text)).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 14, column: 11, hint: 'Zet "sources:" op kolom 13, net onder "when:".' })]);
    const slippedNext = text.replace(/^( *)sources: \[s1\]\n( *- action: Schrijf)/m, '$1  sources: [s1]\n$2').replace(/^ {2}( *)next: end\n( *- id: b)/m, '$1next: end\n$2');
    expect(errors(slippedNext)).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 21, column: 7, hint: 'Zet "next:" op kolom 9, net onder "options:".' })]);
  });

  // yaml's own messages are English and one code covers different slips: each slip gets its own
  // Dutch message and hint, and no English reaches the coordinator.
  it.each([
    { name: 'a second "key: " on one line', line: '          question: Wat nu: bellen?', message: /twee keer "sleutel: " op één regel/, hint: /tussen aanhalingstekens/ },
    { name: 'a # right after a quoted text', line: '          question: "Vraag?"#let op', message: /een # staat direct achter tekst/, hint: /spatie voor de #/ },
    { name: 'a missing comma in { }', line: '          yes: { next: end advice: [] }', message: /ontbreekt een komma/, hint: /Scheid de onderdelen met komma's/ },
    { name: 'a value starting with @', line: '          question: @school wat nu?', message: /begint met .*@.*tussen aanhalingstekens/, hint: /tussen aanhalingstekens/ },
    { name: 'an unknown backslash code', line: '          question: "Vraag \\q?"', message: /backslash-code \\q bestaat niet/, hint: /enkele aanhalingstekens/ },
  ])('$name: a Dutch message and hint, no English', ({ line, message, hint }) => {
    const text = flow(`        - id: a
          type: yes-no
${line}
          no: { next: end }`);
    const found = load(text).diagnostics.filter((d) => d.file === 'flows.yaml' && d.code === 'yaml-syntax');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toEqual(expect.objectContaining({ line: 7, message: expect.stringMatching(message), hint: expect.stringMatching(hint) }));
    for (const d of found) expect(`${d.message} ${d.hint}`).not.toMatch(/\b(must|allowed|Missing|Unexpected|Implicit|cannot|Invalid|Nested)\b/);
  });

  it('a tab as indentation is one error, with the column to use instead', () => {
    const text = flow(`        - id: a
          type: yes-no
          question: Vraag?
\thelp: Uitleg.
          next: end`);
    const { diagnostics } = load(text);
    expect(diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', line: 8, column: 1, message: expect.stringMatching(/tab/), hint: expect.stringMatching(/kolom 11/) }),
    ]);
  });

  // In a block text (>- or |) a line belongs at the column of the text's lines, not under the key.
  it.each([
    { name: 'in the text', lines: '          question: >-\n            Is er nu\n\tgevaar?', line: 9, hint: 'zet deze regel op kolom 13, gelijk met de tekst erboven.' },
    { name: 'on the first line of the text', lines: '          question: >-\n\tIs er nu gevaar?', line: 8, hint: 'zet deze regel op kolom 13, verder in dan "question:".' },
    // "Let op:" looks like a key, but no key has a capital or a space: it is text. "answers:" is a key.
    {
      name: 'in the text, with a colon after its first words',
      lines: '          question: >-\n            Is er nu gevaar?\n\tLet op: ook buiten school.',
      line: 9,
      hint: 'zet deze regel op kolom 13, gelijk met de tekst erboven.',
    },
    {
      name: 'before a scenario-like key after the text',
      lines: '          question: >-\n            Is er nu\n\tanswers: Uitleg.',
      line: 9,
      hint: 'zet deze regel op kolom 11, net onder "question:".',
    },
    {
      name: 'before a key after the text',
      lines: '          question: >-\n            Is er nu\n\thelp: Uitleg.',
      line: 9,
      hint: 'zet deze regel op kolom 11, net onder "question:".',
    },
  ])('a tab as indentation in a block text, $name, gets the column of where it belongs', ({ lines, line, hint }) => {
    const text = flow(`        - id: a
          type: yes-no
${lines}
          next: end`);
    expect(load(text).diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', line, column: 1, message: expect.stringMatching(/tab/), hint: `Vervang de tab door spaties: ${hint}` }),
    ]);
  });

  it('a tab after the indentation of a block text is part of the text: the tab that indents is the slip', () => {
    const text = flow(`        - id: a
          type: yes-no
          question: >-
            Is er nu
            \tgevaar?
\thelp: Uitleg.
          next: end`);
    expect(load(text).diagnostics.filter((d) => d.file === 'flows.yaml')).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', line: 10, column: 1, hint: 'Vervang de tab door spaties: zet deze regel op kolom 11, net onder "question:".' }),
    ]);
  });

  it('a file that cannot be read gives no follow-up errors about what it defines', () => {
    const result = loadProtocolFiles([
      { name: 'base.yaml', text: BASE },
      { name: 'main.yaml', text: 'flows:\n  - id: main\n    title: M\n    steps:\n      - { id: x, type: yes-no, question: Q, call: kapot, next: end }\n' },
      { name: 'kapot.yaml', text: 'flows:\n  - id: kapot\n    title: K\n    steps: [\n' },
    ]);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).not.toContain('main.yaml dangling-ref');
    expect(result.diagnostics.some((d) => d.file === 'kapot.yaml' && d.severity === 'error')).toBe(true);
  });

  it('a folder without metadata says so', () => {
    const result = loadProtocolFiles([{ name: 'a.yaml', text: 'sources: []\n' }]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'missing-metadata', file: 'a.yaml', line: 1, column: 1 })]);
  });

  it('loads a valid protocol with no diagnostics and records positions of parsed objects', () => {
    const result = load(flow(`        - { id: a, type: yes-no, question: Vraag?, next: end }`));
    expect(result.diagnostics).toEqual([]);
    const step = result.protocol!.flows[0]!.steps[0]!;
    expect(result.sourceMap.locate(step)).toMatchObject({ file: 'flows.yaml', line: 5, column: 9 });
    expect(result.sourceMap.locate(step, 'question', true)).toMatchObject({ line: 5, column: 32 });
  });
});
