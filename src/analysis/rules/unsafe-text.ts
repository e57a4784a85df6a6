import { hasUnsafeCharacters, UNSAFE_CHARACTERS } from '../../model/unsafe-characters.js';
import type { Rule, Finding } from '../rule.js';

/**
 * The unsafe characters as they appear in JSON text: as themselves, or as the escapes
 * JSON.stringify writes for control characters (\b, \f, \r and \u0000 to \u001f; tab and newline
 * are safe). No `u` flag: every range is in the BMP (as in hasUnsafeCharacters).
 */
const UNSAFE_IN_JSON = new RegExp(`${UNSAFE_CHARACTERS.source}|\\\\[bfr]|\\\\u00[01]`);

/**
 * False when no string anywhere in `value` can hold an unsafe character: one native pass over its
 * JSON text instead of a look at every string (validate's start-up time; almost every protocol is
 * clean). True when one might, or when the value cannot be written as JSON: then look closer.
 * JSON.stringify writes every own enumerable string property of plain objects and arrays, which
 * is what the walk below reads; a stray backslash in the text only costs that closer look.
 */
export function mayHoldUnsafeText(value: unknown): boolean {
  try {
    const text = JSON.stringify(value);
    return text === undefined || UNSAFE_IN_JSON.test(text);
  } catch {
    return true;
  }
}

/**
 * A backslash that may start an escape giving an unsafe character in a double-quoted YAML string
 * (\e, \x1b, \u202e, \N, ...). Not the escapes that give only safe text: \" \\ \/ \t \n, an escaped
 * space or line break, \_ (no-break space). A "\\e" is flagged too (its second backslash): a closer
 * look, never a miss.
 */
const UNSAFE_ESCAPE = /\\[^"\\/tn _\n\t]/;

/**
 * False when no string read from these YAML texts can hold an unsafe character: none is in the
 * text itself, and no backslash starts an escape that can make one. One native pass per file, over
 * text that is in memory already.
 */
export function textsMayHoldUnsafe(texts: readonly string[]): boolean {
  for (let i = 0; i < texts.length; i++) if (hasUnsafeCharacters(texts[i]!) || UNSAFE_ESCAPE.test(texts[i]!)) return true;
  return false;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const unsafeText: Rule = {
  code: 'unsafe-text',
  needsValidProtocol: false,
  *check({ protocol, sourceTexts }) {
    const found: Finding[] = [];
    // Iterative walk over every object the loader produced; strings are checked where they sit.
    const stack: object[] = [protocol.meta, ...protocol.sources, ...protocol.partners, ...protocol.rules, ...protocol.flows, ...protocol.checklist];
    // The quick look: at the files when they are known (the JSON text of a whole protocol is a large
    // allocation at every start), else at the protocol itself.
    if (!(sourceTexts ? textsMayHoldUnsafe(sourceTexts) : mayHoldUnsafeText(stack))) return;
    const seen = new Set<object>();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      // for-in over own keys, not Object.entries: no array per object (validate's start-up time).
      const isArray = Array.isArray(node);
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        const value: unknown = (node as Record<string, unknown>)[key];
        const k = isArray ? Number(key) : key;
        if (typeof value === 'string') {
          if (!hasUnsafeCharacters(value)) continue;
          const chars = [...new Set([...value].filter((c) => hasUnsafeCharacters(c)))].map(codePoint);
          found.push({
            node,
            key: k,
            message: `tekst bevat ${chars.length === 1 ? 'een onzichtbaar stuurteken' : 'onzichtbare stuurtekens'} (${chars.slice(0, 4).join(', ')})`,
            hint: 'Haal het teken weg. Zulke tekens kunnen in een terminal kleuren veranderen, tekst verbergen of omdraaien.',
          });
        } else if (value !== null && typeof value === 'object') {
          stack.push(value);
        }
      }
    }
    yield* found;
  },
};
