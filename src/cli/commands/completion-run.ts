// The work behind `convenant completion`: describe the commander program, add the ids from the
// protocol, and print the script for the shell.
import type { Command, Option } from 'commander';
import { suggest } from '../../diagnostics/index.js';
import { loadProtocol, WITHOUT_SCENARIOS } from '../../loader/index.js';
import type { Protocol } from '../../model/index.js';
import { renderCompletion, SHELLS, type CompletionOption, type CompletionSpec, type Shell } from '../../render/completion.js';
import { sanitize } from '../../render/sanitize.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { pathKind } from '../option-values.js';
import { protocolDirFor } from '../protocol-dir.js';
import type { CompletionOptions } from './completion.js';

export function runCompletion(io: Io, program: Command, shell: string, options: CompletionOptions): number {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    const close = suggest(shell, SHELLS);
    throw new UsageError(`onbekende shell "${sanitize(shell)}"`, `${close ? `Bedoel je "${close}"? ` : ''}Kies uit: ${SHELLS.join(', ')}.`);
  }
  // Ids are a convenience: a protocol that does not load just gives a script without them.
  const loaded = loadProtocol(protocolDirFor(io, options.protocols), io.cwd, WITHOUT_SCENARIOS);
  io.stdout.write(renderCompletion(shell as Shell, completionSpec(program, loaded.ok ? loaded.protocol : undefined)));
  return EXIT.ok;
}

/** The commands, their flags and the ids their first argument takes. */
export function completionSpec(program: Command, protocol: Protocol | undefined): CompletionSpec {
  const commands = program.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  const ids: Record<string, { label: string; values: string[] }> = {
    partners: { label: 'partner', values: protocol?.partners.map((p) => p.id) ?? [] },
    explain: { label: 'partner of regel', values: [...new Set([...(protocol?.partners.map((p) => p.id) ?? []), ...(protocol?.rules.map((r) => r.id) ?? [])])] },
    graph: { label: 'flow', values: protocol?.flows.map((f) => f.id) ?? [] },
    completion: { label: 'shell', values: [...SHELLS] },
    help: { label: 'opdracht', values: commands.map((c) => c.name()) },
  };
  const help: CompletionOption = { flags: ['--help', '-h'], description: 'toon hulp', value: { kind: 'none' } };
  return {
    program: program.name(),
    description: program.description(),
    globalOptions: [...program.options.filter((o) => !o.hidden).map(optionOf), help],
    commands: [
      ...commands.map((c) => ({
        name: c.name(),
        description: c.description(),
        options: [...c.options.filter((o) => !o.hidden).map(optionOf), help],
        ...(ids[c.name()]?.values.length ? { argument: ids[c.name()]! } : {}),
      })),
      ...(program.commands.some((c) => c.name() === 'help') ? [] : [{ name: 'help', description: 'toon hulp bij een opdracht', options: [], argument: ids.help! }]),
    ],
  };
}

function optionOf(option: Option): CompletionOption {
  const flags = [option.long, option.short].filter((f): f is string => Boolean(f));
  const value: CompletionOption['value'] = option.argChoices?.length
    ? { kind: 'choices', choices: option.argChoices }
    : !option.required && !option.optional
      ? { kind: 'none' }
      : // An optional value (`--register [bestand]`) is not completed as a path: the next word may be an option.
        { kind: (option.required && pathKind(option)) || 'text' };
  return { flags, description: option.description, value };
}
