// Which characters of protocol text can mislead a terminal: control characters (C0, DEL, C1),
// escape sequences and bidirectional marks, embeddings, overrides and isolates. Tab and newline
// are fine. The analysis reports them (unsafe-text); the renderers neutralise them (sanitize).
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The same characters for a plain test: no `g` (no lastIndex to reset) and no `u` (every range is
 * in the BMP, so code units and code points match alike, and V8 runs it faster). validate tests
 * every string of a protocol with it.
 */
const UNSAFE_TEST = new RegExp(UNSAFE_CHARACTERS.source);

/** Whether the text holds characters that `sanitize` would neutralise (validate reports them). */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEST.test(text);
}
