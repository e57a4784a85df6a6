// Duplicate ids and references to things that do not exist, each located at the offending key.
import { compareDiagnostics, sharesWords, suggest, type Diagnostic } from '../diagnostics/index.js';
import { adviceListsOf, branchesOf, callsOf, conditionsOf, END, factsOf, type Protocol } from '../model/index.js';
import { normaliseAnswer } from '../engine/walk.js';
import { clip } from './clip.js';
import type { SourceMap } from './source-map.js';

type Kind = 'bron' | 'partner' | 'regelset' | 'flow' | 'stap' | 'checklist-onderdeel';

export function checkReferences(protocol: Protocol, sourceMap: SourceMap, brokenIds: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];

  /** Each kind's items by id (the first of duplicates), to point at a definition. */
  const definitions = new Map<Kind, Map<string, object>>();
  const index = (kind: Kind, items: readonly { id: string }[]): Set<string> => {
    const seen = new Map<string, object>();
    definitions.set(kind, seen);
    for (const item of items) {
      const first = seen.get(item.id);
      if (first) {
        const where = sourceMap.locate(first);
        out.push({
          code: 'duplicate-id',
          severity: 'error',
          ...sourceMap.locate(item, 'id'),
          message: `${kind} "${clip(item.id)}" bestaat al (${where.file}:${where.line})`,
          hint: 'Geef elk onderdeel een eigen id; ids zijn uniek in de hele protocolmap.',
        });
      } else {
        seen.set(item.id, item);
      }
    }
    return new Set(seen.keys());
  };

  const sources = index('bron', protocol.sources);
  const partners = index('partner', protocol.partners);
  const rules = index('regelset', protocol.rules);
  const flows = index('flow', protocol.flows);
  const steps = index(
    'stap',
    protocol.flows.flatMap((f) => f.steps),
  );
  index(
    'checklist-onderdeel',
    protocol.checklist.flatMap((s) => [s, ...s.items]),
  );

  // Which flow each step is in: a `next` to another flow's step, or a `call` to a step, says so.
  const flowOfStep = new Map<string, string>();
  for (const flow of protocol.flows) for (const step of flow.steps) if (!flowOfStep.has(step.id)) flowOfStep.set(step.id, flow.id);
  /** The finding for a `next` or `call` that names the wrong kind of thing; undefined when it names nothing known. */
  const misdirected = (role: 'next' | 'call', id: string, owner: object, key: string | number): Diagnostic | undefined => {
    const at = { code: 'dangling-ref' as const, severity: 'error' as const, ...sourceMap.locate(owner, key) };
    const stepFlow = flowOfStep.get(id);
    if (role === 'next' && stepFlow !== undefined) {
      return {
        ...at,
        message: `next: "${clip(id)}" is een stap in flow "${clip(stepFlow)}"; next gaat alleen naar een stap in dezelfde flow`,
        hint: `Roep die flow aan met "call: ${clip(stepFlow)}" (daarna gaat de hulp hier verder), of verwijs naar een stap in deze flow.`,
      };
    }
    if (role === 'next' && flows.has(id)) {
      return {
        ...at,
        message: `next: "${clip(id)}" is een flow, geen stap; next gaat naar een stap in dezelfde flow`,
        hint: `Ga naar een andere flow met "call: ${clip(id)}".`,
      };
    }
    if (role === 'call' && stepFlow !== undefined) {
      return {
        ...at,
        message: `call: "${clip(id)}" is een stap (in flow "${clip(stepFlow)}"), geen flow; call roept een hele flow aan`,
        hint: `Roep de flow aan met "call: ${clip(stepFlow)}", of gebruik "next: ${clip(id)}" als de stap in deze flow staat.`,
      };
    }
    return undefined;
  };

  // References to a kind the protocol has none of (an emptied partners.yaml): one finding, not hundreds.
  const noneOfKind = new Map<Kind, { count: number; first: ReturnType<SourceMap['locate']> }>();
  // Ids that are referenced (per kind), and the references to unknown source, partner and rule set
  // ids, grouped by id: when many name one old id and its new one is used nowhere, that definition
  // was renamed (one error, there; see below). Not for flows and steps: a start flow or first step is
  // rightly used nowhere, so an unused look-alike says nothing.
  const used = new Set<string>();
  const unknownRefs = new Map<string, { kind: Kind; id: string; guess: string | undefined; places: Diagnostic[] }>();
  const ref = (kind: Kind, known: ReadonlySet<string>, id: string, owner: object, key: string | number, role?: 'next' | 'call') => {
    if (known.has(id)) return void used.add(`${kind}\0${id}`);
    if (brokenIds.has(id)) return;
    const wrongKind = role && misdirected(role, id, owner, key);
    if (wrongKind) return void out.push(wrongKind);
    if (known.size === 0 && kind !== 'stap') {
      const seen = noneOfKind.get(kind);
      if (seen) seen.count++;
      else noneOfKind.set(kind, { count: 1, first: sourceMap.locate(owner, key) });
      return;
    }
    const guess = suggest(id, known);
    const finding: Diagnostic = {
      code: 'dangling-ref',
      severity: 'error',
      ...sourceMap.locate(owner, key),
      message: `${kind} "${clip(id)}" bestaat niet`,
      hint: guess ? `Bedoel je "${guess}"?` : `Maak ${kind} "${clip(id)}" aan of verwijs naar een bestaande.`,
    };
    if (!RENAMEABLE.has(kind)) return void out.push(finding);
    const group = unknownRefs.get(`${kind}\0${id}`);
    if (group) group.places.push(finding);
    else unknownRefs.set(`${kind}\0${id}`, { kind, id, guess, places: [finding] });
  };
  const refSources = (owner: { sources?: string[] }) => owner.sources?.forEach((id, i) => ref('bron', sources, id, owner.sources!, i));

  ref('flow', flows, protocol.meta.start, protocol.meta, 'start');
  refSources(protocol.meta);
  const context = protocol.meta.context;
  if (context) for (const [role, id] of Object.entries(context)) if (id !== undefined) ref('stap', steps, id, context, role);
  for (const p of protocol.partners) p.duties?.forEach(refSources);
  protocol.rules.forEach(refSources);
  for (const section of protocol.checklist) {
    for (const item of section.items) {
      refSources(item);
      item.partners?.forEach((id, i) => ref('partner', partners, id, item.partners!, i));
    }
  }

  for (const flow of protocol.flows) {
    const local = new Set(flow.steps.map((s) => s.id));
    if (flow.start) ref('stap', local, flow.start, flow, 'start');
    flow.before?.forEach((id, i) => ref('flow', flows, id, flow.before!, i));
    for (const step of flow.steps) {
      if ('next' in step && step.next && step.next !== END) ref('stap', local, step.next, step, 'next', 'next');
      const values = new Set<string>();
      for (const b of branchesOf(step)) {
        const branch = b.branch;
        if ('next' in branch && branch.next && branch.next !== END) ref('stap', local, branch.next, branch, 'next', 'next');
        const calls = callsOf(branch);
        calls.forEach((id, i) => ref('flow', flows, id, typeof branch.call === 'string' ? branch : branch.call!, typeof branch.call === 'string' ? 'call' : i, 'call'));
        if (b.value !== undefined && (step.type === 'choice' || step.type === 'multi')) {
          if (values.has(b.value)) {
            out.push({
              code: 'duplicate-id',
              severity: 'error',
              ...sourceMap.locate(branch, 'value'),
              message: `optie "${clip(b.value)}" staat twee keer in stap "${clip(step.id)}"`,
              hint: 'Geef elke optie van een vraag een eigen waarde.',
            });
          }
          values.add(b.value);
        }
      }
      for (const list of adviceListsOf(step)) {
        for (const advice of list.advice) {
          refSources(advice);
          if ('partner' in advice) ref('partner', partners, advice.partner, advice, 'partner');
          if ('rule' in advice) ref('regelset', rules, advice.rule, advice, 'rule');
        }
      }
      const noNumbers = step.type === 'number' && step.min > step.max;
      if (noNumbers) {
        // A loader error, not only an analysis finding: the wizard (which does not analyse) would
        // otherwise show a question nobody can answer. It is the one cause: its presets, ranges and
        // the conditions on it are not blamed as well.
        out.push({
          code: 'invalid-value',
          severity: 'error',
          ...sourceMap.locate(step, 'min'),
          message: `stap "${clip(step.id)}" heeft min ${step.min} en max ${step.max}: geen enkel getal is een geldig antwoord`,
          hint: 'Draai min en max om.',
        });
      }
      if (step.type !== 'route' && !noNumbers) {
        for (const preset of step.preset ?? []) {
          const checked = normaliseAnswer(step, preset.answer);
          if (checked.ok) continue;
          out.push({
            code: 'invalid-value',
            severity: 'error',
            ...sourceMap.locate(preset, 'answer'),
            message: `dit vaste antwoord (preset) past niet bij vraag "${clip(step.id)}": ${checked.message}`,
            hint: 'Geef als answer een antwoord dat de vraag zelf ook accepteert.',
          });
        }
      }
      for (const { condition } of conditionsOf(step)) {
        for (const fact of factsOf(condition)) ref('stap', steps, fact.step, fact, 'step');
      }
    }
  }
  // Per look-alike: how many unknown ids point at it. Two different ones are not one rename.
  const pointing = new Map<string, number>();
  for (const { kind, guess } of unknownRefs.values()) if (guess) pointing.set(`${kind}\0${guess}`, (pointing.get(`${kind}\0${guess}`) ?? 0) + 1);
  const renamedTo = new Map<string, string>();
  for (const [key, { kind, guess, places }] of unknownRefs) {
    if (places.length < MIN_RENAMED_USES || !guess || used.has(`${kind}\0${guess}`) || pointing.get(`${kind}\0${guess}`)! > 1) continue;
    renamedTo.set(key, guess);
  }
  // A new id that is no look-alike of the old one (politie → politie-limburg): a rename when the old
  // id, used 3 or more times, has exactly one candidate among the kind's unused definitions, the one
  // that keeps the old id's words, and no other old id has it as its candidate. An unused definition
  // with other words is as likely one not yet used (a source added for later) as a renamed one:
  // anything less clear stays one error per use.
  for (const kind of RENAMEABLE) {
    const unused = [...(definitions.get(kind)?.keys() ?? [])].filter((id) => !used.has(`${kind}\0${id}`) && !pointing.has(`${kind}\0${id}`));
    const candidates = new Map<string, string>();
    const claims = new Map<string, number>();
    for (const [key, g] of unknownRefs) {
      if (g.kind !== kind || g.guess || g.places.length < MIN_RENAMED_USES) continue;
      const related = unused.filter((id) => sharesWords(id, g.id));
      if (related.length !== 1) continue;
      const candidate = related[0]!;
      candidates.set(key, candidate);
      claims.set(candidate, (claims.get(candidate) ?? 0) + 1);
    }
    for (const [key, candidate] of candidates) if (claims.get(candidate) === 1) renamedTo.set(key, candidate);
  }
  for (const [key, { kind, id, places }] of unknownRefs) {
    const newId = renamedTo.get(key);
    if (newId === undefined) {
      out.push(...places);
      continue;
    }
    const first = [...places].sort(compareDiagnostics)[0]!;
    out.push({
      code: 'dangling-ref',
      severity: 'error',
      ...sourceMap.locate(definitions.get(kind)!.get(newId)!, 'id'),
      message: `${kind} "${clip(newId)}" wordt nergens gebruikt, maar ${places.length} verwijzingen noemen "${clip(id)}" (de eerste: ${first.file}:${first.line})`,
      hint: `Is de id hier veranderd? Zet hem terug naar "${clip(id)}", of pas alle ${places.length} verwijzingen aan.`,
    });
  }
  for (const [kind, { count, first }] of noneOfKind) {
    out.push({
      code: 'dangling-ref',
      severity: 'error',
      ...first,
      message: `het protocol heeft geen enkele ${kind}, maar verwijst ${count === 1 ? 'hier' : `${count} keer (de eerste keer hier)`} naar een ${kind}`,
      hint: `Staan de ${KIND_PLURAL[kind]} in een bestand dat leeg is of niet gelezen kon worden? Zet ze terug (bijvoorbeeld met "git diff" of "git checkout").`,
    });
  }
  return out;
}

const RENAMEABLE: ReadonlySet<Kind> = new Set(['bron', 'partner', 'regelset']);
/** Three or more uses of one old id: the same slip twice is as likely a copied typo as a rename. */
export const MIN_RENAMED_USES = 3;

const KIND_PLURAL: Record<Kind, string> = {
  bron: 'bronnen',
  partner: 'partners',
  regelset: 'regelsets',
  flow: 'flows',
  stap: 'stappen',
  'checklist-onderdeel': 'checklist-onderdelen',
};
