// Text from protocol files and answers files is never written raw to a terminal: control
// characters (C0, DEL, C1), escape sequences and bidirectional marks, embeddings, overrides and
// isolates are shown as visible \u{..} codes. Tab and newline stay.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * The same characters for a plain test: no `g` (no lastIndex to reset) and no `u` (every range is
 * in the BMP, so code units and code points match alike, and V8 runs it faster). validate tests
 * every string of a protocol with it.
 */
const UNSAFE_TEST = new RegExp(UNSAFE.source);

/** Whether the text holds characters that `sanitize` would neutralise (validate reports them). */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/**
 * Text shown on one line (a file name, a scenario name, a key, a message): `sanitize`, and line
 * breaks written as visible \n / \r, so protocol text can never start a line of its own (a forged
 * finding, or a CI workflow command such as `::add-mask::`).
 */
export function sanitizeLine(text: string): string {
  return guardWorkflowCommands(sanitize(text).replace(/\r/g, '\\r').replace(/\n/g, '\\n'), TEXT_ESCAPE);
}

/** How one character is written without changing what a reader of the format gets. */
export type CommandEscape = (char: string) => string;
export const TEXT_ESCAPE: CommandEscape = (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`;
export const JSON_ESCAPE: CommandEscape = (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;
export const XML_ESCAPE: CommandEscape = (c) => `&#${c.codePointAt(0)!};`;

/**
 * The last guard on a CI report: the GitHub Actions runner executes any output line that starts
 * (after spaces) with `::`, or holds `##[` anywhere (the legacy form). Such lines get the first `:`
 * or the second `#` escaped in the way of the format, so JSON and XML readers get the same data.
 */
export function guardWorkflowCommands(output: string, escape: CommandEscape): string {
  return output
    .replace(/^([^\S\r\n]*):(?=:)/gm, (_m, space: string) => `${space}${escape(':')}`)
    .replace(/##\[/g, `#${escape('#')}[`);
}
