// `explain`: every advice item that names a partner or rule gets the shortest walk that reaches it,
// and every walk replays through the engine to that very item.
import { describe, expect, it } from 'vitest';
import { answer, next, replay, start, type WalkState } from '../../src/engine/index.js';
import { explain, targetKindsOf } from '../../src/explain/explain.js';
import { searchWalks, shortestWalks } from '../../src/explain/shortest-walks.js';
import { adviceSites, sitesFor } from '../../src/explain/sites.js';
import { UNKNOWN, type Advice, type AnswerValue, type Protocol, type QuestionStep } from '../../src/model/index.js';
import { mini } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { FLOWS as V2_FLOWS } from '../engine/v2-fixture.js';

const record = (answers: readonly { step: string; value: AnswerValue }[]) => Object.fromEntries(answers.map((a) => [a.step, a.value]));
const reaches = (protocol: Protocol, answers: Record<string, AnswerValue>, item: Advice) => {
  const result = replay(protocol, answers);
  expect(result.problems.filter((p) => p.kind !== 'missing-answer')).toEqual([]);
  return result.state.collected.some((c) => c.advice === item);
};

describe('shortest walks on the shipped protocol', () => {
  const protocol = shipped().protocol!;
  const sites = adviceSites(protocol).filter((s) => 'partner' in s.advice || 'rule' in s.advice);
  const walks = shortestWalks(
    protocol,
    sites.map((s) => s.advice),
  );

  it('finds a walk for every partner and rule advice item in the protocol', () => {
    const missing = sites.filter((s) => !walks.has(s.advice)).map((s) => `${s.step.id} ${s.path.join('.')}`);
    expect(missing).toEqual([]);
    expect(sites.length).toBeGreaterThan(100);
  });

  it('every walk, replayed as an answers file, gives exactly that advice item', () => {
    for (const site of sites) {
      const walk = walks.get(site.advice)!;
      expect(reaches(protocol, record(walk.answers), site.advice), `${site.step.id} ${site.path.join('.')}`).toBe(true);
    }
  });

  it('walks start at the entry question and end with the step the advice sits on (or the answer that routes there, or settles it by a preset)', () => {
    for (const site of sites) {
      const walk = walks.get(site.advice)!;
      expect(walk.answers[0]!.step).toBe('acuut-gevaar');
      if (site.step.type === 'route') continue;
      // A question a preset settles is not asked: then the walk ends with the answer that leads there.
      const settled = replay(protocol, record(walk.answers)).state.answers.some((a) => a.step === site.step.id && a.inferred);
      if (!settled) expect(walk.answers.at(-1)!.step, `${site.step.id} ${site.path.join('.')}`).toBe(site.step.id);
      else expect(walk.answers.map((a) => a.step)).not.toContain(site.step.id);
    }
  });

  it('the "Bel 112" police advice needs one answer', () => {
    const site = sitesFor(protocol, 'partner', 'politie').find((s) => s.step.id === 'acuut-gevaar' && s.branch?.value === 'ja')!;
    expect(walks.get(site.advice)!.answers).toEqual([{ step: 'acuut-gevaar', value: 'ja' }]);
  });
});

describe('shortest walks are the shortest (mini fixture, checked by brute force)', () => {
  const protocol = mini();
  /** Every answer a question accepts, enumerated independently of the search's candidate choice. */
  const allAnswers = (step: QuestionStep): AnswerValue[] => {
    const out: AnswerValue[] = [];
    if (step.type === 'yes-no') out.push('ja', 'nee');
    if (step.type === 'choice') out.push(...step.options.map((o) => o.value));
    if (step.type === 'multi') {
      const values = step.options.map((o) => o.value);
      for (let mask = 0; mask < 1 << values.length; mask++) out.push(values.filter((_, i) => mask & (1 << i)));
    }
    if (step.type === 'number') for (let n = step.min; n <= step.max; n++) out.push(n);
    if (step.unknown) out.push(UNKNOWN);
    return out;
  };
  const minimalDepth = new Map<Advice, number>();
  const visit = (state: WalkState, depth: number) => {
    for (const c of state.collected) if (!minimalDepth.has(c.advice) || minimalDepth.get(c.advice)! > depth) minimalDepth.set(c.advice, depth);
    const q = next(state);
    if (q.kind === 'done') return;
    for (const value of allAnswers(q.step)) {
      const result = answer(state, value);
      if (result.ok) visit(result.state, depth + 1);
    }
  };
  visit(start(protocol), 0);

  it('matches the brute-force minimum for every partner and rule advice item', () => {
    const sites = adviceSites(protocol).filter((s) => 'partner' in s.advice || 'rule' in s.advice);
    const walks = shortestWalks(
      protocol,
      sites.map((s) => s.advice),
    );
    expect(sites).toHaveLength(5);
    for (const site of sites) {
      expect(walks.get(site.advice)?.answers.length, site.path.join('.')).toBe(minimalDepth.get(site.advice));
    }
  });

  it('satisfies advice conditions: the meldcode rule at age 12-17 only comes when there was danger', () => {
    const { ways } = explain(protocol, 'rule', 'meldcode');
    expect(ways.map((w) => w.walk && record(w.walk.answers))).toEqual([
      { gevaar: 'nee', soort: 'zorgen' },
      { gevaar: 'ja', soort: 'ruzie', leeftijd: 12 },
    ]);
  });

  it('satisfies route conditions and "not answered" conditions', () => {
    const politie = explain(protocol, 'partner', 'politie').ways.map((w) => record(w.walk!.answers));
    expect(politie).toEqual([{ gevaar: 'ja' }, { gevaar: 'nee', soort: 'ruzie', leeftijd: 12 }]);
    const zorgteam = explain(protocol, 'partner', 'zorgteam').ways.map((w) => record(w.walk!.answers));
    expect(zorgteam).toEqual([{ gevaar: 'nee', soort: 'zorgen', signalen: ['letsel'] }]);
  });

  it('reports no ways for a partner that is never advised, and knows when an id is both partner and rule', () => {
    expect(explain(protocol, 'partner', 'hulplijn').ways).toEqual([]);
    expect(targetKindsOf(shipped().protocol!, 'halt')).toEqual(['partner', 'rule']);
    expect(targetKindsOf(protocol, 'meldcode')).toEqual(['rule']);
    expect(targetKindsOf(protocol, 'niets')).toEqual([]);
  });

  it('leaves out an item no walk can reach (a condition that never holds)', () => {
    const item = adviceSites(protocol).find((s) => s.step.id === 'leeftijd')!.advice;
    const impossible: Protocol = {
      ...protocol,
      flows: protocol.flows.map((f) => ({
        ...f,
        steps: f.steps.map((s) =>
          s.id === 'leeftijd' && s.type === 'number'
            ? { ...s, ranges: s.ranges!.map((r) => (r.advice ? { ...r, advice: [{ ...item, when: { step: 'leeftijd', min: 40 } }] } : r)) }
            : s,
        ),
      })),
    };
    const ways = explain(impossible, 'rule', 'meldcode').ways;
    expect(ways).toHaveLength(2);
    expect(ways[0]!.walk).toBeDefined();
    expect(ways[1]!.walk).toBeUndefined();
  });
});

describe('shortest walks on incident model v2 (before, ask once, presets)', () => {
  const protocol = protocolFrom(V2_FLOWS);
  const sites = adviceSites(protocol);
  const walks = shortestWalks(
    protocol,
    sites.map((s) => s.advice),
  );

  it('reaches advice in a flow entered only by `before`, and every walk replays to its item', () => {
    const missing = sites.filter((s) => !walks.has(s.advice)).map((s) => `${s.step.id} ${s.path.join('.')}`);
    expect(missing).toEqual([]);
    for (const site of sites) expect(reaches(protocol, record(walks.get(site.advice)!.answers), site.advice)).toBe(true);
  });

  it('finds advice of a before-flow searched on its own; shortest through a preset-settled question', () => {
    const halt = sites.find((s) => 'partner' in s.advice && s.advice.partner === 'halt')!;
    // Shortest through "online", where a preset settles the perpetrator.
    expect(shortestWalks(protocol, [halt.advice]).get(halt.advice)?.answers).toEqual([
      { step: 'gevaar', value: 'nee' },
      { step: 'categorie', value: ['online'] },
      { step: 'leeftijd', value: 12 },
    ]);
  });

  it('never lists a step a preset settles as an answer to give', () => {
    for (const walk of walks.values()) {
      const { state } = replay(protocol, record(walk.answers));
      const settled = state.answers.filter((a) => a.inferred).map((a) => a.step);
      expect(walk.answers.map((a) => a.step).filter((id) => settled.includes(id))).toEqual([]);
    }
  });
});

describe('shortest walks through a multi question with many options', () => {
  // Ten categories: one or all ticked is tried for every search, pairs only for a few options. An item
  // that reads an answer from another category's flow needs those two ticked together (and not k0).
  const others = Array.from({ length: 8 }, (_, i) => `k${i}`);
  const protocol = protocolFrom(yaml`
    flows:
      - id: main
        title: Incident
        steps:
          - id: categorie
            type: multi
            question: Wat is er gebeurd?
            known: De melder weet wat er gebeurde.
            options:
              - { value: wapen, label: Wapen, call: wapen }
              - { value: ronselen, label: Ronselen, call: ronselen }
${others.map((k) => `              - { value: ${k}, label: Categorie ${k}, call: ${k} }`).join('\n')}
            next: end
      - id: wapen
        title: Wapen
        steps:
          # Ticking everything settles the knife as "nee": then only the two categories together reach the item.
          - { id: wapen-mes, type: yes-no, question: Is het een mes?, known: Dat zie je., preset: [{ when: { step: categorie, is: k0 }, answer: nee }], next: end }
      - id: ronselen
        title: Ronselen
        steps:
          - id: ronselen-thuis
            type: yes-no
            question: Kan de leerling veilig naar huis?
            known: Dat vraag je.
            no:
              next: end
              advice:
                - { partner: politie, urgency: immediate, task: Bel nu de politie over het mes en het ronselen, when: { step: wapen-mes, is: ja }, sources: [s1] }
            next: end
${others.map((k) => `      - { id: ${k}, title: Categorie ${k}, steps: [{ id: ${k}-vraag, type: yes-no, question: Vraag ${k}?, known: Dat weet je., next: end }] }`).join('\n')}
  `);

  it('ticks the two categories an item needs together, and the walk replays to it', () => {
    const item = adviceSites(protocol).find((s) => s.step.id === 'ronselen-thuis')!.advice;
    const walk = shortestWalks(protocol, [item]).get(item);
    expect(walk?.answers).toEqual([
      { step: 'categorie', value: ['wapen', 'ronselen'] },
      { step: 'wapen-mes', value: 'ja' },
      { step: 'ronselen-thuis', value: 'nee' },
    ]);
    expect(reaches(protocol, record(walk!.answers), item)).toBe(true);
  });
});

// `diff` searches the new version with the old version's result: a walk that still gives the item is
// kept (no search), one that no longer does is searched for again, and an item the old search stopped
// short of is not searched again.
describe('searching with the walks of another version', () => {
  const protocol = mini();
  const items = adviceSites(protocol).map((s) => s.advice);
  const fresh = searchWalks(protocol, items);
  const [kept, stale, skipped] = [...fresh.walks.keys()].filter((item) => fresh.walks.get(item)!.answers.length > 0);

  it('keeps a walk that still gives the item, searches again for one that does not, and skips what the other search could not reach', () => {
    expect(skipped).toBeDefined();
    const known = {
      walks: new Map([
        [kept!, fresh.walks.get(kept!)!],
        [stale!, { answers: [] }],
      ]),
      limited: new Set([skipped!]),
    };
    const result = searchWalks(protocol, items, undefined, known);
    expect(result.walks.get(kept!)).toBe(known.walks.get(kept!));
    expect(result.walks.get(stale!)).toEqual(fresh.walks.get(stale!));
    expect(result.walks.has(skipped!)).toBe(false);
    expect(result.limited.has(skipped!)).toBe(true);
  });
});
