import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
const MANY = yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: m
          type: multi
          question: Wat speelt er?
          advice: [{ action: Registreer het, urgency: today, sources: [s1] }]
          options: [${values.map((v) => `{ value: ${v}, label: ${v.toUpperCase()} }`).join(', ')}]
          next: r
        - id: r
          type: route
          routes:
            - { when: { step: m, is: [${values.join(', ')}] }, next: end }
          otherwise: { next: end }
`;

testRule('analysis-limit', {
  valid: [{ name: 'a route over a few values', yaml: MANY.replace(/is: \[[^\]]*\]/, 'is: [v0, v1]') }],
  invalid: [{ name: 'a route over 13 values of one multi step', yaml: MANY, findings: [{ line: 11, column: 13, message: /stap "r" heeft meer dan/ }] }],
});
