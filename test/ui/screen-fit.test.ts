// What fits above a question in a short terminal: the "Nu direct" reminder and the question always,
// then the list, progress, help, the full banner and an empty line as room allows; never more lines
// than the terminal has (as long as the must-haves fit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitScreen, type ScreenParts } from '../../src/ui/screen-fit.js';

const base: ScreenParts = { rows: 24, now: 1, banner: 0, progress: 1, progressShort: 1, help: 2, hint: 0, question: 1, list: 16, below: 3 };

const used = (p: ScreenParts) => {
  const f = fitScreen(p);
  const progress = f.progress === 'full' ? p.progress : f.progress === 'short' ? p.progressShort : 0;
  return (f.blank ? 1 : 0) + (f.banner ? p.banner : p.now) + progress + (f.help ? p.help : 0) + (f.hint ? p.hint : 0) + p.question + f.pageSize + p.below;
};

describe('fitScreen', () => {
  it.each([
    // what, parts, expected
    ['a 12-row terminal after "Bel 112": reminder kept, full banner left out', { rows: 12, banner: 6 }, { banner: false, pageSize: 4, progress: 'full', help: true }],
    ['a tall terminal: the full banner, an empty line, the whole list', { rows: 50, banner: 6 }, { banner: true, blank: true, pageSize: 16 }],
    ['80x24 with the banner: banner and a comfortable list', { rows: 24, banner: 6 }, { banner: true, pageSize: 10 }],
    ['no room for the help: the list keeps its minimum', { rows: 9, help: 4 }, { help: false, pageSize: 3 }],
    ['a long progress line gives way to its short form', { rows: 9, progress: 2 }, { progress: 'short', help: false }],
    ['a typed answer has no list, and its hint is required', { rows: 12, list: 0, hint: 3, hintRequired: true, help: 6 }, { pageSize: 0, hint: true, help: false }],
    ['a short list is never padded', { rows: 40, list: 2 }, { pageSize: 2 }],
  ] as [string, Partial<ScreenParts>, object][])('%s', (_what, parts, expected) => {
    expect(fitScreen({ ...base, ...parts })).toMatchObject(expected);
  });

  it('never uses more rows than the terminal has, once the must-haves fit', () => {
    const lines = fc.integer({ min: 0, max: 8 });
    fc.assert(
      fc.property(
        fc.record({
          rows: fc.integer({ min: 1, max: 60 }),
          now: lines,
          banner: lines,
          progress: fc.integer({ min: 1, max: 3 }),
          progressShort: fc.constant(1),
          help: lines,
          hint: lines,
          hintRequired: fc.boolean(),
          question: fc.integer({ min: 1, max: 4 }),
          list: fc.integer({ min: 0, max: 40 }),
          below: fc.integer({ min: 1, max: 8 }),
        }),
        (p) => {
          const must = p.now + p.question + p.below + (p.hintRequired ? p.hint : 0) + Math.min(p.list, 3);
          const fit = fitScreen(p);
          if (p.list > 0) expect(fit.pageSize).toBeGreaterThanOrEqual(1);
          if (must <= p.rows) expect(used(p)).toBeLessThanOrEqual(p.rows);
          expect(fit.pageSize).toBeLessThanOrEqual(p.list);
        },
      ),
    );
  });
});
