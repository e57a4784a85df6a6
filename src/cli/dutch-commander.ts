// Commander speaks English; staff read Dutch. Translates its help headings, option notes and
// parse errors, so every line the tool prints is Dutch.
import type { Command, Help } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Global Options:': 'Algemene opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
};

const NOTES: [RegExp, string][] = [
  [/\(choices: /g, '(keuze uit: '],
  [/\bchoices: /g, 'keuze uit: '],
  [/\bdefault: /g, 'standaard: '],
  [/\bpreset: /g, 'vooraf: '],
  [/\benv: /g, 'omgevingsvariabele: '],
];

const ERRORS: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/, "fout: onbekende optie '$1'"],
  [/^error: unknown command '([^']*)'/, "fout: onbekende opdracht '$1'"],
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, "fout: te veel argumenten voor '$1': verwacht $2, gekregen $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, 'fout: te veel argumenten: verwacht $1, gekregen $2.'],
  [/^error: missing required argument '([^']*)'/, "fout: het argument '$1' ontbreekt"],
  [/^error: option '([^']*)' argument missing/, "fout: bij optie '$1' hoort een waarde"],
  [/^error: required option '([^']*)' not specified/, "fout: de optie '$1' is verplicht"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, "fout: '$2' is geen geldige waarde voor '$1'. Kies uit: $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, "fout: '$2' is geen geldige waarde voor '$1'."],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\./, "fout: '$1' is geen geldige waarde voor '$2'. Kies uit: $3."],
  [/^error: (.*) cannot be used with (.*)/, 'fout: $1 gaat niet samen met $2'],
  [/\(Did you mean one of (.*)\?\)/, '(Bedoel je een van: $1?)'],
  [/\(Did you mean (.*)\?\)/, '(Bedoel je $1?)'],
  [/\(add --help for additional information\)/, '(gebruik --help voor meer uitleg)'],
  [/^error: /, 'fout: '],
];

export function translateError(message: string): string {
  return message
    .split('\n')
    .map((line) => ERRORS.reduce((text, [pattern, dutch]) => text.replace(pattern, dutch), line))
    .join('\n');
}

const helpConfig: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(this: Help, command) {
    return (Object.getPrototypeOf(this).commandUsage.call(this, command) as string).replace('[options]', '[opties]').replace('[command]', '[opdracht]');
  },
  optionDescription(this: Help, option) {
    return NOTES.reduce((text, [pattern, dutch]) => text.replace(pattern, dutch), Object.getPrototypeOf(this).optionDescription.call(this, option) as string);
  },
  argumentDescription(this: Help, argument) {
    return NOTES.reduce((text, [pattern, dutch]) => text.replace(pattern, dutch), Object.getPrototypeOf(this).argumentDescription.call(this, argument) as string);
  },
};

/** Applies the Dutch help texts to a command and all its subcommands. */
export function useDutch(command: Command): void {
  command.configureHelp(helpConfig);
  for (const sub of command.commands) useDutch(sub);
}
