// Shell completion scripts for bash, zsh and fish, generated from a description of the commands
// (built from the commander program) so new commands and flags complete without editing this file.

export interface CompletionOption {
  /** Long and short spellings: ['--output', '-o']. */
  flags: string[];
  description: string;
  /** What the option's value is: none (a switch), fixed choices, a file, a folder, or free text. */
  value: { kind: 'none' } | { kind: 'choices'; choices: string[] } | { kind: 'file' } | { kind: 'dir' } | { kind: 'text' };
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  /** Values for the first argument (partner ids, flow ids, command names); empty when free. */
  argument?: { label: string; values: string[] };
}

export interface CompletionSpec {
  program: string;
  description: string;
  commands: CompletionCommand[];
  globalOptions: CompletionOption[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Words that end up inside shell code unquoted: only ids and flags, which never need quoting. */
const SAFE_WORD = /^[A-Za-z0-9][A-Za-z0-9._-]*$|^--?[A-Za-z0-9][A-Za-z0-9-]*$/;
const words = (list: readonly string[]) => list.filter((w) => SAFE_WORD.test(w));
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  switch (shell) {
    case 'bash':
      return bash(spec);
    case 'zsh':
      return zsh(spec);
    case 'fish':
      return fish(spec);
  }
}

// ---------------------------------------------------------------- bash

function bash(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/[^A-Za-z0-9]/g, '_')}_completion`;
  const topWords = [...spec.commands.map((c) => c.name), ...spec.globalOptions.flatMap((o) => o.flags)];
  const out = [
    `# bash-completion voor ${spec.program}.`,
    `# Laden in deze shell:  source <(${spec.program} completion bash)`,
    `# Altijd laden: bewaar de uitvoer als ~/.local/share/bash-completion/completions/${spec.program}`,
    `${fn}() {`,
    '  local cur prev cmd i',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  cmd=""',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in',
    '      -*) ;;',
    '      *) cmd="${COMP_WORDS[i]}"; break ;;',
    '    esac',
    '  done',
    '  if [[ -z "$cmd" ]]; then',
    `    COMPREPLY=( $(compgen -W "${words(topWords).join(' ')}" -- "$cur") )`,
    '    return 0',
    '  fi',
    '  case "$cmd" in',
  ];
  for (const command of spec.commands) {
    if (!SAFE_WORD.test(command.name)) continue;
    out.push(`    ${command.name})`);
    const valued = command.options.filter((o) => o.value.kind !== 'none');
    if (valued.length) {
      out.push('      case "$prev" in');
      for (const option of valued) {
        const pattern = words(option.flags).join('|');
        if (!pattern) continue;
        const v = option.value;
        const action =
          v.kind === 'choices'
            ? `COMPREPLY=( $(compgen -W "${words(v.choices).join(' ')}" -- "$cur") )`
            : v.kind === 'dir'
              ? 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -d -- "$cur") )'
              : v.kind === 'file'
                ? 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )'
                : 'COMPREPLY=()';
        out.push(`        ${pattern}) ${action}; return 0 ;;`);
      }
      out.push('      esac');
    }
    const flags = words(command.options.flatMap((o) => o.flags));
    out.push(`      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "${flags.join(' ')}" -- "$cur") ); return 0; fi`);
    const values = words(command.argument?.values ?? []);
    out.push(values.length ? `      COMPREPLY=( $(compgen -W "${values.join(' ')}" -- "$cur") )` : '      COMPREPLY=()');
    out.push('      ;;');
  }
  out.push('  esac', '  return 0', '}', `complete -F ${fn} ${spec.program}`, '');
  return out.join('\n');
}

// ---------------------------------------------------------------- zsh

/** Text inside single quotes in zsh, also safe inside an _arguments [description]. */
const zshQuoted = (text: string) =>
  oneLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/'/g, `'\\''`)
    .replace(/([[\]:])/g, '\\$1');

function zshOptionSpecs(options: readonly CompletionOption[]): string[] {
  return options.flatMap((option) => {
    const flags = words(option.flags);
    if (!flags.length) return [];
    const v = option.value;
    const action =
      v.kind === 'none'
        ? ''
        : v.kind === 'choices'
          ? `:waarde:(${words(v.choices).join(' ')})`
          : v.kind === 'dir'
            ? ':map:_files -/'
            : v.kind === 'file'
              ? ':bestand:_files'
              : ':waarde: ';
    const description = `[${zshQuoted(option.description)}]`;
    if (flags.length === 1) return [`'${flags[0]}${description}${action}'`];
    return [`'(${flags.join(' ')})'{${flags.join(',')}}'${description}${action}'`];
  });
}

function zsh(spec: CompletionSpec): string {
  const fn = `_${spec.program.replace(/[^A-Za-z0-9]/g, '_')}`;
  const out = [
    `#compdef ${spec.program}`,
    `# zsh-completion voor ${spec.program}.`,
    `# Laden in deze shell:  source <(${spec.program} completion zsh)`,
    `# Altijd laden: bewaar de uitvoer als ${fn} in een map uit $fpath (voor compinit).`,
    `${fn}() {`,
    '  local context state state_descr line',
    '  typeset -A opt_args',
    '  local -a commands',
    '  commands=(',
    ...spec.commands.filter((c) => SAFE_WORD.test(c.name)).map((c) => `    '${c.name}:${zshQuoted(c.description)}'`),
    '  )',
    '  if (( CURRENT == 2 )); then',
    `    _arguments ${zshOptionSpecs(spec.globalOptions).join(' ')} '1:opdracht:->cmds'`,
    "    [[ $state == cmds ]] && _describe -t commands 'opdracht' commands",
    '    return',
    '  fi',
    '  local cmd=$words[2]',
    '  shift words',
    '  (( CURRENT-- ))',
    '  case $cmd in',
  ];
  for (const command of spec.commands) {
    if (!SAFE_WORD.test(command.name)) continue;
    const specs = zshOptionSpecs(command.options);
    const values = words(command.argument?.values ?? []);
    if (values.length) specs.push(`'1:${zshQuoted(command.argument!.label)}:(${values.join(' ')})'`);
    out.push(`    ${command.name})`, `      _arguments -s ${specs.join(' \\\n        ')}`, '      ;;');
  }
  out.push('  esac', '}', `if [ "$funcstack[1]" = "${fn}" ]; then`, `  ${fn} "$@"`, 'else', `  compdef ${fn} ${spec.program}`, 'fi', '');
  return out.join('\n');
}

// ---------------------------------------------------------------- fish

const fishQuoted = (text: string) => `'${oneLine(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(spec: CompletionSpec): string {
  const p = spec.program;
  const out = [
    `# fish-completion voor ${p}.`,
    `# Laden in deze shell:  ${p} completion fish | source`,
    `# Altijd laden: bewaar de uitvoer als ~/.config/fish/completions/${p}.fish`,
    `complete -c ${p} -f`,
  ];
  const optionLine = (condition: string, option: CompletionOption) => {
    const flags = words(option.flags);
    if (!flags.length) return undefined;
    const parts = [`complete -c ${p} -n ${condition}`];
    for (const flag of flags) parts.push(flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`);
    const v = option.value;
    if (v.kind === 'choices') parts.push(`-x -a ${fishQuoted(words(v.choices).join(' '))}`);
    else if (v.kind === 'dir') parts.push(`-x -a '(__fish_complete_directories)'`);
    else if (v.kind === 'file') parts.push('-r -F');
    else if (v.kind === 'text') parts.push('-x');
    parts.push(`-d ${fishQuoted(option.description)}`);
    return parts.join(' ');
  };
  for (const option of spec.globalOptions) {
    const line = optionLine('__fish_use_subcommand', option);
    if (line) out.push(line);
  }
  for (const command of spec.commands) {
    if (!SAFE_WORD.test(command.name)) continue;
    out.push(`complete -c ${p} -n __fish_use_subcommand -a ${command.name} -d ${fishQuoted(command.description)}`);
  }
  for (const command of spec.commands) {
    if (!SAFE_WORD.test(command.name)) continue;
    const condition = `'__fish_seen_subcommand_from ${command.name}'`;
    for (const option of command.options) {
      const line = optionLine(condition, option);
      if (line) out.push(line);
    }
    const values = words(command.argument?.values ?? []);
    if (values.length) out.push(`complete -c ${p} -n ${condition} -a ${fishQuoted(values.join(' '))} -d ${fishQuoted(command.argument!.label)}`);
  }
  out.push('');
  return out.join('\n');
}
