// Ids a scenario names (answered questions, expected and absent partners, rule sets) that the
// protocol does not have, each located at the id in the scenario file. Such a typo would make an
// expectation vacuous (an unknown partner is never advised, so always "absent") or its failure
// misleading ("not applicable" for a rule set that does not exist): a mistake in the scenario file,
// like a dangling reference in the protocol (references.ts).
import { compareDiagnostics, sharesWords, suggest, type Diagnostic } from '../diagnostics/index.js';
import type { Protocol } from '../model/core.js';
import { clip } from './clip.js';
import { MIN_RENAMED_USES } from './references.js';
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
  // Unknown partner and rule set ids, by id: a partner renamed in the protocol leaves every scenario
  // that names it with the old id, one finding per use (grouped below).
  const unknown = new Map<string, { kind: Kind; id: string; places: Diagnostic[] }>();
  for (const { scenario, locate } of scenarios) {
    const check = (kind: Kind, id: string, path: (string | number)[], atKey: boolean) => {
      if (kind.known.has(id)) return;
      const finding: Diagnostic = {
        code: 'dangling-ref',
        severity: 'error',
        ...locate(path, atKey),
        message: `${kind.name} "${clip(id)}" bestaat niet in het protocol`,
        hint: hintFor(kind, id),
      };
      if (kind === question) return void out.push(finding);
      const key = `${kind.name}\0${id}`;
      const group = unknown.get(key);
      if (group) group.places.push(finding);
      else unknown.set(key, { kind, id, places: [finding] });
    };
    for (const id of Object.keys(scenario.answers)) check(question, id, ['answers', id], true);
    const expect = scenario.expect;
    for (const id of Object.keys(expect.partners ?? {})) check(partner, id, ['expect', 'partners', id], true);
    for (const id of Object.keys(expect.tasks ?? {})) check(partner, id, ['expect', 'tasks', id], true);
    expect.absent?.forEach((id, i) => check(partner, id, ['expect', 'absent', i], false));
    expect.rules?.forEach((id, i) => check(rule, id, ['expect', 'rules', i], false));
    expect['no-rules']?.forEach((id, i) => check(rule, id, ['expect', 'no-rules', i], false));
  }
  for (const { kind, id, places } of unknown.values()) {
    const newId = places.length >= MIN_RENAMED_USES ? renamedTo(kind, id) : undefined;
    if (newId === undefined) {
      out.push(...places);
      continue;
    }
    // One error per scenario file, not per use: `convenant test` skips every file with an error, so
    // each file that names the old id must get one.
    const byFile = new Map<string, Diagnostic[]>();
    for (const place of [...places].sort(compareDiagnostics)) {
      const list = byFile.get(place.file);
      if (list) list.push(place);
      else byFile.set(place.file, [place]);
    }
    for (const inFile of byFile.values()) {
      out.push({
        ...inFile[0]!,
        message: `${kind.name} "${clip(id)}" bestaat niet in het protocol; de scenario's noemen die id ${places.length} keer, dit bestand ${inFile.length} keer (dit is de eerste)`,
        hint: `Heet die ${kind.name} in het protocol nu "${newId}"? Vervang dan "${clip(id)}" overal in de scenario's door "${newId}" (zoeken en vervangen).`,
      });
    }
  }
  return out;
}

/** The id an old id was probably renamed to: a look-alike, or the one known id that keeps its words. */
function renamedTo(kind: Kind, id: string): string | undefined {
  const close = suggest(id, kind.known);
  if (close) return close;
  const related = [...kind.known].filter((known) => sharesWords(known, id));
  return related.length === 1 ? related[0] : undefined;
}

function hintFor(kind: Kind, id: string): string {
  const close = suggest(id, kind.known);
  if (close) return `Bedoel je "${close}"?`;
  if (kind.known.size === 0) return `Dit protocol heeft geen ${kind.plural}: haal "${clip(id)}" weg.`;
  if (kind.known.size <= MAX_LISTED) return `Kies uit: ${[...kind.known].join(', ')}.`;
  return `${kind.findIt}.`;
}
