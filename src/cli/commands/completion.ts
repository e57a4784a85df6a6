// `convenant completion <shell>`: registration only; the work is in completion-run.ts.
import type { Register } from './index.js';
import { protocolsOption } from './lookup-options.js';

export interface CompletionOptions {
  protocols?: string;
}

export const registerCompletion: Register = (program, io, outcome) => {
  program
    .command('completion')
    .description('Print een script waarmee bash, zsh of fish opdrachten, opties en ids (partners, regels, flows) aanvult met Tab.')
    .argument('<shell>', 'bash, zsh of fish')
    .addOption(protocolsOption())
    .addHelpText(
      'after',
      `
Voorbeelden:
  source <(convenant completion bash)
      Aanvullen in deze bash-sessie. Zet de regel in ~/.bashrc om het altijd te hebben.
  convenant completion zsh > "\${fpath[1]}/_convenant"
      Voor zsh: bewaar het script in een map uit $fpath en start een nieuwe shell.
  convenant completion fish > ~/.config/fish/completions/convenant.fish
      Voor fish.

De ids van partners, regels en flows komen uit het protocol (of uit --protocols) op het moment
dat je het script maakt. Maak het script opnieuw als het protocol verandert.

Afsluitcodes: 0 gelukt, 2 onbekende shell.`,
    )
    .action(async (shell: string, options: CompletionOptions) => {
      const { runCompletion } = await import('./completion-run.js');
      outcome.code = runCompletion(io, program, shell, options);
    });
};
