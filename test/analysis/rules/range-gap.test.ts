import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const AGE = (ranges: string, min = 4, max = 99) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: age
          type: number
          question: Hoe oud?
          min: ${min}
          max: ${max}
          ranges: ${ranges}
          next: end
`;

testRule('range-gap', {
  valid: [
    { name: 'bands that meet', yaml: AGE('[{ max: 11 }, { min: 12, max: 17 }, { min: 18 }]') },
    { name: 'bands beyond the question are clipped', yaml: AGE('[{ min: 0, max: 50 }, { min: 51, max: 200 }]') },
    { name: 'no ranges at all (every answer goes to next)', yaml: AGE('[]') },
  ],
  invalid: [
    {
      name: 'an age band missing',
      yaml: AGE('[{ max: 11 }, { min: 13, max: 17 }, { min: 18 }]'),
      findings: [{ line: 10, column: 9, message: /bij stap "age" valt 12 in geen enkel bereik/, hint: /4 t\/m 99/ }],
    },
    {
      name: 'the top and bottom not covered',
      yaml: AGE('[{ min: 12, max: 17 }]'),
      findings: [
        { line: 10, column: 9, message: /valt 18 t\/m 99 in geen enkel bereik/ },
        { line: 10, column: 9, message: /valt 4 t\/m 11 in geen enkel bereik/ },
      ],
    },
    {
      name: 'min greater than max on the question',
      yaml: AGE('[{ max: 11 }]', 20, 10),
      findings: [{ line: 8, column: 14, message: /heeft min 20 en max 10: geen enkel getal/ }],
    },
  ],
});
