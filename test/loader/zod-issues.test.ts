// Schema mistakes in Dutch: what a wrong value is and what it should be, named by its key (or by
// which item of which list), never with zod's English type names ("is number 5", "moet record zijn").
import { describe, expect, it } from 'vitest';
import { BASE, load, yaml } from '../helpers/protocol.js';

const numberStep = (line: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: leeftijd
          type: number
          question: Hoe oud?
          min: 4
          max: 30
          ${line}
          next: end`;

/** A step with `lines`, of type yes-no unless `type` says otherwise ('' for none). */
const step = (lines: string, type = 'type: yes-no') => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: a
          ${type}
${lines}
          next: end`;

describe('schema messages are Dutch and name the value', () => {
  it.each([
    {
      name: 'text for a number',
      text: numberStep('unit: jaar').replace('min: 4', 'min: "vijf"'),
      message: '"min" moet een getal zijn, maar is tekst "vijf"',
      hint: 'Geef een getal.',
    },
    { name: 'a fraction for a whole number', text: numberStep('unit: jaar').replace('min: 4', 'min: 4.5'), message: '"min" moet een geheel getal zijn, maar is het getal 4.5' },
    { name: 'true for a number', text: numberStep('unit: jaar').replace('min: 4', 'min: true'), message: '"min" moet een getal zijn, maar is de ja/nee-waarde true' },
    {
      name: 'a number for text',
      text: step('          question: 2025.1'),
      message: '"question" moet tekst zijn, maar is het getal 2025.1',
      hint: 'Zet de waarde tussen aanhalingstekens, zodat het tekst is: question: "2025.1".',
    },
    {
      name: 'yes/no for text',
      text: step('          question: true'),
      message: '"question" moet tekst zijn, maar is de ja/nee-waarde true',
      hint: 'Zet de waarde tussen aanhalingstekens, zodat het tekst is: question: "true".',
    },
    {
      name: 'an empty list of sources',
      text: step('          question: Vraag?\n          yes: { next: end, advice: [{ action: Bel, urgency: today, sources: [] }] }'),
      message: '"sources": de lijst moet minstens één waarde hebben',
    },
    { name: 'empty text', text: step('          question:'), message: '"question" moet tekst zijn, maar is leeg', hint: 'Vul een tekst in achter "question:".' },
    {
      name: 'a number for a list',
      text: step('          question: Vraag?\n          options: 3', 'type: choice'),
      message: '"options" moet een lijst (regels die beginnen met "- ") zijn, maar is het getal 3',
    },
    {
      name: 'text for a list',
      text: step('          question: Vraag?\n          yes: { next: end, advice: [{ action: Bel, urgency: today, sources: yes }] }'),
      message: '"sources" moet een lijst (regels die beginnen met "- ") zijn, maar is tekst "yes"',
    },
    {
      name: 'a number in a list of ids',
      text: step('          question: Vraag?\n          yes: { next: end, advice: [{ action: Bel, urgency: today, sources: [5] }] }'),
      message: 'item 1 van "sources" moet tekst zijn, maar is het getal 5',
    },
    { name: 'a number for a flow', text: 'flows:\n  - 5\n', message: 'item 1 van "flows" moet een map (sleutel: waarde) zijn, maar is het getal 5' },
    { name: 'an empty step type', text: step('          question: Vraag?', 'type:'), message: '"type" is leeg' },
    {
      name: 'a list for a condition',
      text: step('          question: Vraag?\n          yes: { next: end, advice: [{ action: Bel, urgency: today, sources: [s1], when: [a] }] }'),
      message: '"when" moet een map (sleutel: waarde) zijn, maar is een lijst',
    },
  ])('$name', ({ text, message, hint }) => {
    const errors = load(text).diagnostics.filter((d) => d.file === 'flows.yaml' && d.severity === 'error');
    expect(errors.map((d) => d.message)).toContain(message);
    if (hint) expect(errors.find((d) => d.message === message)!.hint).toBe(hint);
    // (A hint may name a value that is an English word: "Kies uit: ..., number, route".)
    for (const d of errors) expect(d.message).not.toMatch(/\b(number|boolean|string|object|array|record|null|undefined|Invalid)\b/);
  });

  it.each([
    {
      name: 'urgency',
      text: step('          question: Vraag?\n          yes: { next: end, advice: [{ action: Bel, sources: [s1] }] }'),
      hint: 'Voeg "urgency:" toe (kies uit: immediate, today, this-week, when-needed).',
    },
    { name: 'type', text: step('          question: Vraag?', ''), hint: 'Voeg "type:" toe (kies uit: choice, multi, yes-no, number, route).' },
  ])('a missing "$name" is a missing key with its values, not "ongeldige waarde undefined"', ({ name, text, hint }) => {
    const errors = load(text).diagnostics.filter((d) => d.file === 'flows.yaml');
    expect(errors).toEqual([expect.objectContaining({ code: 'missing-key', message: `verplichte sleutel "${name}" ontbreekt`, hint })]);
  });

  it('a list for the map of checks is "een map", not "record"', () => {
    const { diagnostics } = load('flows: []\n', BASE.replace('  start: main', '  start: main\n  checks: [walk-without-advice]'));
    expect(diagnostics.find((d) => d.code === 'wrong-type')).toMatchObject({
      message: '"checks" moet een map (sleutel: waarde) zijn, maar is een lijst',
      hint: 'Schrijf sleutels met een dubbele punt, ingesprongen onder deze regel.',
    });
  });

  it('an empty "protocol:" names the key and the keys it needs (not "waarde")', () => {
    const { diagnostics } = load('flows: []\n', BASE.replace(/^protocol:\n(?: {2}.*\n)+/m, 'protocol:\n'));
    expect(diagnostics.find((d) => d.code === 'wrong-type')).toMatchObject({
      file: 'base.yaml',
      line: 2,
      column: 10,
      message: '"protocol" moet een map (sleutel: waarde) zijn, maar is leeg',
      hint: 'Schrijf sleutels met een dubbele punt, ingesprongen onder deze regel, bijvoorbeeld de verplichte "id:", "title:", "region:", "version:", "signed:", "evaluation:", "start:".',
    });
  });
});
