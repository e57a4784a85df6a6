// `convenant completion`: scripts for bash, zsh and fish, checked by the shells themselves where
// installed (bash completes for real), and for content everywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-completion-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function script(shell: string, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli(['completion', shell, ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

describe('convenant completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: names every command, the look-up flags and the shipped ids', async (shell) => {
    const text = await script(shell);
    for (const word of [
      'partners',
      'contacts',
      'checklist',
      'graph',
      'explain',
      'completion',
      '--format',
      '--protocols',
      '--today',
      '--calls',
      'mermaid',
      'svg',
      'politie',
      'veilig-thuis',
      'meldcode',
      'fysiek-geweld',
    ]) {
      // fish spells a long flag as `-l format`.
      const spelled = shell === 'fish' && word.startsWith('--') ? `-l ${word.slice(2)}` : word;
      expect(text, word).toContain(spelled);
    }
  });

  it('takes the ids from another protocol with --protocols', async () => {
    const text = await script('bash', '--protocols', MINI_DIR);
    expect(text).toContain('zorgteam');
    expect(text).not.toContain('veilig-thuis');
  });

  it.runIf(has('bash'))('bash: completes commands, partner ids, rule ids, flow ids and --format values', async () => {
    const file = join(dir, 'convenant.bash');
    writeFileSync(file, await script('bash'));
    const probe = (...words: string[]) => {
      const code = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _convenant_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const result = spawnSync('bash', ['--norc', '--noprofile', '-c', code], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.trim().split('\n').filter(Boolean);
    };
    expect(probe('convenant', 'pa')).toEqual(['partners']);
    expect(probe('convenant', 'partners', 'pol')).toEqual(['politie']);
    expect(probe('convenant', 'explain', 'meldc')).toEqual(['meldcode']);
    expect(probe('convenant', 'graph', 'fysiek')).toEqual(['fysiek-geweld']);
    expect(probe('convenant', 'graph', '--format', '')).toEqual(['mermaid', 'dot', 'svg']);
    expect(probe('convenant', 'contacts', '--t')).toEqual(['--today']);
    expect(probe('convenant', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it.runIf(has('zsh'))('zsh: the script parses', async () => {
    const file = join(dir, '_convenant');
    writeFileSync(file, await script('zsh'));
    const result = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(has('fish'))('fish: the script parses and completes partner ids and --format values', async () => {
    const file = join(dir, 'convenant.fish');
    writeFileSync(file, await script('fish'));
    const result = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C 'convenant partners pol'; complete -C 'convenant graph --format '`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0]);
    expect(lines).toEqual(['politie', 'dot', 'mermaid', 'svg']);
  });

  it('zsh: descriptions are quoted for _arguments (colons and brackets escaped)', async () => {
    const text = await script('zsh');
    expect(text).toMatch(/^#compdef convenant\n/);
    expect(text).toContain("'--format[text (scherm) of json]:waarde:(text json)'");
    expect(text).toContain('(ook\\: CONVENANT_PROTOCOLS)');
    expect(text).toContain('compdef _convenant convenant');
  });

  it('exits 2 for an unknown shell, with a suggestion', async () => {
    const { code, stderr } = await runCli(['completion', 'bsh']);
    expect(code).toBe(2);
    expect(stderr).toContain('onbekende shell "bsh"');
    expect(stderr).toContain('Bedoel je "bash"?');
  });
});
