// Text from protocol files and answers files is never written raw to a terminal: control
// characters (C0, DEL, C1), escape sequences and bidirectional marks, embeddings, overrides and
// isolates are shown as visible \u{..} codes. Tab and newline stay.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Whether the text holds characters that `sanitize` would neutralise (validate reports them). */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
