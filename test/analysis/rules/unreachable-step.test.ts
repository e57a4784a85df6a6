import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

testRule('unreachable-step', {
  valid: [
    {
      name: 'every step and flow reached, through next and call',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ action: Doe iets, urgency: today, sources: [s1] }]
                yes: { call: sub, next: b }
                next: end
              - id: b
                type: yes-no
                question: B?
                next: end
          - id: sub
            title: Sub
            steps:
              - { id: c, type: yes-no, question: C?, next: end }
      `,
    },
  ],
  invalid: [
    {
      name: 'a step nothing points to',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                next: end
              - id: b
                type: yes-no
                question: B?
                next: end
      `,
      findings: [{ line: 9, column: 13, message: /stap "b" wordt nooit bereikt/ }],
    },
    {
      name: 'a flow no step calls (its steps are not listed one by one)',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, next: end }
          - id: lost
            title: Vergeten
            steps:
              - { id: b, type: yes-no, question: B?, next: c }
              - { id: c, type: yes-no, question: C?, next: end }
      `,
      findings: [{ line: 6, column: 9, message: /flow "lost" wordt nooit bereikt: geen enkele stap roept hem aan/ }],
    },
    {
      name: 'a step after a call to a flow that never returns',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: loop, next: b }, next: end }
              - { id: b, type: yes-no, question: B?, next: end }
          - id: loop
            title: Kring
            steps:
              - { id: c, type: yes-no, question: C?, next: c }
      `,
      findings: [{ line: 6, column: 15, message: /stap "b" wordt nooit bereikt/ }],
    },
  ],
});
