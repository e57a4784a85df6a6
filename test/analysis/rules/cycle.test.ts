import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

testRule('cycle', {
  valid: [
    {
      name: 'two steps that both go on to a third',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { next: b }, next: c }
              - { id: b, type: yes-no, question: B?, next: c }
              - { id: c, type: yes-no, question: C?, next: end }
      `,
    },
    {
      name: 'a shared flow called twice, one after the other',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: [sub, sub] }, next: end }
          - id: sub
            title: Sub
            steps:
              - { id: s, type: yes-no, question: S?, next: end }
      `,
    },
  ],
  invalid: [
    {
      name: 'two steps that point at each other',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, next: b }
              - id: b
                type: yes-no
                question: B?
                no: { next: end }
                next: a
      `,
      findings: [{ line: 10, column: 15, message: /kring: "a" → "b" → "a"/ }],
    },
    {
      name: 'a step that points at itself',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                yes: { next: a }
                next: end
      `,
      findings: [{ line: 8, column: 22, message: /kring: "a" → "a"/ }],
    },
    {
      name: 'two flows that call each other (a hand-over back)',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: sub }, next: end }
          - id: sub
            title: Sub
            steps:
              - id: s
                type: yes-no
                question: S?
                yes: { call: main }
                next: end
      `,
      findings: [{ line: 12, column: 22, message: /kring: "a" → "s" → "a"; stap "s" roept flow "main" aan/ }],
    },
  ],
});
