// The plain theme stands in for chalk at level 0 so that output without colour does not need
// chalk loaded: it must give exactly what chalk gives.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/render/theme.js';

const chalk0 = new Chalk({ level: 0 });
const ARGS: unknown[][] = [['tekst'], [''], ['a', 'b'], [3], [], ['x', 2, 'y'], [undefined]];

describe('PLAIN theme', () => {
  it('styles, chained styles and the root give what chalk at level 0 gives', () => {
    const pick = (c: typeof chalk0) => [c, c.bold, c.dim, c.red.bold, c.bold.inverse, c.cyan.bold, c.bold.underline, c.yellow, c.green, c.rgb(1, 2, 3), c.hex('#fff').bold];
    const plain = pick(PLAIN.chalk);
    const real = pick(chalk0);
    for (const [i, style] of plain.entries())
      for (const args of ARGS) expect((style as (...a: unknown[]) => string)(...args), `${i} ${String(args)}`).toBe((real[i] as (...a: unknown[]) => string)(...args));
  });

  it('`visible` text is left out, as chalk does without colour', () => {
    expect(PLAIN.chalk.visible('geheim')).toBe(chalk0.visible('geheim'));
    expect(PLAIN.chalk.visible.bold('geheim')).toBe(chalk0.visible.bold('geheim'));
  });

  it('has level 0', () => {
    expect(PLAIN.level).toBe(0);
    expect(PLAIN.chalk.level).toBe(0);
  });
});
