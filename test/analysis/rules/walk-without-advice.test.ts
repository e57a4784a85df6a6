import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

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
              - { id: a, type: yes-no, question: A?, yes: { next: b }, no: { advice: [{ info: Uitleg, sources: [s1] }], next: end } }
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
                otherwise: { advice: [{ info: Uitleg, sources: [s1] }], next: end }
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
                yes: { advice: [{ info: Uitleg, sources: [s1] }], next: end }
                no: { call: sub, next: end }
          - id: sub
            title: Sub
            steps:
              - { id: s, type: yes-no, question: S?, advice: [{ info: Uitleg, sources: [s1] }], next: end }
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
              - { id: b, type: yes-no, question: B?, yes: { advice: [{ info: Uitleg, sources: [s1] }] }, next: end }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Nee → b = Nee$/ }],
    },
    {
      name: 'through a called flow and back',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: sub, next: end }, no: { advice: [{ info: Uitleg, sources: [s1] }], next: end } }
          - id: sub
            title: Sub
            steps:
              - { id: s, type: yes-no, question: S?, next: end }
      `,
      findings: [{ ...AT_START, message: /eindigt zonder enig advies: a = Ja → s = Ja$/ }],
    },
  ],
});
