import { describe, expect, it } from 'vitest';
import { oneAlwaysHolds } from '../../src/analysis/conditions.js';
import type { Condition } from '../../src/model/index.js';

const A: Condition = { step: 'a', is: 'ja' };
const B: Condition = { step: 'b', min: 18 };

describe('oneAlwaysHolds: one of the conditions holds by their form', () => {
  it.each<[string, Condition[], boolean]>([
    ['A next to not A', [A, { not: A }], true],
    ['the same fact with its keys in another order', [{ step: 'b', min: 18 }, { not: { min: 18, step: 'b' } as Condition }], true],
    ['not (A and B) next to A and B', [{ not: { all: [A, B] } }, { all: [A, B] }], true],
    ['A or not A in one condition', [{ any: [A, { not: A }] }], true],
    ['A alone', [A], false],
    ['A next to B', [A, B], false],
    ['(not A and B) next to (not A and not B): A is left open', [{ all: [{ not: A }, B] }, { all: [{ not: A }, { not: B }] }], false],
    // What the facts mean is not weighed: every age is ≤ 17 or ≥ 18 once answered, but not before.
    ['age ≤ 17 next to age ≥ 18', [{ step: 'b', max: 17 }, B], false],
    ['no conditions', [], false],
  ])('%s', (_name, conditions, expected) => expect(oneAlwaysHolds(conditions)).toBe(expected));

  it('gives up (false) beyond twelve distinct facts', () => {
    const facts: Condition[] = Array.from({ length: 13 }, (_, i) => ({ step: `s${i}`, is: 'ja' }));
    expect(oneAlwaysHolds([{ any: facts }, { not: { any: facts } }])).toBe(false);
    expect(oneAlwaysHolds([{ any: facts.slice(0, 12) }, { not: { any: facts.slice(0, 12) } }])).toBe(true);
  });
});
