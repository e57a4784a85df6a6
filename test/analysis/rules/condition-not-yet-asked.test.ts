import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

testRule('condition-not-yet-asked', {
  valid: [
    {
      name: '"not" about an earlier question, about the step itself, and an explicit answered: false',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, unknown: {}, next: b }
              - id: b
                type: yes-no
                question: B?
                unknown: {}
                advice:
                  - { info: Niet A, sources: [s1], when: { not: { step: a, is: ja } } }
                  - { info: Niet B, sources: [s1], when: { not: { step: b, is: ja } } }
                  - { info: Nog geen C, sources: [s1], when: { step: c, answered: false } }
                next: c
              - { id: c, type: yes-no, question: C?, unknown: {}, next: end }
      `,
    },
    {
      name: 'a question asked on some walks before this point (the other walks leave it unanswered)',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, unknown: {}, yes: { next: b }, next: c }
              - { id: b, type: yes-no, question: B?, unknown: {}, next: c }
              - id: c
                type: yes-no
                question: C?
                unknown: {}
                advice: [{ info: Niet B, sources: [s1], when: { not: { step: b, is: ja } } }]
                next: end
      `,
    },
  ],
  invalid: [
    {
      name: '"not" about a question every walk asks only later: always true where it counts',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                unknown: {}
                advice:
                  - { info: Niet als B ja is, sources: [s1], when: { not: { step: b, is: ja } } }
                  - info: Ook in een any
                    sources: [s1]
                    when: { not: { any: [{ step: a, is: nee }, { step: b, is: nee }] } }
                  - info: Een keuze die nooit telt
                    sources: [s1]
                    when: { any: [{ step: a, is: ja }, { step: b, is: ja }] }
                next: b
              - { id: b, type: yes-no, question: B?, unknown: {}, next: end }
      `,
      findings: [
        {
          line: 10,
          column: 75,
          message: /dit deel van de voorwaarde telt hier niet mee: stap "b" is op dit punt \(stap "a"\) nog op geen enkele weg beantwoord/,
          hint: /zet dit bij een vraag na "b"/,
        },
        { line: 13, column: 64, message: /telt hier niet mee: stap "b" is op dit punt/ },
        { line: 16, column: 56, message: /telt hier niet mee: stap "b" is op dit punt/ },
      ],
    },
  ],
});
