import { supportsColor } from 'chalk';
import type { Io, Writable } from './io.js';
import { createTheme, type Theme } from '../render/theme.js';

/** No colour with NO_COLOR (https://no-color.org), --no-color, or when the stream is not a terminal. */
export function themeFor(io: Io, stream: Writable, colorFlag: boolean | undefined): Theme {
  if (colorFlag === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') || !stream.isTTY) return createTheme(0);
  const level = supportsColor ? supportsColor.level : 1;
  return createTheme((level || 1) as 1 | 2 | 3);
}
