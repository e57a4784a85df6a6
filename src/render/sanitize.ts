// Text from protocol files and answers files is never written raw to a terminal: the characters
// that can mislead one (src/model/unsafe-characters.ts) are shown as visible \u{..} codes. Tab and
// newline stay.
import { UNSAFE_CHARACTERS } from '../model/unsafe-characters.js';

export function sanitize(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
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
  return output.replace(/^([^\S\r\n]*):(?=:)/gm, (_m, space: string) => `${space}${escape(':')}`).replace(/##\[/g, `#${escape('#')}[`);
}
