// The one reading of a typed number answer, for the terminal wizard and the web page alike: a
// whole number in range, with the unit the question names typed along if you like ("13 jaar" is
// 13). Anything else gets a Dutch message saying what to type.
import type { NumberQuestion } from './prompter.js';

export type NumberText = { ok: true; value: number } | { ok: false; message: string };

/** "een heel getal van 4 tot en met 99": what a number question wants, for its messages. */
export function numberRange(q: Pick<NumberQuestion, 'min' | 'max'>): string {
  return `een heel getal van ${q.min} tot en met ${q.max}`;
}

/** The text trimmed and lower-cased, with a trailing unit ("jaar", "jr", "j" or the question's own) dropped. */
export function withoutUnit(text: string, unit: string | undefined): string {
  const units = ['jaar', 'jr', 'j', ...(unit ? [unit.toLowerCase()] : [])].map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text
    .trim()
    .toLowerCase()
    .replace(new RegExp(`^(\\d+)\\s*(${units.join('|')})\\.?$`), '$1');
}

/**
 * Reads a typed number. `unknownHint` ends the message for an empty answer where the question has
 * "weet ik niet" (", of ? als je het niet weet" in the terminal).
 */
export function parseNumberText(text: string, q: Pick<NumberQuestion, 'min' | 'max' | 'unit' | 'allowUnknown'>, unknownHint: string): NumberText {
  const t = withoutUnit(text, q.unit);
  const range = numberRange(q);
  if (t === '') return { ok: false, message: `Typ ${range}${q.allowUnknown ? unknownHint : ''}.` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `Dat is geen heel getal. Typ ${range}.` };
  const n = Number(t);
  if (n < q.min || n > q.max) return { ok: false, message: `Typ ${range}.` };
  return { ok: true, value: n };
}
