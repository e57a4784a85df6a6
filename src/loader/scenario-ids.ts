// Ids a scenario names (answered questions, expected and absent partners, rule sets) that the
// protocol does not have, each located at the id in the scenario file. Such a typo would make an
// expectation vacuous (an unknown partner is never advised, so always "absent") or its failure
// misleading ("not applicable" for a rule set that does not exist): a mistake in the scenario file,
// like a dangling reference in the protocol (references.ts).
import { suggest, type Diagnostic } from '../diagnostics/index.js';
import type { Protocol } from '../model/core.js';
import { clip } from './clip.js';
import type { LocatedScenario } from './scenarios.js';

/** Up to this many ids, a hint without a close match lists them all. */
const MAX_LISTED = 12;

interface Kind {
  /** What the id names, as in the message: `partner "x" bestaat niet in het protocol`. */
  name: string;
  /** The plural, for a protocol that has none. */
  plural: string;
  known: ReadonlySet<string>;
  /** How to find the right id when there are too many to list. */
  findIt: string;
}

export function checkScenarioIds(protocol: Protocol, scenarios: readonly LocatedScenario[]): Diagnostic[] {
  const partner: Kind = {
    name: 'partner',
    plural: 'partners',
    known: new Set(protocol.partners.map((p) => p.id)),
    findIt: 'Alle partners met hun id zie je met: convenant partners',
  };
  const rule: Kind = {
    name: 'regelset',
    plural: 'regelsets',
    known: new Set(protocol.rules.map((r) => r.id)),
    findIt: 'Neem de id over van een regelset onder "rules:" in het protocol',
  };
  const question: Kind = {
    name: 'vraag',
    plural: 'vragen',
    known: new Set(protocol.flows.flatMap((f) => f.steps.filter((s) => s.type !== 'route').map((s) => s.id))),
    findIt: 'Neem de id van de vraag over uit de flow, of leg de wandeling vast met: convenant incident --save-scenario',
  };

  const out: Diagnostic[] = [];
  for (const { scenario, locate } of scenarios) {
    const check = (kind: Kind, id: string, path: (string | number)[], atKey: boolean) => {
      if (kind.known.has(id)) return;
      out.push({
        code: 'dangling-ref',
        severity: 'error',
        ...locate(path, atKey),
        message: `${kind.name} "${clip(id)}" bestaat niet in het protocol`,
        hint: hintFor(kind, id),
      });
    };
    for (const id of Object.keys(scenario.answers)) check(question, id, ['answers', id], true);
    const expect = scenario.expect;
    for (const id of Object.keys(expect.partners ?? {})) check(partner, id, ['expect', 'partners', id], true);
    for (const id of Object.keys(expect.tasks ?? {})) check(partner, id, ['expect', 'tasks', id], true);
    expect.absent?.forEach((id, i) => check(partner, id, ['expect', 'absent', i], false));
    expect.rules?.forEach((id, i) => check(rule, id, ['expect', 'rules', i], false));
    expect['no-rules']?.forEach((id, i) => check(rule, id, ['expect', 'no-rules', i], false));
  }
  return out;
}

function hintFor(kind: Kind, id: string): string {
  const close = suggest(id, kind.known);
  if (close) return `Bedoel je "${close}"?`;
  if (kind.known.size === 0) return `Dit protocol heeft geen ${kind.plural}: haal "${clip(id)}" weg.`;
  if (kind.known.size <= MAX_LISTED) return `Kies uit: ${[...kind.known].join(', ')}.`;
  return `${kind.findIt}.`;
}
