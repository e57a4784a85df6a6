import { yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

const FLOWS = (sources: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - { id: a, type: yes-no, question: A?, advice: [{ info: Uitleg, sources: ${sources} }], next: end }
`;

testRule('source-unused', {
  valid: [{ name: 'every source cited (s1 by a rule set, s2 by advice)', yaml: FLOWS('[s2]') }],
  invalid: [
    {
      name: 'a source nobody cites',
      yaml: FLOWS('[s1]'),
      // s2 is defined on line 12 of the base file: `  - { id: s2, kind: law, title: Bron 2, url: ... }`.
      findings: [{ file: 'base.yaml', line: 12, column: 11, message: /bron "s2" wordt nergens genoemd/ }],
    },
    {
      name: 'a source only cited by a checklist item counts as cited',
      yaml: `${FLOWS('[s1]')}checklist:\n  - { id: c, title: C, items: [{ id: i, text: T, sources: [s2] }] }\nsources:\n  - { id: s3, kind: website, title: Bron 3 }\n`,
      findings: [{ line: 9, column: 11, message: /bron "s3"/ }],
    },
  ],
});
