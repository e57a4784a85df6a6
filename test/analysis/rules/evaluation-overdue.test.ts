import { BASE, yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const FLOWS = yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: A?, advice: [{ info: Uitleg, sources: [s1] }], next: end }
`;

// The base protocol plans its evaluation on 2026-10-01 (line 8).
testRule('evaluation-overdue', {
  valid: [
    { name: 'before the evaluation date', yaml: FLOWS, today: '2026-09-30' },
    { name: 'on the evaluation date', yaml: FLOWS, today: '2026-10-01' },
  ],
  invalid: [
    {
      name: 'the day after',
      yaml: FLOWS,
      today: '2026-10-02',
      findings: [{ file: 'base.yaml', line: 8, column: 15, message: /art\. 12\.2\) stond gepland op 2026-10-01 en is over de datum/ }],
    },
    {
      name: 'with another base protocol',
      base: BASE.replace('evaluation: 2026-10-01', 'evaluation: 2025-12-31'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 8, column: 15, message: /2025-12-31/ }],
    },
  ],
});
