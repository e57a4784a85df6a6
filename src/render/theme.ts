// Colours for every renderer. Renderers receive a Theme and never import chalk's default
// instance, so tests render with level 0 and output stays plain when piped.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Theme {
  chalk: ChalkInstance;
  /** 0 = no colour. */
  level: 0 | 1 | 2 | 3;
}

export function createTheme(level: 0 | 1 | 2 | 3): Theme {
  return { chalk: new Chalk({ level }), level };
}

export const PLAIN: Theme = createTheme(0);
