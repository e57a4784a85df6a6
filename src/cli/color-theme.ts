// Themes with colour: the only module that loads chalk (see src/render/theme.ts). Loaded by themeFor
// (color.ts) only when there is colour to show.
import { Chalk, supportsColor } from 'chalk';
import { PLAIN, type Theme } from '../render/theme.js';

export function createTheme(level: 0 | 1 | 2 | 3): Theme {
  return level === 0 ? PLAIN : { chalk: new Chalk({ level }), level };
}

/** The colour level the terminal supports according to chalk (1 when it cannot tell). */
export function supportedLevel(): 1 | 2 | 3 {
  const level = supportsColor ? supportsColor.level : 1;
  return level || 1;
}
