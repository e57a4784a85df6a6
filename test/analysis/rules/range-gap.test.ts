import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../../src/analysis/index.js';
import { load, yaml } from '../../helpers/protocol.js';
import { testRule, TODAY } from '../../helpers/test-rule.js';

const AGE = (ranges: string, min = 4, max = 99) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: age
          type: number
          question: Hoe oud?
          min: ${min}
          max: ${max}
          ranges: ${ranges}
          next: end
`;

testRule('range-gap', {
  valid: [
    { name: 'bands that meet', yaml: AGE('[{ max: 11 }, { min: 12, max: 17 }, { min: 18 }]') },
    { name: 'bands beyond the question are clipped', yaml: AGE('[{ min: 0, max: 50 }, { min: 51, max: 200 }]') },
    { name: 'no ranges at all (every answer goes to next)', yaml: AGE('[]') },
  ],
  invalid: [
    {
      name: 'an age band missing',
      yaml: AGE('[{ max: 11 }, { min: 13, max: 17 }, { min: 18 }]'),
      findings: [{ line: 10, column: 9, message: /bij stap "age" valt 12 in geen enkel bereik/, hint: /4 t\/m 99/ }],
    },
    {
      name: 'the top and bottom not covered',
      yaml: AGE('[{ min: 12, max: 17 }]'),
      findings: [
        { line: 10, column: 9, message: /valt 18 t\/m 99 in geen enkel bereik/ },
        { line: 10, column: 9, message: /valt 4 t\/m 11 in geen enkel bereik/ },
      ],
    },
  ],
});

// min > max leaves no answer at all: the loader refuses it, so the wizard (which only loads) never
// shows a question nobody can answer, and the analysis does not report it a second time.
describe('min greater than max on a number question', () => {
  it('is a located loader error, and not also a range gap', () => {
    const loaded = load(AGE('[{ max: 11 }]', 20, 10));
    expect(loaded.ok).toBe(false);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'invalid-value',
        file: 'flows.yaml',
        line: 8,
        column: 14,
        message: expect.stringMatching(/stap "age" heeft min 20 en max 10: geen enkel getal is een geldig antwoord/),
        hint: 'Draai min en max om.',
      }),
    ]);
    const all = validateLoaded(loaded, { today: TODAY });
    expect(all.filter((d) => /min 20 en max 10/.test(d.message))).toHaveLength(1);
  });
});

// Before, the shipped protocol with its age question's min and max swapped gave some 130 errors:
// every condition on the age, every range and every preset, and the cause somewhere in between.
describe('min greater than max is the one cause reported', () => {
  it('not also its ranges, its presets, or the conditions that name the step', () => {
    const loaded = load(yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - id: age
              type: number
              question: Hoe oud?
              min: 99
              max: 4
              preset: [{ when: { step: age, answered: false }, answer: 15 }]
              ranges: [{ max: 11 }, { min: 12, max: 17 }, { min: 18 }]
              next: r
            - id: r
              type: route
              routes:
                - { when: { step: age, min: 12, max: 17 }, next: end }
                - { when: { step: age, is: 15 }, next: end }
              otherwise: { next: end }
    `);
    const errors = validateLoaded(loaded, { today: TODAY }).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['8:14 stap "age" heeft min 99 en max 4: geen enkel getal is een geldig antwoord']);
  });
});
