import { describe, expect, it } from 'vitest';
import { yaml } from '../../helpers/protocol.js';
import { findingsOf, testRule } from '../../helpers/test-rule.js';

// The base protocol names its start flow on line 9: `  start: main`.
const AT_START = { file: 'base.yaml', line: 9, column: 10 };

testRule('walk-without-advice', {
  valid: [
    {
      name: 'advice on the first question, whatever the answer',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ action: Doe iets, urgency: today, sources: [s1] }]
                next: end
      `,
    },
    {
      name: 'conditional advice that holds on every walk through it',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { next: b }, no: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end } }
              - id: b
                type: yes-no
                question: B?
                advice: [{ action: Doe iets, urgency: today, sources: [s1], when: { step: a, is: ja } }]
                next: end
      `,
    },
    {
      name: 'a route that only the answers with advice can take',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { advice: [{ action: Bel 112., urgency: immediate, sources: [s1] }] }, next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: a, is: ja }, next: end }
                otherwise: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end }
      `,
    },
    {
      name: 'advice on every branch, one of them in a called flow',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                yes: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end }
                no: { call: sub, next: end }
          - id: sub
            title: Sub
            steps:
              - { id: s, type: yes-no, question: S?, advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end }
      `,
    },
  ],
  invalid: [
    {
      name: 'one answer leads to the end without advice',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                yes: { advice: [{ action: Doe iets, urgency: today, sources: [s1] }] }
                next: end
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Nee$/ }],
    },
    {
      name: 'advice with a condition may be absent',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice:
                  - { action: Doe iets, urgency: today, sources: [s1], when: { step: a, is: ja } }
                next: b
              - { id: b, type: yes-no, question: B?, yes: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }] }, next: end }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Nee → b = Nee$/ }],
    },
    {
      // The advice screen shows only actions, partners and rules; with nothing else it says "geen advies".
      name: 'only an info line: the advice says there is no advice',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ info: Goed om te weten, sources: [s1] }]
                yes: { advice: [{ action: Doe iets, urgency: today, sources: [s1] }] }
                next: end
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Nee$/ }],
    },
    {
      // A category question with many options: only the options that can stay without advice are tried.
      name: 'one of many options of a multi step gives no advice',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: multi
                question: Wat is er gebeurd?
                next: end
                options:
                  - { value: o1, label: O1, advice: [{ action: Doe 1, urgency: today, sources: [s1] }] }
                  - { value: o2, label: O2, advice: [{ action: Doe 2, urgency: today, sources: [s1] }] }
                  - { value: o3, label: O3, advice: [{ action: Doe 3, urgency: today, sources: [s1] }] }
                  - { value: o4, label: O4, advice: [{ action: Doe 4, urgency: today, sources: [s1] }] }
                  - { value: o5, label: O5, advice: [{ action: Doe 5, urgency: today, sources: [s1] }] }
                  - { value: o6, label: O6, advice: [{ action: Doe 6, urgency: today, sources: [s1] }] }
                  - { value: o7, label: O7, advice: [{ action: Doe 7, urgency: today, sources: [s1] }] }
                  - { value: o8, label: O8, advice: [{ action: Doe 8, urgency: today, sources: [s1] }] }
                  - { value: o9, label: O9, advice: [{ action: Doe 9, urgency: today, sources: [s1] }] }
                  - { value: hondenbeet, label: Een hondenbeet }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Een hondenbeet$/ }],
    },
    {
      // Two walks that differ only in a multi answer are not one walk: here only "o1" leads past the
      // route without advice (a search that merged them never tried it).
      name: 'only one answer of a multi step, two questions on',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: m, type: multi, question: Wat?, next: q, options: [{ value: o0, label: O0 }, { value: o1, label: O1 }] }
              - { id: q, type: yes-no, question: Q?, next: r }
              - id: r
                type: route
                routes:
                  - { when: { not: { step: m, is: o1 } }, advice: [{ action: Doe iets, urgency: today, sources: [s1] }], next: end }
                otherwise: { next: end }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: m = O1 → q = (Ja|Nee)$/ }],
    },
    {
      name: 'through a called flow and back',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: sub, next: end }, no: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end } }
          - id: sub
            title: Sub
            steps:
              - { id: s, type: yes-no, question: S?, next: end }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Ja → s = Ja$/ }],
    },
  ],
});

// A multi step with more options than the search tries subsets of (8) gave "niet volledig nagegaan"
// when each option's advice had a condition. These are decided without that search now.
// "a = Nee" gives advice; "a = Ja" leads to the multi step m, each of whose options has `advice`.
const afterYes = (advice: string, count = 10) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: A?, no: { advice: [{ action: Uitleg, urgency: today, sources: [s1] }], next: end }, yes: { next: m }, next: end }
        - id: m
          type: multi
          question: Wat is er gebeurd?
          next: end
          options:
${Array.from({ length: count }, (_, i) => `            - { value: o${i}, label: O${i}, advice: [${advice}] }`).join('\n')}
`;

describe('walk-without-advice: decided without giving up', () => {
  const searchGaveUp = (flows: string) => findingsOf('analysis-limit', { name: '', yaml: flows }).filter((d) => /elke wandeling advies/.test(d.message));
  const cases = [
    {
      name: 'advice under "when A" and "when not A" is always given',
      advice:
        '{ action: Doe A, urgency: today, sources: [s1], when: { step: m, is: o0 } }, { action: Doe iets, urgency: today, sources: [s1], when: { not: { step: m, is: o0 } } }',
    },
    {
      name: 'advice whose condition the earlier answers already decide',
      advice: '{ action: Doe iets, urgency: today, sources: [s1], when: { step: a, is: ja } }',
    },
  ];
  it.each(cases)('$name', ({ advice }) => {
    const flows = afterYes(advice);
    expect(searchGaveUp(flows).map((d) => d.message)).toEqual([]);
    expect(findingsOf('walk-without-advice', { name: '', yaml: flows })).toEqual([]);
  });

  it('still finds the walk when the conditions leave a case open', () => {
    const flows = afterYes('{ action: Doe iets, urgency: today, sources: [s1], when: { step: a, is: nee } }', 3);
    expect(findingsOf('walk-without-advice', { name: '', yaml: flows }).map((d) => d.message)).toEqual([expect.stringMatching(/a = Ja → m = O0$/)]);
  });
});
