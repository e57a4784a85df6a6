// Ids in a scenario that the protocol does not have: each one an error at the id itself, with
// "Bedoel je ...?" for a likely typo. Without this check a misspelt partner in `absent:` passed.
import { describe, expect, it } from 'vitest';
import { checkScenarioIds, parseScenarioFiles } from '../../src/loader/index.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { shipped } from '../helpers/shipped.js';

// BASE has partners politie, halt, cjg and the rule set meldcode.
const protocol = protocolFrom(yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: gevaar
          type: yes-no
          question: Is er direct gevaar?
          yes: { advice: [{ partner: politie, urgency: immediate, task: Bel 112., sources: [s1] }] }
          no: { advice: [{ rule: meldcode, conclusion: De meldcode geldt., sources: [s1] }] }
          next: end
`);

/** One scenario with these `expect` lines (indented as under `expect:`), checked against the protocol. */
function check(expectLines: string, answers = '{ gevaar: nee }') {
  const text = `scenarios:\n  - name: Typo\n    answers: ${answers}\n    expect:\n${expectLines}\n`;
  const parsed = parseScenarioFiles([{ name: 'typo.yaml', text, rel: 'typo.yaml' }]);
  expect(parsed.diagnostics).toEqual([]);
  return checkScenarioIds(protocol, parsed.scenarios);
}

describe('ids in scenarios that the protocol does not have', () => {
  it.each([
    // The reported bugs: a misspelt absent partner passed, a misspelt rule set read as "not applicable".
    ['absent partner', '      absent: [cjg, politi]', '5:21 partner "politi" bestaat niet in het protocol', 'Bedoel je "politie"?'],
    ['expected rule set', '      rules: [meldcod]', '5:15 regelset "meldcod" bestaat niet in het protocol', 'Bedoel je "meldcode"?'],
    ['expected partner (a key)', '      partners: { hallt: when-needed }', '5:19 partner "hallt" bestaat niet in het protocol', 'Bedoel je "halt"?'],
    ['partner of a task (a key)', '      tasks: { politei: { today: aangifte } }', '5:16 partner "politei" bestaat niet in het protocol', 'Bedoel je "politie"?'],
    ['rule set that must not apply', '      no-rules: [meldcodee]', '5:18 regelset "meldcodee" bestaat niet in het protocol', 'Bedoel je "meldcode"?'],
    // Without a close match the hint lists the ids, as long as there are few.
    ['partner without a close match', '      absent: [brandweer]', '5:16 partner "brandweer" bestaat niet in het protocol', 'Kies uit: politie, halt, cjg.'],
    ['rule set without a close match', '      rules: [schorsing]', '5:15 regelset "schorsing" bestaat niet in het protocol', 'Kies uit: meldcode.'],
  ])('%s', (_name, expectLines, message, hint) => {
    const found = check(expectLines);
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([message]);
    expect(found[0]).toMatchObject({ code: 'dangling-ref', severity: 'error', file: 'typo.yaml', hint });
  });

  it('an answered question that does not exist, at its key', () => {
    const found = check('      partners: { cjg: today }', '{ gevar: nee }');
    expect(found.map((d) => `${d.line}:${d.column} ${d.message} | ${d.hint}`)).toEqual(['3:16 vraag "gevar" bestaat niet in het protocol | Bedoel je "gevaar"?']);
  });

  it('reports every unknown id of a scenario, and nothing for ids that exist', () => {
    const found = check('      partners: { politie: immediate }\n      absent: [halt, cjgg]\n      rules: [meldcode]\n      no-rules: [halt]', '{ gevaar: ja }');
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '6:22 partner "cjgg" bestaat niet in het protocol',
      '8:18 regelset "halt" bestaat niet in het protocol',
    ]);
    expect(check('      partners: { politie: immediate }\n      absent: [halt, cjg]\n      rules: [meldcode]', '{ gevaar: ja }')).toEqual([]);
  });

  it('says so when the protocol has none of that kind', () => {
    const text = 'scenarios:\n  - { name: Geen, answers: { gevaar: ja }, expect: { no-rules: [halt] } }\n';
    const parsed = parseScenarioFiles([{ name: 'x.yaml', text, rel: 'x.yaml' }]);
    const found = checkScenarioIds({ ...protocol, rules: [] }, parsed.scenarios);
    expect(found.map((d) => `${d.message} | ${d.hint}`)).toEqual(['regelset "halt" bestaat niet in het protocol | Dit protocol heeft geen regelsets: haal "halt" weg.']);
  });

  it('with many ids and no close match, the hint says where to find them', () => {
    const text = 'scenarios:\n  - { name: Ver weg, answers: { xyzzy: ja }, expect: { absent: [xyzzy] } }\n';
    const parsed = parseScenarioFiles([{ name: 'x.yaml', text, rel: 'x.yaml' }]);
    expect(checkScenarioIds(shipped().protocol!, parsed.scenarios).map((d) => d.hint)).toEqual([
      'Neem de id van de vraag over uit de flow, of leg de wandeling vast met: convenant incident --save-scenario.',
      'Alle partners met hun id zie je met: convenant partners.',
    ]);
  });
});

// A partner renamed in the protocol (and in its flows) leaves the scenarios with the old id at every use.
describe('a partner renamed in the protocol but not in the scenarios', () => {
  /** Scenario files, the i-th with uses[i] scenarios that expect `partner`. */
  const scenarioFiles = (partner: string, uses: number[]) =>
    parseScenarioFiles(
      uses.map((n, i) => ({
        name: `s${i}.yaml`,
        rel: `s${i}.yaml`,
        text: `scenarios:\n${Array.from({ length: n }, (_, k) => `  - { name: Gevaar ${k}, answers: { gevaar: ja }, expect: { partners: { ${partner}: immediate } } }\n`).join('')}`,
      })),
    ).scenarios;
  const renamed = { ...protocol, partners: protocol.partners.map((p) => (p.id === 'politie' ? { ...p, id: 'politie-limburg' } : p)) };

  // One per file: `convenant test` skips a file with an error, and every such file must be skipped.
  it('is one error per scenario file, at its first use, with the new id to replace it by', () => {
    const found = checkScenarioIds(renamed, scenarioFiles('politie', [3, 1]));
    expect(found.map((d) => [`${d.file}:${d.line}:${d.column}`, d.message])).toEqual([
      ['s0.yaml:2:70', 'partner "politie" bestaat niet in het protocol; de scenario\'s noemen die id 4 keer, dit bestand 3 keer (dit is de eerste)'],
      ['s1.yaml:2:70', 'partner "politie" bestaat niet in het protocol; de scenario\'s noemen die id 4 keer, dit bestand 1 keer (dit is de eerste)'],
    ]);
    expect(found[0]!.hint).toBe(
      'Heet die partner in het protocol nu "politie-limburg"? Vervang dan "politie" overal in de scenario\'s door "politie-limburg" (zoeken en vervangen).',
    );
  });

  it('stays one error per use with fewer than 3 uses, or without a likely new id', () => {
    expect(checkScenarioIds(renamed, scenarioFiles('politie', [2])).map((d) => d.message)).toEqual(Array(2).fill('partner "politie" bestaat niet in het protocol'));
    expect(checkScenarioIds(protocol, scenarioFiles('brandweer', [3])).map((d) => d.message)).toEqual(Array(3).fill('partner "brandweer" bestaat niet in het protocol'));
  });
});
