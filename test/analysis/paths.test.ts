// The path analysis behind the condition checks: which answers are possible where.
import { describe, expect, it } from 'vitest';
import { AnalysisContext } from '../../src/analysis/index.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { TODAY } from '../helpers/test-rule.js';

function analyse(flows: string) {
  const ctx = new AnalysisContext(protocolFrom(flows), { today: TODAY });
  const at = (step: string, fact: string) => ctx.paths.classesOf(fact)!.labels(ctx.paths.maskAt(ctx.graph.info(step)!.step, fact));
  return { ctx, at };
}

const SHARED = yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: cat
          type: choice
          question: Wat?
          options:
            - { value: een, label: Een, call: een, next: end }
            - { value: twee, label: Twee, call: twee, next: end }
    - id: een
      title: Een
      steps:
        - { id: een-a, type: yes-no, question: A?, yes: { call: age }, next: een-b }
        - { id: een-b, type: yes-no, question: B?, next: end }
    - id: twee
      title: Twee
      steps:
        - { id: twee-a, type: yes-no, question: A?, yes: { call: age }, no: { call: age }, next: twee-b }
        - { id: twee-b, type: yes-no, question: B?, next: end }
    - id: age
      title: Leeftijd
      steps:
        - id: age
          type: number
          question: Hoe oud?
          min: 4
          max: 30
          ranges:
            - { max: 11, next: end }
            - { min: 12, max: 17, next: end }
            - { min: 18, next: end }
`;

describe('path analysis', () => {
  it('splits a number at the thresholds of ranges and conditions', () => {
    const { at } = analyse(SHARED);
    expect(at('een-b', 'age')).toEqual(['niet beantwoord', '4 t/m 11', '12 t/m 17', '18 t/m 30']);
  });

  it('returning from a shared flow does not mix up its callers', () => {
    const { at } = analyse(SHARED);
    // Both flows call the age flow; returning from it goes back to the caller on the stack only,
    // so an answer given in "twee" never seems possible in "een".
    expect(at('een-b', 'twee-a')).toEqual(['niet beantwoord']);
    expect(at('een-b', 'een-a')).toEqual(['ja', 'nee']);
    expect(at('cat', 'age')).toEqual(['niet beantwoord']);
  });

  it('a route passes on only the answers that pick it', () => {
    const { at } = analyse(yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - { id: n, type: number, question: N?, min: 0, max: 20, unknown: {}, next: r }
            - id: r
              type: route
              routes:
                - { when: { step: n, min: 10 }, next: hoog }
              otherwise: { next: laag }
            - { id: hoog, type: yes-no, question: H?, next: end }
            - { id: laag, type: yes-no, question: L?, next: end }
    `);
    expect(at('hoog', 'n')).toEqual(['10 t/m 20']);
    expect(at('laag', 'n')).toEqual(['0 t/m 9', 'weet ik niet']);
  });

  it('a multi step runs the calls of every ticked option in order', () => {
    const { at } = analyse(yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - id: m
              type: multi
              question: Wat speelt er?
              options:
                - { value: x, label: X, call: fx }
                - { value: y, label: Y, call: fy }
              next: end
        - id: fx
          title: X
          steps:
            - { id: x-vraag, type: yes-no, question: X?, next: end }
        - id: fy
          title: Y
          steps:
            - { id: y-vraag, type: yes-no, question: Y?, next: end }
    `);
    // Y's flow starts with X's question answered (both ticked) or not (only Y ticked).
    expect(at('y-vraag', 'x-vraag')).toEqual(['niet beantwoord', 'ja', 'nee']);
    expect(at('x-vraag', 'y-vraag')).toEqual(['niet beantwoord']);
  });

  it('enumerates every combination at a route step, exactly', () => {
    const { ctx } = analyse(yaml`
      flows:
        - id: main
          title: Hoofd
          steps:
            - { id: a, type: yes-no, question: A?, unknown: {}, next: b }
            - { id: b, type: number, question: B?, min: 0, max: 99, next: r }
            - id: r
              type: route
              routes:
                - { when: { all: [{ step: a, is: ja }, { step: b, min: 12, max: 17 }] }, next: end }
                - { when: { any: [{ step: a, is: weet-niet }, { step: b, min: 16 }] }, next: end }
              otherwise: { next: end }
    `);
    const route = ctx.paths.route(ctx.graph.info('r')!.step as never);
    expect(route.limited).toBe(false);
    expect(route.selectable).toEqual([true, true, true]);
    expect(route.overlaps).toEqual([{ first: 0, second: 1, example: 'a = ja, b = 16 t/m 17' }]);
  });
});
