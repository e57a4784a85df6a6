import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

testRule('dead-end', {
  valid: [
    {
      name: 'branches with their own next, or the step next',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                unknown: { next: end }
                yes: { next: b }
                no: { next: end }
              - { id: b, type: multi, question: B?, options: [{ value: x, label: X }], next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: a, is: ja }, next: end }
      `,
    },
    {
      name: 'a route step without otherwise whose routes cover every answer',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: n, type: number, question: Leeftijd?, min: 4, max: 20, next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: n, max: 11 }, next: end }
                  - { when: { step: n, min: 12 }, next: end }
      `,
    },
    {
      // One answer set at a time, "a = ja, b = niet beantwoord" looks possible; no real walk has it.
      name: 'routes that rely on a question only asked after "ja"',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { next: b }, no: { next: r } }
              - { id: b, type: yes-no, question: B?, next: r }
              - id: r
                type: route
                routes:
                  - { when: { all: [{ step: a, is: ja }, { step: b, is: ja }] }, next: end }
                  - { when: { all: [{ step: a, is: ja }, { step: b, is: nee }] }, next: end }
                  - { when: { step: a, is: nee }, next: end }
      `,
    },
  ],
  invalid: [
    {
      name: 'a yes-no step without any next',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: A?
                yes:
                  advice: [{ action: Doe iets, urgency: today, sources: [s1] }]
      `,
      findings: [
        { line: 5, column: 13, message: /antwoord "Nee" van stap "a" leidt nergens heen/ },
        { line: 9, column: 11, message: /antwoord "Ja" van stap "a" leidt nergens heen/ },
      ],
    },
    {
      name: 'a choice option without next, and no step next',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: choice
                question: A?
                options:
                  - { value: x, label: X, next: end }
                  - { value: y, label: Y }
      `,
      findings: [{ line: 10, column: 13, message: /antwoord "Y" van stap "a" leidt nergens heen/, hint: /next/ }],
    },
    {
      name: 'a multi step without next',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: multi, question: A?, options: [{ value: x, label: X }] }
      `,
      findings: [{ line: 5, column: 15, message: /stap "a" heeft geen "next:"/ }],
    },
    {
      name: 'a route without next',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, next: r }
              - id: r
                type: route
                routes:
                  - when: { step: a, is: ja }
                otherwise: { next: end }
      `,
      findings: [{ line: 9, column: 13, message: /route 1 van stap "r" leidt nergens heen/ }],
    },
    {
      name: 'a route step without otherwise that misses "weet ik niet"',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, unknown: {}, next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: a, is: ja }, next: end }
                  - { when: { step: a, is: nee }, next: end }
      `,
      findings: [{ line: 8, column: 9, message: /geen enkele route als a = weet ik niet, en er is geen "otherwise:"/ }],
    },
    {
      name: 'a route step without otherwise that misses an age band',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: n, type: number, question: Leeftijd?, min: 4, max: 20, next: r }
              - id: r
                type: route
                routes:
                  - { when: { step: n, max: 11 }, next: end }
                  - { when: { step: n, min: 13 }, next: end }
      `,
      findings: [{ line: 8, column: 9, message: /als n = 12, en er is geen/ }],
    },
    {
      name: 'a real gap in correlated routes: "weet ik niet" after "ja"',
      yaml: yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - { id: a, type: yes-no, question: A?, yes: { next: b }, no: { next: r } }
              - { id: b, type: yes-no, question: B?, unknown: {}, next: r }
              - id: r
                type: route
                routes:
                  - { when: { all: [{ step: a, is: ja }, { step: b, is: ja }] }, next: end }
                  - { when: { all: [{ step: a, is: ja }, { step: b, is: nee }] }, next: end }
                  - { when: { step: a, is: nee }, next: end }
      `,
      findings: [{ line: 9, column: 9, message: /geen enkele route als a = ja, b = weet ik niet, en er is geen "otherwise:"/ }],
    },
  ],
});
