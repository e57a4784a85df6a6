// --help of the look-up commands: Dutch description, flags and examples, exit 0.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe.each([
  ['partners', ['convenant partners politie', '--format <formaat>', '--protocols <map>']],
  ['contacts', ['convenant contacts --check', '--today <datum>', 'verouderd']],
  ['checklist', ['convenant checklist --format markdown --output checklist.md', '--output <bestand>']],
  ['graph', ['convenant graph fysiek-geweld', '--calls', 'mermaid (voor GitHub en GitLab)', 'Voor SVG is geen Graphviz nodig']],
  ['explain', ['convenant explain halt', '--kind <soort>', 'nagespeeld']],
  ['completion', ['source <(convenant completion bash)', 'bash, zsh of fish']],
])('convenant %s --help', (command, expected) => {
  it('prints usage, Dutch examples and exit codes', async () => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Gebruik: convenant ${command}`);
    expect(stdout).toContain('Voorbeelden:');
    expect(stdout).toContain('Afsluitcodes:');
    for (const text of expected) expect(stdout).toContain(text);
  });
});
