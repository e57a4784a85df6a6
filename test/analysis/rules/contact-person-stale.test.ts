import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const base = (reviewed: string) => yaml`
  protocol: { id: t, title: T, region: R, version: "1", signed: "2025-10-01", evaluation: "2026-10-01", start: main }
  sources: [{ id: s1, kind: covenant, title: Bron }]
  partners:
    - id: politie
      name: Politie
      kind: core
      person: { name: A. de Vries, phone: "0900-8844", ${reviewed} }
`;
const FLOWS = yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: A?, advice: [{ partner: politie, urgency: today, task: Bellen, sources: [s1] }], next: end }
`;

// The analysis runs with today = 2026-04-01: a check is valid until 12 months after it.
testRule('contact-person-stale', {
  valid: [
    { name: 'checked this year', base: base('reviewed: "2026-01-10"'), yaml: FLOWS },
    { name: 'checked exactly 12 months ago', base: base('reviewed: "2025-04-01"'), yaml: FLOWS },
  ],
  invalid: [
    {
      name: 'checked 12 months and a day ago',
      base: base('reviewed: "2025-03-31"'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 7, column: 64, message: /het laatst gecontroleerd op 2025-03-31; dat had opnieuw gemoeten vóór 2026-03-31/ }],
    },
    {
      name: 'never checked',
      base: base('role: wijkagent'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 7, column: 21, message: /heeft geen controledatum/ }],
    },
    // A date that does not exist (2025-02-30) no longer loads: the schema reports it as
    // invalid-value (test/hostile/11-impossible-dates.test.ts), before any rule runs.
  ],
});
