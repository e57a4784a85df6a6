// Merging partner advice with an urgency per task: a partner once, each task once under its own
// urgency, `key` tasks merged with the most urgent one winning, the same text always one task.
import { describe, expect, it } from 'vitest';
import { adviceOf, immediateSoFar, replay } from '../../src/engine/index.js';
import { renderAdviceJson } from '../../src/render/advice-json.js';
import { expectAdviceContract } from '../helpers/advice-contract.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';

interface Given {
  task: string;
  urgency: string;
  key?: string;
  reason?: string;
  source?: string;
  priority?: number;
}

/**
 * A multi step whose ticked options each give one advice item (written as YAML flow mappings), in
 * this order, as combined categories do; replayed with every option ticked.
 */
function adviseEachOption(items: readonly string[]) {
  const options = items.map((advice, i) => `          - { value: o${i}, label: O${i}, advice: [${advice}] }`).join('\n');
  const p = protocolFrom(
    `${yaml`
    flows:
      - id: main
        title: Hoofd
        steps:
          - id: a
            type: multi
            question: Wat geldt?
            known: Test
            next: end
            options:
  `}\n${options}\n`,
  );
  const { state, problems } = replay(p, { a: items.map((_, i) => `o${i}`) });
  expect(problems).toEqual([]);
  return { advice: adviceOf(state), state };
}

/** The optional fields of one advice item, as YAML flow-mapping entries. */
const optional = (fields: Record<string, string | number | undefined>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `, ${k}: ${typeof v === 'string' && k === 'reason' ? `"${v}"` : v}`)
    .join('');

/** Each ticked option advises the police once, in this order. */
const adviseInOrder = (items: readonly Given[]) =>
  adviseEachOption(
    items.map(
      (g) => `{ partner: politie, urgency: ${g.urgency}, task: "${g.task}"${optional({ key: g.key, reason: g.reason, priority: g.priority })}, sources: [${g.source ?? 's1'}] }`,
    ),
  );

describe('partner tasks keep their own urgency', () => {
  it.each([
    {
      name: 'two tasks of different urgency: both, most urgent first; the partner as urgent as its most urgent task',
      given: [
        { task: 'Doe aangifte', urgency: 'today' },
        { task: 'Bel 112', urgency: 'immediate' },
      ],
      tasks: [
        ['Bel 112', 'immediate'],
        ['Doe aangifte', 'today'],
      ],
      partner: 'immediate',
    },
    {
      name: 'the same text twice at two urgencies: one task, the more urgent',
      given: [
        { task: 'Meld het bij de politie', urgency: 'today' },
        { task: 'Meld het bij de politie', urgency: 'immediate' },
      ],
      tasks: [['Meld het bij de politie', 'immediate']],
      partner: 'immediate',
    },
    {
      name: 'one key, two texts: the most urgent text, reason and urgency win',
      given: [
        { task: 'Meld vandaag, geen spoed', urgency: 'today', key: 'melden', reason: 'Geen spoed' },
        { task: 'Meld nu via 112', urgency: 'immediate', key: 'melden', reason: 'Acuut gevaar', source: 's2' },
      ],
      tasks: [['Meld nu via 112', 'immediate']],
      partner: 'immediate',
      reasons: ['Acuut gevaar'],
      sources: ['s1', 's2'],
    },
    {
      name: 'one key, the urgent one first: a later, less urgent text does not replace it',
      given: [
        { task: 'Meld nu via 112', urgency: 'immediate', key: 'melden', reason: 'Acuut gevaar' },
        { task: 'Meld vandaag, geen spoed', urgency: 'today', key: 'melden', reason: 'Geen spoed', source: 's2' },
      ],
      tasks: [['Meld nu via 112', 'immediate']],
      partner: 'immediate',
      reasons: ['Acuut gevaar'],
      sources: ['s1', 's2'],
    },
    {
      name: 'one key at one urgency: the first text, both reasons',
      given: [
        { task: 'Doe aangifte', urgency: 'today', key: 'aangifte', reason: 'Strafbaar feit' },
        { task: 'Doe aangifte via 0900-8844', urgency: 'today', key: 'aangifte', reason: 'Schade' },
      ],
      tasks: [['Doe aangifte', 'today']],
      partner: 'today',
      reasons: ['Strafbaar feit', 'Schade'],
    },
    {
      name: 'different keys with the same text: one task, the more urgent (the same text is one task)',
      given: [
        { task: 'Overleg', urgency: 'this-week', key: 'a' },
        { task: 'Overleg', urgency: 'today', key: 'b' },
      ],
      tasks: [['Overleg', 'today']],
      partner: 'today',
    },
    {
      name: 'a keyed and an unkeyed advice with the same text: one task (npm run fuzz found "Bel" listed twice)',
      given: [
        { task: 'Bel', urgency: 'immediate', key: 'k', reason: 'Omdat' },
        { task: 'Bel', urgency: 'immediate', reason: 'Omdat' },
      ],
      tasks: [['Bel', 'immediate']],
      partner: 'immediate',
      reasons: ['Omdat'],
    },
    {
      name: 'a text shared with a keyed task joins the key: the most urgent text of the key wins',
      given: [
        { task: 'Meld vandaag', urgency: 'today', key: 'melden' },
        { task: 'Meld vandaag', urgency: 'today', source: 's2' },
        { task: 'Bel 112', urgency: 'immediate', key: 'melden' },
      ],
      tasks: [['Bel 112', 'immediate']],
      partner: 'immediate',
      sources: ['s1', 's2'],
    },
    {
      name: 'a key that happens to equal the text of another task does not join it',
      given: [
        { task: 'melden', urgency: 'today' },
        { task: 'Bel 112', urgency: 'immediate', key: 'melden' },
      ],
      tasks: [
        ['Bel 112', 'immediate'],
        ['melden', 'today'],
      ],
      partner: 'immediate',
    },
  ])('$name', ({ given, tasks, partner, reasons, sources }) => {
    const { advice } = adviseInOrder(given);
    expect(advice.partners).toHaveLength(1);
    const police = advice.partners[0]!;
    expect(police.taskItems.map((t) => [t.text, t.urgency])).toEqual(tasks);
    expect(police.tasks).toEqual(tasks.map(([text]) => text));
    expect(police.urgency).toBe(partner);
    if (reasons) expect(police.reasons).toEqual(reasons);
    if (sources) expect(police.taskItems[0]!.sources).toEqual(sources);
  });
});

describe('the same task text under a key and without one', () => {
  // The counterexample `npm run fuzz` shrank to (test/hostile/fuzz.test.ts, seed 20251001): one
  // step advising a partner the same task twice, once with a key. The JSON listed the task twice.
  it('is one task in the advice JSON, which keeps the contract', () => {
    const protocol = protocolFrom(yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - id: a
              type: yes-no
              question: Is er iets gebeurd?
              advice:
                - { partner: politie, urgency: immediate, task: Meld, key: k, sources: [s1] }
                - { partner: politie, urgency: immediate, task: Meld, sources: [s1] }
              yes: { next: end }
              no: { next: end }
    `);
    const { state, problems } = replay(protocol, { a: 'ja' });
    expect(problems).toEqual([]);
    const doc = expectAdviceContract(renderAdviceJson({ advice: adviceOf(state), protocol, sha256: '0'.repeat(64), generated: new Date(0) }));
    expect(doc.partners.map((p) => [p.id, p.tasks])).toEqual([['politie', ['Meld']]]);
  });
});

describe('immediateSoFar', () => {
  it('lists the immediate advice collected so far, actions before partner tasks', () => {
    const { state } = adviseInOrder([
      { task: 'Doe aangifte', urgency: 'today' },
      { task: 'Bel 112', urgency: 'immediate' },
    ]);
    expect(immediateSoFar(state)).toEqual(['Bel 112']);
  });

  it('is empty when nothing immediate was advised', () => {
    const { state } = adviseInOrder([{ task: 'Doe aangifte', urgency: 'today' }]);
    expect(immediateSoFar(state)).toEqual([]);
  });
});

interface GivenAction {
  action: string;
  urgency: string;
  key?: string;
  order?: number;
  source?: string;
  priority?: number;
}

/** Each ticked option advises one school action, in this order (as combined categories do). */
const actInOrder = (items: readonly GivenAction[]) =>
  adviseEachOption(
    items.map((g) => `{ action: "${g.action}", urgency: ${g.urgency}${optional({ key: g.key, order: g.order, priority: g.priority })}, sources: [${g.source ?? 's1'}] }`),
  );

describe('school actions with a key', () => {
  it.each([
    {
      name: 'two texts with one key: one action, the first text at equal urgency',
      given: [
        { action: 'Praat apart met slachtoffer, dader en getuigen', urgency: 'today', key: 'gesprekken' },
        { action: 'Praat apart met de gepeste leerling', urgency: 'today', key: 'gesprekken', source: 's2' },
      ],
      actions: [['Praat apart met slachtoffer, dader en getuigen', 'today']],
      sources: ['s1', 's2'],
    },
    {
      name: 'two texts with one key at two urgencies: the more urgent text and urgency',
      given: [
        { action: 'Informeer de ouders van de gepeste leerling', urgency: 'this-week', key: 'ouders' },
        { action: 'Informeer vandaag de ouders', urgency: 'today', key: 'ouders' },
      ],
      actions: [['Informeer vandaag de ouders', 'today']],
    },
    {
      name: 'different keys: two actions, even with texts that look alike',
      given: [
        { action: 'Informeer de ouders', urgency: 'today', key: 'a' },
        { action: 'Informeer de ouders van de dader', urgency: 'today', key: 'b' },
      ],
      actions: [
        ['Informeer de ouders', 'today'],
        ['Informeer de ouders van de dader', 'today'],
      ],
    },
    {
      name: 'the same text once with a key and once without: one action',
      given: [
        { action: 'Registreer het incident', urgency: 'this-week', key: 'registreren' },
        { action: 'Registreer het incident', urgency: 'today' },
      ],
      actions: [['Registreer het incident', 'today']],
    },
    {
      name: 'a text shared with a keyed action joins the key: the most urgent text of the key wins',
      given: [
        { action: 'Praat vandaag', urgency: 'today', key: 'k' },
        { action: 'Praat vandaag', urgency: 'today' },
        { action: 'Praat nu', urgency: 'immediate', key: 'k' },
      ],
      actions: [['Praat nu', 'immediate']],
    },
    {
      name: 'without keys different texts stay apart',
      given: [
        { action: 'Bel 112', urgency: 'immediate' },
        { action: 'Haal iedereen binnen', urgency: 'immediate' },
      ],
      actions: [
        ['Bel 112', 'immediate'],
        ['Haal iedereen binnen', 'immediate'],
      ],
    },
  ])('$name', ({ given, actions, sources }) => {
    const { advice } = actInOrder(given);
    expect(advice.actions.map((a) => [a.text, a.urgency])).toEqual(actions);
    if (sources) expect(advice.actions[0]!.sources).toEqual(sources);
  });

  it('keeps the lowest order of the merged actions', () => {
    const { advice } = actInOrder([
      { action: 'Bel de ouders', urgency: 'today', key: 'ouders', order: 50 },
      { action: 'Schrijf op wat er gebeurde', urgency: 'today', order: 20 },
      { action: 'Informeer de ouders', urgency: 'today', key: 'ouders', order: 10 },
    ]);
    expect(advice.actions.map((a) => [a.text, a.order])).toEqual([
      ['Bel de ouders', 10],
      ['Schrijf op wat er gebeurde', 20],
    ]);
  });

  it('shows a key once under "Nu direct" too', () => {
    const { state } = actInOrder([
      { action: 'Bel 112', urgency: 'immediate', key: 'alarm' },
      { action: 'Bel 112 en zeg dat er een wapen is', urgency: 'immediate', key: 'alarm' },
      { action: 'Haal iedereen binnen', urgency: 'immediate' },
    ]);
    expect(immediateSoFar(state)).toEqual(['Bel 112', 'Haal iedereen binnen']);
  });
});

describe('priority within a key', () => {
  it.each([
    {
      name: 'at equal urgency the higher priority gives the text and the reason, whatever came first',
      given: [
        { task: 'Bel 112 en vertel wat er gebeurt', urgency: 'immediate', key: 'nu', reason: 'Gevaar', priority: -1 },
        { task: 'Bel 112 en meld dat een kind vermist is', urgency: 'immediate', key: 'nu', reason: 'Vermist' },
      ],
      tasks: [['Bel 112 en meld dat een kind vermist is', 'immediate']],
      reasons: ['Vermist'],
    },
    {
      name: 'urgency still goes first: a more urgent task wins over a higher priority',
      given: [
        { task: 'Meld nu', urgency: 'immediate', key: 'melden' },
        { task: 'Meld vandaag met naam', urgency: 'today', key: 'melden', priority: 5 },
      ],
      tasks: [['Meld nu', 'immediate']],
      reasons: [],
    },
    {
      name: 'equal priority: the first text, the reasons of both',
      given: [
        { task: 'Doe aangifte', urgency: 'today', key: 'a', reason: 'Een', priority: 1 },
        { task: 'Doe aangifte via 0900-8844', urgency: 'today', key: 'a', reason: 'Twee', priority: 1 },
      ],
      tasks: [['Doe aangifte', 'today']],
      reasons: ['Een', 'Twee'],
    },
  ])('$name', ({ given, tasks, reasons }) => {
    const { advice } = adviseInOrder(given);
    expect(advice.partners[0]!.taskItems.map((t) => [t.text, t.urgency])).toEqual(tasks);
    expect(advice.partners[0]!.taskItems[0]!.reasons).toEqual(reasons);
  });

  it('works for school actions, also under "Nu direct"', () => {
    const { advice, state } = actInOrder([
      { action: 'Informeer vandaag de ouders', urgency: 'today', key: 'ouders' },
      { action: 'Informeer de ouders niet zelf: overleg eerst met Veilig Thuis', urgency: 'today', key: 'ouders', priority: 1 },
      { action: 'Is er gevaar? Bel 112.', urgency: 'immediate', key: 'alarm' },
      { action: 'Bel 112.', urgency: 'immediate', key: 'alarm', priority: 1 },
    ]);
    expect(advice.actions.map((a) => a.text)).toEqual(['Bel 112.', 'Informeer de ouders niet zelf: overleg eerst met Veilig Thuis']);
    expect(immediateSoFar(state)).toEqual(['Bel 112.']);
  });
});

describe('long lists of advice (many categories at once)', () => {
  it('merge by key and by text as short ones do', () => {
    // 40 actions: every fifth shares the key "k", the others come in pairs of equal text.
    const given = Array.from({ length: 40 }, (_, i) =>
      i % 5 === 0 ? { action: `Sleutel ${i}`, urgency: 'today', key: 'k' } : { action: `Tekst ${Math.floor(i / 2)}`, urgency: 'today' },
    );
    const { advice } = actInOrder(given);
    const texts = advice.actions.map((a) => a.text);
    expect(texts.filter((t) => t.startsWith('Sleutel'))).toEqual(['Sleutel 0']);
    expect(new Set(texts).size).toBe(texts.length);
    // Pairs: i = 2m and 2m+1 share "Tekst m" unless one of them is a key item.
    expect(texts).toContain('Tekst 1');
    expect(texts.length).toBeLessThan(40);
  });
});
