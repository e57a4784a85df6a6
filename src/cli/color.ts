import type { Io, Writable } from './io.js';
import { PLAIN, type Theme } from '../render/theme.js';

/**
 * No colour with NO_COLOR (https://no-color.org), --no-color, or when the stream is not a terminal.
 * Async because chalk is only loaded when there is colour to show.
 */
export async function themeFor(io: Io, stream: Writable, colorFlag: boolean | undefined): Promise<Theme> {
  if (colorFlag === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') || !stream.isTTY) return PLAIN;
  const { createTheme, supportedLevel } = await import('./color-theme.js');
  return createTheme(supportedLevel());
}
