import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const AGE = (ranges: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: age
          type: number
          question: Hoe oud?
          min: 4
          max: 99
          ranges:
${ranges}
          next: end
`;

testRule('range-overlap', {
  valid: [{ name: 'bands that meet without sharing a number', yaml: AGE('            - { max: 12 }\n            - { min: 13 }') }],
  invalid: [
    {
      name: '12 in two bands',
      yaml: AGE('            - { max: 12 }\n            - { min: 12 }'),
      findings: [{ line: 12, column: 13, message: /bereik 2 van stap "age" overlapt met bereik 1 bij 12$/ }],
    },
    {
      name: 'a band inside another',
      yaml: AGE('            - { min: 4, max: 99 }\n            - { min: 12, max: 17 }'),
      findings: [{ line: 12, column: 13, message: /overlapt met bereik 1 bij 12 t\/m 17/ }],
    },
  ],
});
