// Small text helpers for the look-up renderers: word wrapping and JSON that is safe to print.
import { guardWorkflowCommands, hasUnsafeCharacters, JSON_ESCAPE } from './sanitize.js';

/** Breaks text into lines of at most `width` characters at spaces (longer words stay whole). */
export function wrapWords(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Wraps text and indents every line; the first line may get its own prefix (a bullet). */
export function wrapIndented(text: string, width: number, indent: string, firstPrefix = indent): string {
  const room = Math.max(20, width - indent.length);
  return wrapWords(text, room)
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
