import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const flow = (step: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - ${step}
        - { id: z, type: yes-no, question: Z?, known: Dat zie je, advice: [{ info: Uitleg, sources: [s1] }], next: end }
`;

testRule('unknown-missing', {
  valid: [
    { name: 'a question with a "weet ik niet" branch', yaml: flow('{ id: a, type: yes-no, question: A?, unknown: { next: z }, next: z }') },
    { name: 'a question that says why it is always known', yaml: flow('{ id: a, type: yes-no, question: A?, known: Dat ziet de melder zelf, next: z }') },
    { name: 'a route step asks nothing', yaml: flow('{ id: a, type: route, routes: [{ when: { step: z, answered: false }, next: z }], otherwise: { next: z } }') },
  ],
  invalid: [
    {
      name: 'a yes-no question with neither',
      yaml: flow('{ id: a, type: yes-no, question: A?, next: z }'),
      findings: [{ line: 5, column: 15, message: /stap "a" biedt geen "Weet ik niet"/, hint: /"unknown:".*"known:"/ }],
    },
    {
      name: 'a number question with neither',
      yaml: flow('{ id: leeftijd, type: number, question: Hoe oud?, min: 4, max: 30, next: z }'),
      findings: [{ line: 5, column: 15, message: /stap "leeftijd"/ }],
    },
  ],
});
