import { describe, expect, expectTypeOf, it } from 'vitest';
import { Advice, Condition, Partner, Step, Urgency } from '../../src/model/schema.js';

const codes = (r: { success: boolean; error?: { issues: { code: string; path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.code}@${i.path.join('.')}`);

describe('schema', () => {
  it.each([
    ['a partner advice', { partner: 'politie', urgency: 'today', task: 'Bel', sources: ['s'] }, []],
    ['an action with order', { action: 'Bel 112', urgency: 'immediate', order: 0, sources: ['s'] }, []],
    ['a rule with steps', { rule: 'meldcode', conclusion: 'Melden', steps: ['a'], sources: ['s'] }, []],
    ['info for the victim', { info: 'Slachtofferloket', audience: 'slachtoffer', sources: ['s'] }, []],
    ['advice without sources', { action: 'Bel', urgency: 'today', sources: [] }, ['too_small@sources']],
    ['an unknown urgency', { partner: 'politie', urgency: 'asap', task: 'Bel', sources: ['s'] }, ['invalid_union@']],
    ['an id with capitals', { partner: 'Politie', urgency: 'today', task: 'Bel', sources: ['s'] }, ['invalid_format@partner']],
  ])('advice: %s', (_name, value, expected) => {
    expect(codes(Advice.safeParse(value))).toEqual(expected);
  });

  it.each([
    ['yes-no', { type: 'yes-no', id: 'a', question: 'Q?', yes: { next: 'b' }, no: { next: 'end' } }, []],
    [
      'number with ranges',
      {
        type: 'number',
        id: 'a',
        question: 'Leeftijd?',
        min: 4,
        max: 99,
        ranges: [
          { max: 11, next: 'end' },
          { min: 12, next: 'end' },
        ],
      },
      [],
    ],
    ['choice needs two options', { type: 'choice', id: 'a', question: 'Q?', options: [{ value: 'x', label: 'X' }] }, ['too_small@options']],
    ['route with all/any/not', { type: 'route', id: 'r', routes: [{ when: { all: [{ step: 'a', is: 'ja' }, { not: { any: [{ step: 'b', min: 12 }] } }] }, next: 'end' }] }, []],
    ['unknown key on a step', { type: 'yes-no', id: 'a', question: 'Q?', nxt: 'b' }, ['unrecognized_keys@']],
    ['a number step without bounds', { type: 'number', id: 'a', question: 'Q?' }, ['invalid_type@min', 'invalid_type@max']],
  ])('step: %s', (_name, value, expected) => {
    expect(codes(Step.safeParse(value))).toEqual(expected);
  });

  it('a partner may ship an empty Bijlage 2 contact person', () => {
    expect(Partner.safeParse({ id: 'om', name: 'OM', kind: 'core', person: { name: null, role: null, phone: null, email: null, reviewed: null } }).success).toBe(true);
    expect(codes(Partner.safeParse({ id: 'om', name: 'OM', kind: 'core', person: { reviewed: '1-10-2025' } }))).toEqual(['invalid_format@person.reviewed']);
  });

  it('conditions nest', () => {
    expect(Condition.safeParse({ any: [{ step: 'a', is: ['ja', 'weet-niet'] }, { not: { step: 'b', answered: true } }] }).success).toBe(true);
    expect(Condition.safeParse({ some: [] }).success).toBe(false);
  });

  it('types are inferred from the schema: the types (checked by tsc) name what the schema accepts', () => {
    expectTypeOf<Urgency>().toEqualTypeOf<'immediate' | 'today' | 'this-week' | 'when-needed'>();
    expectTypeOf<Step['type']>().toEqualTypeOf<'choice' | 'multi' | 'yes-no' | 'number' | 'route'>();
    expect(Urgency.options).toEqual(['immediate', 'today', 'this-week', 'when-needed']);
    expect(Step.options.map((o) => o.shape.type.value)).toEqual(['choice', 'multi', 'yes-no', 'number', 'route']);
  });
});
