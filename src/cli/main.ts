// Builds the commander program. Commands load their heavy parts lazily, so `--version` and
// `--help` start fast. Exit codes: 0 ok, 1 findings, 2 usage/I-O, 3 internal, 130 cancelled.
import { Command, CommanderError } from 'commander';
import { Cancelled, EXIT, UsageError } from './exit-codes.js';
import { nodeIo, type Io } from './io.js';
import { registerCommands, type Outcome } from './commands/index.js';
import { sanitize } from '../render/sanitize.js';

declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export function buildProgram(io: Io, outcome: Outcome = { code: EXIT.ok }): Command {
  const program = new Command('convenant')
    .description('Handelingsprotocol Veiligheid in en om school: advies bij incidenten en controles voor coördinatoren.')
    .version(VERSION, '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .option('--debug', 'toon bij een interne fout de volledige foutmelding')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  registerCommands(program, io, outcome);
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  const program = buildProgram(io, outcome);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return outcome.code;
  } catch (error) {
    return handleError(error, io, argv.includes('--debug'));
  }
}

export function handleError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version end here with code 0; parse errors were already printed by commander.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof Cancelled) {
    io.stderr.write('\nAfgebroken. Er is niets opgeslagen.\n');
    return EXIT.cancelled;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`convenant: ${sanitize(error.message)}\n`);
    if (error.hint) io.stderr.write(`  ${sanitize(error.hint)}\n`);
    return error.exitCode;
  }
  io.stderr.write(
    'convenant: interne fout. Dit is een fout in convenant zelf; meld het alstublieft bij de beheerders, met de opdracht die u gaf.\n',
  );
  if (debug) io.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  else io.stderr.write('  Draai dezelfde opdracht met --debug voor de technische details.\n');
  return EXIT.internal;
}

/** Entry point for bin/convenant.js. */
export async function run(argv: readonly string[]): Promise<number> {
  return main(argv, nodeIo());
}
