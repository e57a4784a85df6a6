import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const ROUTES = (first: string, second: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: n, type: number, question: Leeftijd?, min: 4, max: 40, unknown: {}, next: r }
        - id: r
          type: route
          routes:
            - { when: ${first}, next: end }
            - { when: ${second}, next: end }
          otherwise: { next: end }
`;

testRule('condition-overlap', {
  valid: [
    { name: 'routes that exclude each other', yaml: ROUTES('{ step: n, max: 17 }', '{ step: n, min: 18 }') },
    { name: 'a route for "weet ik niet" next to a number route', yaml: ROUTES('{ step: n, is: weet-niet }', '{ step: n, min: 18 }') },
    {
      name: 'two routes that would overlap only on a combination no walk has',
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
                  - { when: { step: b, is: ja }, next: end }
                  - { when: { step: a, is: nee }, next: end }
                otherwise: { next: end }
      `,
    },
  ],
  invalid: [
    {
      name: 'two age bands that share 15 to 17',
      yaml: ROUTES('{ step: n, min: 10, max: 17 }', '{ step: n, min: 15, max: 30 }'),
      findings: [{ line: 10, column: 21, message: /route 2 en route 1 van stap "r" gelden allebei als n = 15 t\/m 17; dan gaat route 1 voor/ }],
    },
    {
      name: 'overlap on one value of a list',
      yaml: ROUTES('{ step: n, is: [weet-niet, 4] }', '{ any: [{ step: n, is: weet-niet }, { step: n, min: 30 }] }'),
      findings: [{ line: 10, column: 21, message: /als n = weet ik niet/ }],
    },
  ],
});
