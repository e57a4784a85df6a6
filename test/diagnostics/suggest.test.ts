// "Bedoel je …?": which typos get a suggestion. A swap of two adjacent letters is one edit.
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/diagnostics/index.js';

const STEP_KEYS = ['id', 'type', 'question', 'help', 'text', 'next', 'advice', 'unknown', 'options'];
const URGENCIES = ['immediate', 'today', 'this-week', 'when-needed'];
const PARTNERS = ['school', 'gemeente', 'leerplicht', 'politie', 'om', 'halt', 'cjg', 'ggd', 'veilig-thuis'];

describe('suggest', () => {
  it.each([
    ['txet', STEP_KEYS, 'text'],
    ['questoin', STEP_KEYS, 'question'],
    ['immediat', URGENCIES, 'immediate'],
    ['politei', PARTNERS, 'politie'],
    ['Politei', PARTNERS, 'politie'],
    ['fietsenstalling', STEP_KEYS, undefined],
    ['brandweer', PARTNERS, undefined],
    ['xyz', URGENCIES, undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });

  it('does not try words longer than 100 characters', () => {
    const long = 'a'.repeat(101);
    expect(suggest(long, [long])).toBeUndefined();
    expect(suggest('a'.repeat(100), ['a'.repeat(99) + 'b'])).toBe('a'.repeat(99) + 'b');
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['text', 'text', 0],
    ['txet', 'text', 1],
    ['ab', 'ba', 1],
    ['politei', 'politie', 1],
    ['immediat', 'immediate', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    // Restricted: a swapped pair is not edited again, so this is 3, not 2 as in full Damerau–Levenshtein.
    ['ca', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
