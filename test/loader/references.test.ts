// A renamed source, partner or rule set leaves every use dangling: one error at the definition says
// so, instead of one per use with a hint to copy the new name into each.
import { describe, expect, it } from 'vitest';
import { loadProtocolFiles } from '../../src/loader/index.js';
import { BASE, load, yaml } from '../helpers/protocol.js';

const advice = (partner: string) => `{ partner: ${partner}, urgency: today, task: Bel, sources: [s1] }`;
const flows = (...partners: string[]) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: Vraag?, next: b, advice: [${advice(partners[0]!)}] }
        - { id: b, type: yes-no, question: Nog een?, next: end, advice: [${partners.slice(1).map(advice).join(', ')}] }
`;
const errors = (flowsYaml: string, base = BASE) =>
  load(flowsYaml, base)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, at: `${d.file}:${d.line}`, message: d.message, hint: d.hint }));

describe('references to a renamed definition', () => {
  it('one error at the definition when every use names its old id', () => {
    const renamed = BASE.replace('id: halt,', 'id: haltt,');
    expect(errors(flows('halt', 'halt', 'halt'), renamed)).toEqual([
      {
        code: 'dangling-ref',
        at: 'base.yaml:15',
        message: 'partner "haltt" wordt nergens gebruikt, maar 3 verwijzingen noemen "halt" (de eerste: flows.yaml:5)',
        hint: 'Is de id hier veranderd? Zet hem terug naar "halt", of pas alle 3 verwijzingen aan.',
      },
    ]);
  });

  it('one error per use when the look-alike is used elsewhere (a typo, not a rename)', () => {
    const found = errors(flows('politie', 'polite', 'polite'));
    expect(found.map((d) => [d.at, d.message, d.hint])).toEqual([
      ['flows.yaml:6', 'partner "polite" bestaat niet', 'Bedoel je "politie"?'],
      ['flows.yaml:6', 'partner "polite" bestaat niet', 'Bedoel je "politie"?'],
    ]);
  });

  it('two different old ids for one unused definition are no rename: one error per use', () => {
    const renamed = BASE.replace('id: halt,', 'id: haltt,');
    const found = errors(flows('halt', 'halt', 'halt', 'hallt', 'hallt', 'hallt'), renamed);
    expect(found.map((d) => d.message)).toEqual([...Array(3).fill('partner "halt" bestaat niet'), ...Array(3).fill('partner "hallt" bestaat niet')]);
  });

  // The base defines "halt" and uses it nowhere (allowed): the same typo twice is not a rename.
  it('the same typo at two places is one error per use', () => {
    expect(errors(flows('politie', 'hallt', 'hallt')).map((d) => [d.at, d.message, d.hint])).toEqual([
      ['flows.yaml:6', 'partner "hallt" bestaat niet', 'Bedoel je "halt"?'],
      ['flows.yaml:6', 'partner "hallt" bestaat niet', 'Bedoel je "halt"?'],
    ]);
  });

  it('"de eerste" is the first use in file order, not in the order the loader looks', () => {
    const renamed = BASE.replace('id: halt,', 'id: haltt,');
    const checklist = yaml`
      checklist:
        - id: sectie
          title: Sectie
          items:
            - { id: punt, text: Doe iets, partners: [halt], sources: [s1] }
    `;
    const loaded = loadProtocolFiles([
      { name: 'a-base.yaml', text: renamed },
      { name: 'b-flows.yaml', text: flows('halt', 'halt', 'halt') },
      { name: 'c-checklist.yaml', text: checklist },
    ]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'partner "haltt" wordt nergens gebruikt, maar 4 verwijzingen noemen "halt" (de eerste: b-flows.yaml:5)',
    ]);
  });

  // No look-alike: politie → politie-limburg.
  it('a new id that keeps the old id as a word: one error at the definition, also next to another unused definition (cjg)', () => {
    const renamed = BASE.replace('id: halt,', 'id: halt-limburg-noord,');
    expect(errors(flows('politie', 'halt', 'halt', 'halt'), renamed).map((d) => [d.at, d.message])).toEqual([
      ['base.yaml:15', 'partner "halt-limburg-noord" wordt nergens gebruikt, maar 3 verwijzingen noemen "halt" (de eerste: flows.yaml:6)'],
    ]);
  });

  // An unused definition with other words may be one not used yet, next to a reference to one never made.
  it('no rename guessed for a new name with other words, even as the only unused definition, or with fewer than 3 uses', () => {
    const unrelated = BASE.replace('id: halt,', 'id: jeugdpreventie,');
    expect(errors(flows('cjg', 'halt', 'halt', 'halt', 'politie'), unrelated).map((d) => d.message)).toEqual(Array(3).fill('partner "halt" bestaat niet'));
    const related = BASE.replace('id: halt,', 'id: halt-limburg-noord,');
    expect(errors(flows('cjg', 'halt', 'halt', 'politie'), related).map((d) => d.message)).toEqual(Array(2).fill('partner "halt" bestaat niet'));
  });

  it('one error per use for a single dangling use', () => {
    expect(errors(flows('hallt', 'cjg')).map((d) => [d.at, d.message])).toEqual([['flows.yaml:5', 'partner "hallt" bestaat niet']]);
  });

  // A first step is rightly referenced by nothing: an unused look-alike step says nothing.
  it('steps are not taken for renamed', () => {
    const text = yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - { id: leeftijd, type: number, question: Leeftijd?, min: 0, max: 99, next: b }
            - id: b
              type: yes-no
              question: Nog een?
              next: end
              advice:
                - { action: Doe iets, urgency: today, sources: [s1], when: { step: leeftjid, min: 12 } }
                - { action: Doe iets anders, urgency: today, sources: [s1], when: { step: leeftjid, max: 11 } }
    `;
    expect(errors(text).map((d) => [d.at, d.message, d.hint])).toEqual([
      ['flows.yaml:11', 'stap "leeftjid" bestaat niet', 'Bedoel je "leeftijd"?'],
      ['flows.yaml:12', 'stap "leeftjid" bestaat niet', 'Bedoel je "leeftijd"?'],
    ]);
  });
});
