// Small text helpers for the look-up renderers: word wrapping and JSON that is safe to print.
import { hasUnsafeCharacters } from '../model/unsafe-characters.js';
import { guardWorkflowCommands, JSON_ESCAPE } from './sanitize.js';

export interface WrapOptions {
  /** Room on the first line when it differs (text that continues a line already partly used). */
  firstWidth?: number;
  /** Cut a word longer than a line (a URL) so no line is wider than asked; otherwise it stays whole. */
  breakLong?: boolean;
}

/** Characters as a terminal counts them: code points, not UTF-16 units. */
const chars = (text: string): string[] => Array.from(text);

/**
 * Breaks text into lines of at most `width` characters at spaces, never inside a word. A word longer
 * than a line stays whole, or with `breakLong` is cut into pieces of a line each.
 */
export function wrapWords(text: string, width: number, options: WrapOptions = {}): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const full = Math.max(1, width);
  const lines: string[] = [];
  const room = () => (lines.length === 0 && options.firstWidth !== undefined ? Math.max(0, options.firstWidth) : full);
  let line = '';
  let length = 0;
  const flush = () => {
    lines.push(line);
    line = '';
    length = 0;
  };
  for (const word of words) {
    let rest = chars(word);
    if (length > 0 && length + 1 + rest.length > room()) flush();
    // A partly used first line without room for this word stays empty: the text starts on the next line.
    if (length === 0 && lines.length === 0 && rest.length > room() && room() < full) flush();
    if (options.breakLong) {
      while (rest.length > room()) {
        line = rest.slice(0, room()).join('');
        rest = rest.slice(room());
        flush();
      }
    }
    line = length > 0 ? `${line} ${rest.join('')}` : rest.join('');
    length += (length > 0 ? 1 : 0) + rest.length;
  }
  if (length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps text and indents every line; the first line may get its own prefix (a bullet). Lines stay
 * within `width` as long as it leaves 10 characters next to the indent.
 */
export function wrapIndented(text: string, width: number, indent: string, firstPrefix = indent, options: Pick<WrapOptions, 'breakLong'> = {}): string {
  const room = Math.max(10, width - Math.max(chars(indent).length, chars(firstPrefix).length));
  return wrapWords(text, room, options)
    .map((line, i) => (i === 0 ? firstPrefix : indent) + line)
    .join('\n');
}

/**
 * JSON for stdout. The data is kept as it is, but characters that could steer a terminal (control
 * characters, bidirectional overrides) and CI workflow commands (`##[`) are written as \u escapes,
 * which every JSON reader decodes.
 */
export function safeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/[^\x20-\x7e\n]/gu, (c) => (hasUnsafeCharacters(c) ? JSON_ESCAPE(c) : c));
  return `${guardWorkflowCommands(text, JSON_ESCAPE)}\n`;
}
