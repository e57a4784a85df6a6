// Finding 17 (low): escapeMermaid left `%`, `{` and `}` alone, so a question such as
// `%%{init:{'theme':'dark'}}%%` landed verbatim in a node label, where Mermaid's directive scan
// finds it and lets protocol text restyle the diagram on GitHub or GitLab. They are entities now.
import { describe, expect, it } from 'vitest';
import { escapeMermaid } from '../../src/render/graph-mermaid.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDirs } from './hostile-dir.js';

const newDir = hostileDirs();

const DIRECTIVES = ["%%{init:{'theme':'dark'}}%%", '%%{ init: { "flowchart": { "htmlLabels": true } } }%%', 'x%%{wrap}%%y'];

describe('Mermaid directives in protocol text', () => {
  it.each(DIRECTIVES)('escapeMermaid(%s) has no % { }', (text) => {
    expect(escapeMermaid(text)).not.toMatch(/[%{}]/);
  });

  it.each(DIRECTIVES)('graph: question text %s appears only as entities', async (text) => {
    const h = newDir();
    h.write('protocol.yaml', BASE_PROTOCOL.replace('question: Is er acuut gevaar?', `question: ${JSON.stringify(text)}`));
    const { code, stdout } = await runCli(['graph', '--protocols', 'proto'], { cwd: h.root });
    expect(code).toBe(0);
    expect(stdout).not.toContain('%%{');
    expect(stdout).toContain('#37;#37;#123;');
  });

  it('graph: a flow title with a directive does not become one in the comment line', async () => {
    const h = newDir();
    h.write('protocol.yaml', BASE_PROTOCOL.replace('title: Incident', `title: ${JSON.stringify(DIRECTIVES[0])}`));
    const { code, stdout } = await runCli(['graph', 'incident', '--protocols', 'proto'], { cwd: h.root });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/%%\{/);
  });
});
