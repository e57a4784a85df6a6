// Word wrapping for the terminal: no line wider than asked, and a word is never split unless it is
// longer than a whole line (a URL); then only with `breakLong`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapIndented, wrapWords } from '../../src/render/text.js';

const len = (s: string) => Array.from(s).length;
const word = fc.stringMatching(/^[a-zA-Zéë0-9?.,:/←▶-]{1,30}$/);
const text = fc.array(word, { minLength: 0, maxLength: 40 }).map((ws) => ws.join(' '));

describe('wrapWords', () => {
  it('keeps every line within the width and every short word whole', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), (t, width, firstWidth) => {
        const lines = wrapWords(t, width, { breakLong: true, ...(firstWidth !== undefined ? { firstWidth } : {}) });
        lines.forEach((line, i) => expect(len(line)).toBeLessThanOrEqual(i === 0 && firstWidth !== undefined ? firstWidth : width));
        const words = t.split(' ').filter(Boolean);
        const shortWords = words.filter((w) => len(w) <= width);
        const pieces = lines.flatMap((l) => l.split(' ')).filter(Boolean);
        // Every word that fits a line appears as a whole piece; the text reads the same without breaks.
        for (const w of shortWords) expect(pieces).toContain(w);
        expect(pieces.join('')).toBe(words.join(''));
      }),
    );
  });

  it('without breakLong a long word stays whole on its own line', () => {
    expect(wrapWords('zie https://www.example.org/een/heel/lang/pad hier', 12)).toEqual(['zie', 'https://www.example.org/een/heel/lang/pad', 'hier']);
  });

  it.each([
    // text, width, options, lines
    ['Weet ik niet', 80, { firstWidth: 3 }, ['', 'Weet ik niet']],
    ['Weet ik niet', 80, { firstWidth: 9 }, ['Weet ik', 'niet']],
    ['abcdefghij', 4, { breakLong: true }, ['abcd', 'efgh', 'ij']],
    ['ab abcdefgh', 4, { breakLong: true }, ['ab', 'abcd', 'efgh']],
    ['', 10, {}, ['']],
  ])('%j at %i with %j', (t, width, options, expected) => {
    expect(wrapWords(t, width, options)).toEqual(expected);
  });
});

describe('wrapIndented', () => {
  it('stays within narrow widths (the old minimum of 20 plus the indent overflowed a 20-column terminal)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 14, max: 100 }), (t, width) => {
        for (const line of wrapIndented(t, width, '    ', '  ▶ ', { breakLong: true }).split('\n')) expect(len(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});
