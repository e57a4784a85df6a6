// Incident model v2 in the engine: ask once, presets, `before` hand-overs, exclusive options.
import { describe, expect, it } from 'vitest';
import { adviceOf, answer, back, next, normaliseAnswer, optionsOf, replay, start, type WalkState } from '../../src/engine/index.js';
import { type QuestionStep } from '../../src/model/index.js';
import { Scenario } from '../../src/model/schema.js';
import { runScenario } from '../../src/scenarios/run.js';
import { BASE, load, protocolFrom } from '../helpers/protocol.js';
import { FLOWS } from './v2-fixture.js';

const p = protocolFrom(FLOWS);

/** Answers each question from the list in order; returns the states and the questions asked. */
function run(answers: Record<string, unknown>): { state: WalkState; asked: string[] } {
  let state = start(p);
  const asked: string[] = [];
  for (;;) {
    const q = next(state);
    if (q.kind === 'done') return { state, asked };
    asked.push(q.step.id);
    if (!(q.step.id in answers)) throw new Error(`no answer for ${q.step.id}`);
    const r = answer(state, answers[q.step.id]);
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
}

describe('ask once, before and presets', () => {
  it.each([
    {
      name: 'one category: context first (before), then the category flow',
      answers: { gevaar: 'nee', categorie: ['geweld'], dader: 'leerling', leeftijd: 14, letsel: 'ja' },
      asked: ['gevaar', 'categorie', 'dader', 'leeftijd', 'letsel'],
      inferred: [],
    },
    {
      name: 'two categories share the context flow: its questions are asked once',
      answers: { gevaar: 'nee', categorie: ['geweld', 'online'], dader: 'leerling', leeftijd: 9, letsel: 'nee', beelden: 'ja' },
      asked: ['gevaar', 'categorie', 'dader', 'leeftijd', 'letsel', 'beelden'],
      inferred: [],
    },
    {
      name: 'a preset settles the perpetrator for online-only incidents',
      answers: { gevaar: 'nee', categorie: ['online'], leeftijd: 15, beelden: 'nee' },
      asked: ['gevaar', 'categorie', 'leeftijd', 'beelden'],
      inferred: ['dader'],
    },
    {
      name: 'a preset on an answer given earlier: a staff perpetrator settles the age as unknown',
      answers: { gevaar: 'nee', categorie: ['geweld'], dader: 'medewerker', letsel: 'ja' },
      asked: ['gevaar', 'categorie', 'dader', 'letsel'],
      inferred: ['leeftijd'],
    },
    {
      name: 'an exclusive option alone: no category flow, no context',
      answers: { gevaar: 'nee', categorie: ['niets'] },
      asked: ['gevaar', 'categorie'],
      inferred: [],
    },
  ])('$name', ({ answers, asked, inferred }) => {
    const walked = run(answers);
    expect(walked.asked).toEqual(asked);
    expect(new Set(walked.asked).size).toBe(walked.asked.length);
    expect(walked.state.answers.filter((a) => a.inferred).map((a) => a.step)).toEqual(inferred);
    // Every step answered once, asked or settled.
    const steps = walked.state.answers.map((a) => a.step);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('re-applies the earlier answer of a shared question silently: its advice counts for the second category too', () => {
    const { state } = run({ gevaar: 'nee', categorie: ['geweld', 'online'], dader: 'leerling', leeftijd: 14, letsel: 'ja', beelden: 'nee' });
    const halt = state.collected.filter((c) => 'partner' in c.advice && c.advice.partner === 'halt');
    // Collected once per pass through the context flow, merged into one task.
    expect(halt).toHaveLength(2);
    const advice = adviceOf(state);
    expect(advice.partners.find((x) => x.id === 'halt')?.tasks).toEqual(['Verwijs naar Halt']);
  });

  it('marks a preset answer as inferred in the because trace of the advice it leads to', () => {
    const { state } = run({ gevaar: 'nee', categorie: ['online'], leeftijd: 15, beelden: 'nee' });
    const answers = adviceOf(state).answers;
    expect(answers.map((a) => a.step)).toEqual(['gevaar', 'categorie', 'dader', 'leeftijd', 'beelden']);
    expect(state.explained.find((b) => b.step === 'dader')).toMatchObject({ answer: 'Onbekend', inferred: true });
  });

  it('going back from the question after a preset returns to the question before it, not to the settled step', () => {
    const { state } = run({ gevaar: 'nee', categorie: ['online'], leeftijd: 15, beelden: 'nee' });
    // Back from the end: before "beelden", before "leeftijd", before "categorie".
    const s = back(back(back(state)));
    const q = next(s);
    expect(q.kind === 'question' ? q.step.id : 'done').toBe('categorie');
    expect(s.answers.map((a) => a.step)).toEqual(['gevaar']);
  });

  it('replays an answers file that also answers a settled step the same way, and names a conflicting one', () => {
    const same = replay(p, { gevaar: 'nee', categorie: 'online', dader: 'onbekend', leeftijd: 15, beelden: 'nee' });
    expect(same.problems).toEqual([]);
    const other = replay(p, { gevaar: 'nee', categorie: 'online', dader: 'leerling', leeftijd: 15, beelden: 'nee' });
    expect(other.problems).toEqual([expect.objectContaining({ step: 'dader', kind: 'unused-answer', message: expect.stringContaining('al vast op "Onbekend"') })]);
  });

  it('names the missing step when an answers file lacks a question of the new model', () => {
    const { problems } = replay(p, { gevaar: 'nee', categorie: 'geweld', letsel: 'ja' });
    expect(problems).toEqual([expect.objectContaining({ step: 'dader', kind: 'missing-answer', message: expect.stringContaining('Wie deed het?') })]);
  });
});

describe('exclusive multi options', () => {
  const step = p.flows[0]!.steps[1] as QuestionStep;
  it('are marked in the options the wizard offers', () => {
    expect(optionsOf(step).map((o) => [o.value, o.exclusive ?? false])).toEqual([
      ['geweld', false],
      ['online', false],
      ['niets', true],
    ]);
  });

  it.each([
    { raw: ['niets'], ok: true },
    { raw: 'niets', ok: true },
    { raw: ['geweld', 'online'], ok: true },
    { raw: ['geweld', 'niets'], ok: false },
    { raw: ['niets', 'online', 'geweld'], ok: false },
  ])('$raw → ok: $ok', ({ raw, ok }) => {
    const r = normaliseAnswer(step, raw);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.message).toContain('"Niets hiervan" kan niet samen met andere keuzes');
  });
});

describe('loader checks of the v2 keys', () => {
  it.each([
    {
      name: 'a preset condition naming a step that does not exist',
      flows: FLOWS.replace('{ step: categorie, is: online }, { not', '{ step: categori, is: online }, { not'),
      message: 'stap "categori" bestaat niet',
      hint: 'Bedoel je "categorie"?',
    },
    {
      name: 'a before naming a flow that does not exist',
      flows: FLOWS.replace('before: [context]', 'before: [contxt]'),
      message: 'flow "contxt" bestaat niet',
      hint: 'Bedoel je "context"?',
    },
    {
      name: 'a preset answer the step does not accept',
      flows: FLOWS.replace('answer: onbekend', 'answer: niemand'),
      message: 'past niet bij vraag "dader"',
    },
  ])('$name', ({ flows, message, hint }) => {
    const errors = load(flows).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe('flows.yaml');
    expect(errors[0]!.line).toBeGreaterThan(1);
    expect(errors[0]!.message).toContain(message);
    if (hint) expect(errors[0]!.hint).toBe(hint);
  });

  it('reports a context role naming a step that does not exist, at the role', () => {
    const base = BASE.replace('start: main', 'start: main\n  context: { perpetrator: dader, victim: slachtoffer, categories: categorie }');
    const result = load(FLOWS, base);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual(['base.yaml:10 stap "slachtoffer" bestaat niet']);
  });
});

describe('the incident context of the advice', () => {
  const withContext = load(FLOWS, BASE.replace('start: main', 'start: main\n  context: { perpetrator: dader, age: leeftijd, categories: categorie }')).protocol!;
  it.each([
    {
      name: 'asked: the answers and the age band',
      answers: { gevaar: 'nee', categorie: ['geweld', 'online'], dader: 'leerling', leeftijd: 9, letsel: 'nee', beelden: 'ja' },
      context: { perpetrator: 'leerling', victim: null, age: 9, ageBand: 'jonger dan 12', schoolType: null, place: null },
      categories: ['geweld', 'online'],
    },
    {
      name: 'settled by presets: the settled values; an unknown age is null',
      answers: { gevaar: 'nee', categorie: 'geweld', dader: 'medewerker', letsel: 'ja' },
      context: { perpetrator: 'medewerker', victim: null, age: null, ageBand: null, schoolType: null, place: null },
      categories: ['geweld'],
    },
    {
      name: 'not asked at all: nulls, and "niets hiervan" as the only category',
      answers: { gevaar: 'nee', categorie: ['niets'] },
      context: { perpetrator: null, victim: null, age: null, ageBand: null, schoolType: null, place: null },
      categories: ['niets'],
    },
  ])('$name', ({ answers, context, categories }) => {
    const { state, problems } = replay(withContext, answers);
    expect(problems).toEqual([]);
    const advice = adviceOf(state);
    expect(advice.context).toEqual(context);
    expect(advice.categories).toEqual(categories);
  });

  it('a protocol without protocol.context gives an empty context', () => {
    const { state } = replay(p, { gevaar: 'nee', categorie: ['niets'] });
    expect(adviceOf(state).context).toEqual({ perpetrator: null, victim: null, age: null, ageBand: null, schoolType: null, place: null });
  });
});

describe('scenarios on the v2 model', () => {
  const scenario = (answers: Record<string, unknown>, expect: Record<string, unknown>) => runScenario(p, Scenario.parse({ name: 'proef', answers, expect }));
  const walk = { gevaar: 'ja', categorie: ['online'], leeftijd: 15, beelden: 'nee' };

  it('may leave out a step a preset settles, and checks a task per urgency', () => {
    const outcome = scenario(walk, { tasks: { politie: { immediate: 'bel 112' }, halt: { 'this-week': 'Halt' } } });
    expect(outcome.failures).toEqual([]);
  });

  it.each([
    { tasks: { politie: { today: 'Bel 112' } }, message: 'partner "politie" heeft geen taak "Bel 112" met urgentie today', actual: 'immediate: Bel 112' },
    { tasks: { cjg: { today: 'Iets' } }, message: 'partner "cjg" wordt niet geadviseerd', actual: 'niet geadviseerd' },
  ])('reports a missing task: $message', ({ tasks, message, actual }) => {
    const outcome = scenario(walk, { tasks });
    expect(outcome.failures).toEqual([expect.objectContaining({ message, actual })]);
  });
});
