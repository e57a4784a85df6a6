// The wizard loop, driven by a scripted prompter: every question kind, going back, the review with
// "change an answer", the immediate "Bel 112" notice, and cancelling.
import { describe, expect, it } from 'vitest';
import { adviceOf } from '../../src/engine/index.js';
import { Cancelled } from '../../src/ui/cancelled.js';
import { runWizard } from '../../src/ui/wizard.js';
import { BACK, FakePrompter } from '../helpers/fake-prompter.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { shipped } from '../helpers/shipped.js';

const tiny = protocolFrom(yaml`
  flows:
    - id: main
      title: Hoofdvragen
      steps:
        - id: gevaar
          type: yes-no
          question: Is er gevaar?
          help: Twijfel je? Kies ja.
          yes:
            advice:
              - { action: Bel 112., urgency: immediate, order: 0, sources: [s1] }
              - { action: Ga naar de plek., urgency: immediate, order: 1, sources: [s1] }
          next: soort
        - id: soort
          type: choice
          question: Wat is er?
          unknown: { next: end }
          options:
            - { value: a, label: Soort A, help: Uitleg A, next: leeftijd }
            - { value: b, label: Soort B, next: wat }
        - id: leeftijd
          type: number
          question: Hoe oud?
          min: 4
          max: 99
          unit: jaar
          unknown: {}
          ranges:
            - { max: 11 }
            - { min: 12 }
          next: wat
        - id: wat
          type: multi
          question: Wat speelde er?
          unknown: {}
          options:
            - { value: x, label: X }
            - value: y
              label: Y
              advice:
                - { partner: politie, urgency: today, task: Bel de wijkagent., sources: [s1] }
            - { value: niets, label: Niets hiervan, exclusive: true }
          next: end
`);

const answersOf = (state: Awaited<ReturnType<typeof runWizard>>) => state.answers.map((a) => [a.step, a.value]);

describe('wizard', () => {
  it('asks every kind of question in the engine order and ends after the review', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', 14],
      ['wat', ['y']],
      ['review', 'advice'],
    ]);
    const state = await runWizard(tiny, prompter);
    expect(prompter.asked.map((a) => a.kind)).toEqual(['yesNo', 'select', 'number', 'multi', 'review']);
    expect(answersOf(state)).toEqual([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', 14],
      ['wat', ['y']],
    ]);
    expect(adviceOf(state).partners.map((p) => p.id)).toEqual(['politie']);
    expect(prompter.remaining).toEqual([]);
  });

  it('passes what the user sees: question, help, flow title, progress, options with "weet ik niet"', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', 'weet-niet'],
      ['wat', 'weet-niet'],
      ['review', 'advice'],
    ]);
    await runWizard(tiny, prompter);
    const [gevaar, soort, leeftijd, wat] = prompter.asked;
    expect(gevaar).toMatchObject({ q: { question: 'Is er gevaar?', help: 'Twijfel je? Kies ja.', flowTitle: 'Hoofdvragen', number: 1, remainingAtMost: 3, canGoBack: false } });
    expect(soort).toMatchObject({ q: { number: 2, canGoBack: true } });
    expect(soort!.kind === 'select' && soort!.q.choices).toEqual([
      { value: 'a', label: 'Soort A', help: 'Uitleg A' },
      { value: 'b', label: 'Soort B' },
      { value: 'weet-niet', label: 'Weet ik niet' },
    ]);
    expect(leeftijd).toMatchObject({ kind: 'number', q: { min: 4, max: 99, unit: 'jaar', allowUnknown: true, number: 3 } });
    expect(wat).toMatchObject({ kind: 'multi', q: { allowUnknown: true, choices: [{ value: 'x' }, { value: 'y' }, { value: 'niets', exclusive: true }] } });
    // Only "Niets hiervan" is marked: the prompter refuses it together with other choices.
    expect(wat!.kind === 'multi' && wat!.q.choices.filter((c) => c.exclusive).map((c) => c.value)).toEqual(['niets']);
  });

  it('goes back to the previous question, offering the earlier answer as the default', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', BACK],
      ['soort', 'b'],
      ['wat', ['x']],
      ['review', 'advice'],
    ]);
    const state = await runWizard(tiny, prompter);
    expect(prompter.steps).toEqual(['gevaar', 'soort', 'leeftijd', 'soort', 'wat', 'review']);
    expect(prompter.asked[3]).toMatchObject({ q: { step: 'soort', default: 'a', number: 2 } });
    expect(answersOf(state)).toEqual([
      ['gevaar', 'nee'],
      ['soort', 'b'],
      ['wat', ['x']],
    ]);
  });

  it('lets the review change an earlier answer; the questions after it come again with their defaults', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', 9],
      ['wat', ['x', 'y']],
      ['review', 1],
      ['soort', 'a'],
      ['leeftijd', 15],
      ['wat', ['x', 'y']],
      ['review', 'advice'],
    ]);
    const state = await runWizard(tiny, prompter);
    const review = prompter.asked[4];
    expect(review).toMatchObject({ kind: 'review' });
    expect(review!.kind === 'review' && review!.answers.map((a) => a.answer)).toEqual(['Nee', 'Soort A', '9 jaar', 'X, Y']);
    expect(prompter.asked[5]).toMatchObject({ q: { step: 'soort', default: 'a' } });
    expect(prompter.asked[6]).toMatchObject({ q: { step: 'leeftijd', default: 9 } });
    expect(prompter.asked[7]).toMatchObject({ q: { step: 'wat', default: ['x', 'y'] } });
    expect(answersOf(state)).toEqual([
      ['gevaar', 'nee'],
      ['soort', 'a'],
      ['leeftijd', 15],
      ['wat', ['x', 'y']],
    ]);
  });

  it('marks in the review an answer that earlier answers settled (not asked)', async () => {
    const presets = protocolFrom(yaml`
      flows:
        - id: main
          title: Hoofdvragen
          steps:
            - id: wie
              type: choice
              question: Wie deed het?
              options:
                - { value: leerling, label: Een leerling }
                - { value: ouder, label: Een ouder }
              next: geraakt
            - id: geraakt
              type: choice
              question: Wie werd geraakt?
              preset:
                - { when: { step: wie, is: ouder }, answer: kind }
              options:
                - { value: kind, label: Een kind }
                - { value: medewerker, label: Een medewerker }
              next: end
    `);
    const prompter = new FakePrompter([
      ['wie', 'ouder'],
      ['review', 'advice'],
    ]);
    await runWizard(presets, prompter);
    const review = prompter.asked.find((a) => a.kind === 'review');
    expect(review!.kind === 'review' && review!.answers).toEqual([
      { step: 'wie', question: 'Wie deed het?', answer: 'Een ouder' },
      { step: 'geraakt', question: 'Wie werd geraakt?', answer: 'Een kind', inferred: true },
    ]);
  });

  it('shows what must happen now as soon as the answer calls for it, and keeps it in sight', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'ja'],
      ['soort', 'weet-niet'],
      ['review', 'advice'],
    ]);
    await runWizard(tiny, prompter);
    expect(prompter.urgentShown).toEqual([['Bel 112.', 'Ga naar de plek.']]);
    expect(prompter.asked[1]).toMatchObject({ q: { step: 'soort', now: ['Bel 112.', 'Ga naar de plek.'] } });
  });

  it('forgets the urgent reminder when the answer that caused it is taken back', async () => {
    const prompter = new FakePrompter([
      ['gevaar', 'ja'],
      ['soort', BACK],
      ['gevaar', 'nee'],
      ['soort', 'weet-niet'],
      ['review', 'advice'],
    ]);
    await runWizard(tiny, prompter);
    const last = prompter.asked[3]!;
    expect(last).toMatchObject({ q: { step: 'soort' } });
    expect('q' in last && last.q.now).toBeUndefined();
  });

  it('on the shipped protocol, "ja" to acute danger shows "Bel 112." before the next question', async () => {
    const protocol = shipped().protocol!;
    const prompter = new FakePrompter([['acuut-gevaar', 'ja']]);
    await expect(runWizard(protocol, prompter)).rejects.toThrow(/unexpected prompt for "categorie"/);
    expect(prompter.urgentShown[0]?.[0]).toBe('Bel 112.');
  });

  it('stops with Cancelled when the prompter is interrupted', async () => {
    const prompter = new FakePrompter([['gevaar', 'nee']]);
    prompter.select = () => Promise.reject(new Cancelled());
    await expect(runWizard(tiny, prompter)).rejects.toBeInstanceOf(Cancelled);
  });

  it('stops with Cancelled before the next question once the signal is aborted', async () => {
    const controller = new AbortController();
    const prompter = new FakePrompter([['gevaar', 'nee']]);
    const yesNo = prompter.yesNo.bind(prompter);
    prompter.yesNo = (q) => {
      controller.abort();
      return yesNo(q);
    };
    await expect(runWizard(tiny, prompter, { signal: controller.signal })).rejects.toBeInstanceOf(Cancelled);
    expect(prompter.steps).toEqual(['gevaar']);
  });
});
