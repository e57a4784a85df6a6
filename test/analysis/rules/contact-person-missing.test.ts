import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const base = (person: string, kind = 'core') => yaml`
  protocol: { id: t, title: T, region: R, version: "1", signed: "2025-10-01", evaluation: "2026-10-01", start: main }
  sources: [{ id: s1, kind: covenant, title: Bron }]
  partners:
    - id: politie
      name: Politie
      kind: ${kind}
      ${person}
`;
const FLOWS = yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: A?, advice: [{ partner: politie, urgency: today, task: Bellen, sources: [s1] }], next: end }
`;

testRule('contact-person-missing', {
  valid: [
    { name: 'a filled-in contact person', base: base('person: { name: A. de Vries, role: wijkagent, phone: "0900-8844", reviewed: "2026-01-10" }'), yaml: FLOWS },
    { name: 'an external partner needs none', base: base('role: extern', 'external'), yaml: FLOWS },
  ],
  invalid: [
    {
      name: 'a core partner without a person',
      base: base('role: politie'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 4, column: 9, message: /vaste contactpersoon \(Bijlage 2\) van "Politie" ontbreekt/ }],
    },
    {
      name: 'the shipped style: every field empty',
      base: base('person: { name: null, role: null, phone: null, email: null, reviewed: null }'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 7, column: 21, message: /ontbreekt/ }],
    },
    {
      name: 'a name without phone or e-mail',
      base: base('person: { name: A. de Vries, reviewed: "2026-01-10" }'),
      yaml: FLOWS,
      findings: [{ file: 'base.yaml', line: 7, column: 21, message: /geen telefoon en geen e-mail/ }],
    },
  ],
});
