import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const FLOWS = (question: string, info = 'Uitleg') => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: a
          type: yes-no
          question: ${question}
          advice: [{ info: ${info}, sources: [s1] }]
          next: end
`;

testRule('unsafe-text', {
  valid: [{ name: 'ordinary Dutch text with accents and quotes', yaml: FLOWS('"Is er één leerling gewond (ja/nee)?"', '"Bel \'s avonds 0900-8844."') }],
  invalid: [
    {
      name: 'a terminal colour escape in a question',
      yaml: FLOWS('"Bel \\e[31mnu\\e[0m de politie?"'),
      findings: [{ line: 7, column: 19, message: /stuurteken \(U\+001B\)/ }],
    },
    {
      name: 'a bidirectional override in advice text',
      yaml: FLOWS('A?', '"Bel \\u202E4488-0090"'),
      findings: [{ line: 8, column: 26, message: /U\+202E/ }],
    },
  ],
});
