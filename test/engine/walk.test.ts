import { describe, expect, it } from 'vitest';
import { adviceOf, answer, back, next, replay, start, type WalkState } from '../../src/engine/index.js';
import { protocol } from './fixture.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';

const p = protocol();

function walk(answers: Record<string, unknown>) {
  const { state, problems } = replay(p, answers);
  expect(problems).toEqual([]);
  return adviceOf(state);
}

function ask(state: WalkState): string {
  const q = next(state);
  return q.kind === 'question' ? q.step.id : 'done';
}

function must(state: WalkState, value: unknown): WalkState {
  const r = answer(state, value);
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe('engine walks', () => {
  it.each([
    {
      name: 'acute danger: 112 first, police immediately even though a later answer says today',
      answers: { gevaar: 'ja', soort: 'geweld', leeftijd: 20, nazorg: ['geen'] },
      partners: { politie: 'immediate' },
      firstAction: 'Bel 112',
      absent: ['halt'],
    },
    {
      name: 'age 14: Halt with parental consent, this week',
      answers: { gevaar: 'nee', soort: 'geweld', leeftijd: 14, nazorg: ['gesprek'] },
      partners: { politie: 'today', halt: 'this-week', cjg: 'when-needed' },
      firstAction: 'Registreer het incident',
      haltTask: 'Verwijs naar Halt met toestemming ouders',
    },
    {
      name: 'age 16: the route falls through to otherwise',
      answers: { gevaar: 'nee', soort: 'geweld', leeftijd: 16, nazorg: ['geen'] },
      partners: { politie: 'today', halt: 'this-week' },
      haltTask: 'Verwijs naar Halt',
    },
    {
      name: 'age 11: no Halt, information about under-12s',
      answers: { gevaar: 'nee', soort: 'geweld', leeftijd: 11, nazorg: ['geen'] },
      partners: { politie: 'today' },
      absent: ['halt'],
      info: 'Jonger dan 12',
    },
    {
      name: 'age unknown skips the age routing',
      answers: { gevaar: 'nee', soort: 'geweld', leeftijd: 'weet-niet', nazorg: ['geen'] },
      partners: { politie: 'today' },
      absent: ['halt'],
    },
  ])('$name', ({ answers, partners, absent, firstAction, haltTask, info }) => {
    const advice = walk(answers);
    for (const [id, urgency] of Object.entries(partners)) {
      expect(advice.partners.find((x) => x.id === id)?.urgency, id).toBe(urgency);
    }
    for (const id of absent ?? []) expect(advice.partners.map((x) => x.id)).not.toContain(id);
    if (firstAction) expect(advice.actions[0]?.text).toBe(firstAction);
    if (haltTask) expect(advice.partners.find((x) => x.id === 'halt')?.tasks).toEqual([haltTask]);
    if (info) expect(advice.info.map((i) => i.text)).toContain(info);
  });

  it('merges a partner advised twice: once, at the highest urgency, with every task and the answers behind them', () => {
    const advice = walk({ gevaar: 'ja', soort: 'geweld', leeftijd: 20, nazorg: ['politie'] });
    const police = advice.partners.filter((x) => x.id === 'politie');
    expect(police).toHaveLength(1);
    expect(police[0]!.urgency).toBe('immediate');
    expect(police[0]!.tasks).toEqual(['Bel 112', 'Doe aangifte', 'Bespreek met de wijkagent']);
    expect(police[0]!.reasons).toEqual(['Nazorg']);
    expect(police[0]!.because.map((b) => `${b.step}=${b.answer}`)).toEqual(['gevaar=Ja', 'soort=Geweld', 'nazorg=Politie']);
    expect(advice.actions.filter((a) => a.text === 'Bel 112')).toHaveLength(1);
  });

  it('orders partners by urgency, most urgent first', () => {
    const advice = walk({ gevaar: 'nee', soort: 'geweld', leeftijd: 14, nazorg: ['gesprek'] });
    expect(advice.partners.map((x) => x.urgency)).toEqual(['today', 'this-week', 'when-needed']);
  });

  it('the trace of a route decision names the answer the condition read', () => {
    const advice = walk({ gevaar: 'nee', soort: 'geweld', leeftijd: 14, nazorg: ['geen'] });
    expect(advice.partners.find((x) => x.id === 'halt')?.because).toEqual([{ step: 'leeftijd', question: 'Hoe oud?', answer: '14' }]);
  });

  it('hands over to another flow and comes back to the next step', () => {
    let s = start(p);
    s = must(s, 'nee');
    s = must(s, 'thuis');
    expect(ask(s)).toBe('acuut');
    s = must(s, 'ja');
    expect(ask(s)).toBe('nazorg');
    s = must(s, ['geen']);
    expect(ask(s)).toBe('done');
    const advice = adviceOf(s);
    expect(advice.rules).toEqual([expect.objectContaining({ id: 'meldcode', title: 'Meldcode', conclusions: ['Melden'], steps: ['Bel Veilig Thuis'] })]);
  });

  it('advice given whatever the answer is explained by the answer that handed over to its flow', () => {
    const advice = walk({ gevaar: 'nee', soort: 'thuis', acuut: 'nee', nazorg: ['geen'] });
    expect(advice.actions.find((a) => a.text === 'Leg vast in het dossier')?.because).toEqual([{ step: 'soort', question: 'Wat is er gebeurd?', answer: 'Zorgen thuis' }]);
  });

  it('a multi-select runs the selected options in protocol order and its hand-overs', () => {
    let s = must(must(must(must(start(p), 'nee'), 'geweld'), 11), ['melden', 'gesprek']);
    expect(ask(s)).toBe('acuut');
    s = must(s, 'weet-niet');
    expect(ask(s)).toBe('done');
    expect(s.answers.at(-2)?.value).toEqual(['gesprek', 'melden']);
    expect(adviceOf(s).rules[0]?.conclusions).toEqual(['Twijfel - raadpleeg Veilig Thuis']);
  });

  it('back() returns to the previous question and forgets that answer and its advice', () => {
    const s1 = must(start(p), 'ja');
    const s2 = must(s1, 'geweld');
    expect(ask(s2)).toBe('leeftijd');
    const b = back(s2);
    expect(ask(b)).toBe('soort');
    expect(b).toBe(s1);
    expect(back(back(b))).toBe(back(b));
    expect(adviceOf(b).partners.map((x) => `${x.id}:${x.urgency}`)).toEqual(['politie:immediate']);
  });

  it('reports progress: answered so far and the most questions still to come', () => {
    const q = next(start(p));
    expect(q).toMatchObject({ kind: 'question', answered: 0, flowTitle: 'Incident' });
    if (q.kind !== 'question') throw new Error();
    // gevaar, soort, (meldcode acuut | leeftijd), nazorg + meldcode from the multi-select
    expect(q.remainingAtMost).toBeGreaterThanOrEqual(3);
    const later = next(must(must(must(start(p), 'nee'), 'geweld'), 30));
    expect(later).toMatchObject({ kind: 'question', answered: 3 });
    if (later.kind === 'question') expect(later.remainingAtMost).toBeLessThan(q.remainingAtMost);
  });

  it.each([
    ['gevaar', 'misschien', /ja.*nee/],
    ['gevaar', 42, /ja.*nee/],
  ])('rejects an invalid answer for %s (%s) with a message, leaving the state as it was', (_step, value, message) => {
    const s = start(p);
    const r = answer(s, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    expect(ask(s)).toBe('gevaar');
  });

  it('rejects numbers outside the range, fractions, unknown options and "weet ik niet" where it is not offered', () => {
    const atAge = must(must(start(p), 'nee'), 'geweld');
    expect(answer(atAge, 100).ok).toBe(false);
    expect(answer(atAge, 3).ok).toBe(false);
    expect(answer(atAge, 12.5).ok).toBe(false);
    expect(answer(atAge, '14').ok).toBe(true);
    const atKind = must(start(p), 'nee');
    expect(answer(atKind, 'brand').ok).toBe(false);
    expect(answer(atKind, 'weet-niet').ok).toBe(false);
    const atMulti = must(atAge, 40);
    expect(answer(atMulti, ['gesprek', 'onbekend']).ok).toBe(false);
  });

  it('is deterministic: the same answers give the same advice', () => {
    const answers = { gevaar: 'ja', soort: 'geweld', leeftijd: 14, nazorg: ['gesprek', 'politie'] };
    expect(walk(answers)).toEqual(walk(answers));
  });

  it('an answer after the end is refused', () => {
    const { state } = replay(p, { gevaar: 'nee', soort: 'geweld', leeftijd: 30, nazorg: ['geen'] });
    expect(next(state).kind).toBe('done');
    expect(answer(state, 'ja')).toEqual({ ok: false, message: expect.stringContaining('klaar') });
  });
});

describe('replay', () => {
  it('names the first question without an answer', () => {
    const { problems } = replay(p, { gevaar: 'nee' });
    expect(problems).toEqual([{ step: 'soort', kind: 'missing-answer', message: expect.stringContaining('soort') }]);
  });

  it('names answers for questions the walk never asks', () => {
    const { problems } = replay(p, { gevaar: 'nee', soort: 'thuis', acuut: 'nee', nazorg: ['geen'], leeftijd: 14 });
    expect(problems).toEqual([{ step: 'leeftijd', kind: 'unused-answer', message: expect.any(String) }]);
  });

  it('names an invalid answer', () => {
    const { problems } = replay(p, { gevaar: 'nee', soort: 'geweld', leeftijd: 'oud' });
    expect(problems[0]).toMatchObject({ step: 'leeftijd', kind: 'invalid-answer' });
  });
});

describe('a protocol that loops (validate reports it as an error)', () => {
  // b goes back to a; a was answered, so its branch is taken again without asking: round and round.
  const looping = protocolFrom(yaml`
    flows:
      - id: main
        title: Hoofd
        steps:
          - id: a
            type: yes-no
            question: Eerst?
            yes: { next: b, advice: [{ action: Bel de ouders, urgency: today, sources: [s1] }] }
            no: { next: end }
          - id: b
            type: route
            routes:
              - when: { step: a, is: ja }
                next: a
                advice: [{ partner: politie, urgency: today, task: Meld het, sources: [s1] }]
  `);

  it('stops the walk with a fault instead of going on forever; the advice lists each item once', () => {
    const first = start(looping);
    const before = first.collected.length;
    const r = answer(first, 'ja');
    expect(r.ok).toBe(true);
    const state = (r as { state: WalkState }).state;
    expect(next(state).kind).toBe('done');
    const advice = adviceOf(state);
    expect(advice.fault).toBe('de stappen lopen in een kring zonder vraag');
    expect(advice.actions.map((a) => a.text)).toEqual(['Bel de ouders']);
    expect(advice.partners.map((p) => [p.id, p.tasks])).toEqual([['politie', ['Meld het']]]);
    // The walk before is untouched (the engine added the loop's advice to a list of its own).
    expect(first.collected.length).toBe(before);
    expect(back(state)).toBe(first);
    expect(adviceOf(must(first, 'nee'))).toMatchObject({ actions: [], partners: [] });
  });
});
