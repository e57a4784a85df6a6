import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

// A shared age flow, called by `main` before its later steps (as the shipped dader-leeftijd flow).
const AGE = `
  - id: age
    title: Leeftijd
    steps:
      - id: age
        type: number
        question: Hoe oud?
        min: 4
        max: 99
        unknown: { next: end }
        ranges:
          - { max: 11, next: end }
          - { min: 12, next: end }`;

testRule('condition-never-true', {
  valid: [
    {
      name: 'conditions on earlier answers that can hold, through a call',
      yaml:
        yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, unknown: {}, yes: { call: age }, next: b }
              - id: b
                type: yes-no
                question: B?
                advice:
                  - { info: Halt, sources: [s1], when: { step: age, min: 12, max: 17 } }
                  - { info: Twijfel, sources: [s1], when: { step: a, is: weet-niet } }
                  - { info: Geen leeftijd, sources: [s1], when: { step: age, answered: false } }
                  - { info: Niet jong, sources: [s1], when: { not: { step: age, max: 11 } } }
                next: end
      ` + AGE,
    },
    {
      name: 'a multi option can name another option (both can be ticked)',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: m
                type: multi
                question: Wat speelt er?
                options:
                  - { value: x, label: X, advice: [{ info: X en Y, sources: [s1], when: { step: m, is: y } }] }
                  - { value: y, label: Y }
                next: end
      `,
    },
  ],
  invalid: [
    {
      name: 'a value the step does not have (with a suggestion)',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ info: Ja, sources: [s1], when: { step: a, is: jaa } }]
                next: end
      `,
      findings: [{ line: 8, column: 66, message: /stap "a" heeft geen antwoord "jaa"/, hint: /Bedoel je "ja"\?/ }],
    },
    {
      name: '"weet-niet" on a step without "weet ik niet"',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ info: Twijfel, sources: [s1], when: { step: a, is: [ja, weet-niet] } }]
                next: end
      `,
      findings: [{ line: 8, column: 76, message: /biedt geen "weet ik niet"/ }],
    },
    {
      name: 'min and max on a yes-no step',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice: [{ info: Oud, sources: [s1], when: { step: a, min: 12 } }]
                next: end
      `,
      findings: [{ line: 8, column: 68, message: /min en max werken alleen bij een getalvraag/ }],
    },
    {
      name: 'min greater than max, and bounds outside the question',
      yaml:
        yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: age }, next: b }
              - id: b
                type: yes-no
                question: B?
                advice:
                  - { info: Raar, sources: [s1], when: { step: age, min: 17, max: 12 } }
                  - { info: Oud, sources: [s1], when: { step: age, min: 120 } }
                next: end
      ` + AGE,
      findings: [
        { line: 10, column: 66, message: /min \(17\) is groter dan max \(12\)/ },
        { line: 11, column: 65, message: /stap "age" vraagt een getal van 4 t\/m 99/ },
      ],
    },
    {
      name: 'a step that is only asked later',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                yes:
                  advice: [{ info: Halt, sources: [s1], when: { step: b, is: ja } }]
                next: b
              - { id: b, type: yes-no, question: B?, next: end }
      `,
      findings: [{ line: 9, column: 63, message: /stap "b" is op dit punt nog nooit beantwoord/ }],
    },
    {
      name: 'a value the answers leading here rule out',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { next: b }, no: { next: c } }
              - { id: b, type: yes-no, question: B?, next: end }
              - id: c
                type: yes-no
                question: C?
                advice: [{ info: Nooit, sources: [s1], when: { step: a, is: ja } }]
                next: end
      `,
      findings: [{ line: 10, column: 54, message: /stap "a" kan hier alleen zijn: nee/ }],
    },
    {
      name: 'an age only asked on another branch',
      yaml:
        yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { call: age, next: end }, no: { next: b } }
              - id: b
                type: yes-no
                question: B?
                advice: [{ info: Halt, sources: [s1], when: { step: age, min: 12 } }]
                next: end
      ` + AGE,
      findings: [{ line: 9, column: 61, message: /stap "age" is op dit punt nog nooit beantwoord/ }],
    },
    {
      name: 'a combination that never holds',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                advice:
                  - info: Nooit
                    sources: [s1]
                    when: { all: [{ step: a, is: ja }, { step: a, is: nee }] }
                next: end
      `,
      findings: [{ line: 11, column: 19, message: /geen combinatie van mogelijke antwoorden maakt haar waar \(a: ja \/ nee\)/ }],
    },
    {
      name: 'a route that an earlier route always takes first',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: a, is: [ja, nee] }, next: end }
                  - { when: { step: a, is: ja }, next: end }
                otherwise: { next: end }
      `,
      findings: [{ line: 10, column: 21, message: /route 2 van stap "r" wordt nooit gekozen: steeds als ze geldt, geldt route 1 ook/ }],
    },
    {
      name: 'a route on a route step, and a number range outside the question',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: n, type: number, question: N?, min: 0, max: 10, ranges: [{ max: 10, next: r }, { min: 11, next: r }] }
              - id: r
                type: route
                routes:
                  - { when: { step: r, answered: true }, next: end }
                otherwise: { next: end }
      `,
      findings: [
        { line: 5, column: 94, message: /bereik 11 of meer valt buiten de vraag \(0 t\/m 10\)/ },
        { line: 9, column: 29, message: /stap "r" is een routestap/ },
      ],
    },
  ],
});
