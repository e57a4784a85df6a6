import { BASE, yaml } from '../../helpers/protocol.js';
import { testRule } from '../../helpers/test-rule.js';

// The base protocol defines s1 (covenant, line 11) and s2 (a law on wetten.overheid.nl, line 12) and
// the rule set "meldcode" citing s1 (line 18). Most cases replace s2 with the law under test.
const withLaw = (s2: string) => BASE.replace(/ {2}- \{ id: s2, kind: law,.*\}/, `  - ${s2}`);
const OFFICIAL = withLaw('{ id: s2, kind: law, title: Art. 126nd Sv, url: "https://wetten.overheid.nl/jci1.3:c:BWBR0001903&artikel=126nd" }');

const FLOWS = (sources: string, extra = '') => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: a
          type: yes-no
          question: A?
          advice:
            - { rule: meldcode, conclusion: Volg de meldcode., sources: ${sources} }
          next: end
  sources:
    - { id: w1, kind: website, title: Een website, url: "https://example.org/blog" }
    - { id: g1, kind: guidance, title: Een handreiking, url: "https://www.nji.nl/x" }
${extra}`;
testRule('legal-source', {
  valid: [
    { name: 'a law on wetten.overheid.nl; rule advice citing it and guidance', base: OFFICIAL, yaml: FLOWS('[s2, g1]') },
    { name: 'rule advice citing the covenant', base: OFFICIAL, yaml: FLOWS('[s1, w1]') },
    {
      name: 'a law on EUR-Lex (the AVG) and a ruling on uitspraken.rechtspraak.nl',
      base: withLaw(
        '{ id: s2, kind: law, title: AVG, url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj" }\n  - { id: r1, kind: ruling, title: HR, url: "https://uitspraken.rechtspraak.nl/inziendocument?id=ECLI:NL:HR:2012:BY0215" }',
      ),
      yaml: FLOWS('[r1]'),
    },
  ],
  invalid: [
    {
      name: 'a law without a URL (base line 12)',
      base: withLaw('{ id: s2, kind: law, title: Bron 2 }'),
      yaml: FLOWS('[s1]'),
      findings: [{ file: 'base.yaml', line: 12, column: 11, message: /bron "s2" is een wet zonder link/, hint: /wetten\.overheid\.nl/ }],
    },
    {
      name: 'a law linked to a blog',
      base: withLaw('{ id: s2, kind: law, title: Art. 126nf Sv, url: "https://blog.iusmentis.com/2010/04/09/x/" }'),
      yaml: FLOWS('[s1]'),
      findings: [{ file: 'base.yaml', line: 12, column: 53, message: /link wijst niet naar de officiële tekst \(blog\.iusmentis\.com\)/ }],
    },
    {
      name: 'a look-alike host is not the official site',
      base: withLaw('{ id: s2, kind: law, title: Wet, url: "https://wetten.overheid.nl.example.com/BWBR0001903" }'),
      yaml: FLOWS('[s1]'),
      findings: [{ file: 'base.yaml', line: 12, column: 43, message: /wetten\.overheid\.nl\.example\.com/ }],
    },
    {
      name: 'a ruling on a trade association site',
      base: withLaw('{ id: s2, kind: ruling, title: HR 2012, url: "https://www.veiligheidsbranche.nl/kenniscentrum/x/" }'),
      yaml: FLOWS('[s1]'),
      findings: [{ file: 'base.yaml', line: 12, column: 50, message: /is een uitspraak/, hint: /rechtspraak\.nl/ }],
    },
    {
      name: 'rule advice resting only on a website and guidance',
      base: OFFICIAL,
      yaml: FLOWS('[w1, g1]'),
      findings: [{ line: 9, column: 71, message: /advies over regelset "meldcode" in stap "a" steunt alleen op websites of handreikingen/ }],
    },
    {
      name: 'a rule set resting only on guidance',
      base: OFFICIAL.replace('  - { id: meldcode, title: Meldcode, sources: [s1] }', '  - { id: meldcode, title: Meldcode, sources: [g1] }'),
      yaml: FLOWS('[s2]'),
      findings: [{ file: 'base.yaml', line: 18, column: 47, message: /regelset "meldcode" steunt alleen/ }],
    },
  ],
});
