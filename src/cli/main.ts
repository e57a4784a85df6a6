// Builds the commander program. Commands load their heavy parts lazily, so `--version` and
// `--help` start fast. Exit codes: 0 ok, 1 findings, 2 usage/I-O, 3 internal, 130 cancelled.
import { Command, CommanderError } from 'commander';
import { Cancelled } from '../ui/cancelled.js';
import { EXIT, UsageError } from './exit-codes.js';
import { nodeIo, type Io } from './io.js';
import { registerCommands, type Outcome } from './commands/index.js';
import { guardWorkflowCommands, sanitize, TEXT_ESCAPE } from '../render/sanitize.js';
import { translateError, useDutch } from './dutch-commander.js';
import { checkOptionValues } from './option-values.js';

import { VERSION } from './version.js';

export { VERSION };

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
      // Parse errors quote the arguments back: no control characters from them reach the terminal.
      writeErr: (s) => io.stderr.write(sanitize(s)),
      outputError: (s, write) => write(translateError(s)),
    });
  registerCommands(program, io, outcome);
  // Runs for every command, nested ones too, before its action: `--output --force` writes nothing.
  program.hook('preAction', (_program, action) => checkOptionValues(action));
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  useDutch(program);
  return program;
}

export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  try {
    const program = buildProgram(io, outcome);
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
    // A message may span lines, but none may read as a CI workflow command.
    const shown = (text: string) => guardWorkflowCommands(sanitize(text), TEXT_ESCAPE);
    io.stderr.write(`convenant: ${shown(error.message)}\n`);
    if (error.hint) io.stderr.write(`  ${shown(error.hint)}\n`);
    return error.exitCode;
  }
  return reportInternalError(error, io, debug);
}

/**
 * A bug: one line asking to report it, exit 3. The error's message and stack only with --debug:
 * they can quote file contents or answers, and a stack trace means nothing to school staff.
 */
export function reportInternalError(error: unknown, io: Io, debug: boolean): number {
  const kind = error instanceof Error ? ` (${sanitize(error.name)})` : '';
  io.stderr.write(
    `convenant: interne fout${kind}. Dit is een fout in convenant zelf; meld het alstublieft bij de beheerders, met de opdracht die u gaf${debug ? '' : ' (details: dezelfde opdracht met --debug)'}.\n`,
  );
  if (debug) io.stderr.write(`${sanitize(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return EXIT.internal;
}

/** Entry point for bin/convenant.cjs. */
export async function run(argv: readonly string[]): Promise<number> {
  const io = nodeIo();
  const debug = argv.includes('--debug');
  // A reader that goes away (`convenant partners | head -1`) is not an error: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      process.exit(EXIT.internal);
    });
  }
  // Errors outside the awaited command (a stray callback) still end as one line and exit 3.
  const crash = (error: unknown) => {
    process.exitCode = reportInternalError(error, io, debug);
    process.exit();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // SIGTERM and SIGHUP (a closed terminal, a CI timeout) end like Ctrl-C. Writing --output is
  // synchronous and cleans up after itself, so this never runs half-way through a write: no
  // temporary file stays behind. The cursor a prompt may have hidden is shown again.
  const stop = () => {
    if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
    io.stderr.write('\nAfgebroken. Er is niets opgeslagen.\n');
    process.exit(EXIT.cancelled);
  };
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  return main(argv, io);
}
