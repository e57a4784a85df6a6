// `convenant graph` in-process: formats, one flow or all, --calls, --output, unknown flows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDot, parseMermaid, svgNodes } from '../helpers/diagram.js';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-graph-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('convenant graph', () => {
  it('prints one shipped flow as Mermaid by default, titled with the protocol and the flow', async () => {
    const { code, stdout, stderr } = await runCli(['graph', 'fysiek-geweld']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^%% Handelingsprotocol Veiligheid in en om school: Fysiek geweld\n/);
    const model = parseMermaid(stdout);
    expect(model.badLines).toEqual([]);
    expect(model.subgraphs.map((s) => s.title)).toEqual(['Fysiek geweld']);
    // The hand-overs are visible as nodes.
    const labels = [...model.nodes.values()];
    expect(labels).toContain('Doorloop: Leeftijd van de dader');
    expect(labels.some((l) => l.startsWith('Doorloop: Meldcode'))).toBe(true);
  });

  it('draws every flow of the protocol without a flow argument, and warns that it is too big for GitHub', async () => {
    const { code, stdout, stderr } = await runCli(['graph']);
    expect(code).toBe(0);
    const model = parseMermaid(stdout);
    expect(model.badLines).toEqual([]);
    expect(model.subgraphs).toHaveLength(shipped().protocol!.flows.length);
    expect(model.edges.filter((e) => e.dotted && !e.label).length).toBeGreaterThan(20); // hand-overs into the category flows
    expect(stderr).toContain('te groot voor GitHub');
  });

  it('includes the flows a flow hands over to with --calls', async () => {
    const { stdout } = await runCli(['graph', 'fysiek-geweld', '--calls', '--format', 'dot']);
    const model = parseDot(stdout);
    expect(model.balanced).toBe(true);
    expect(model.clusters).toEqual([
      'cluster_fysiek-geweld',
      'cluster_dader-leeftijd',
      'cluster_ouder-dader',
      'cluster_meldcode',
      'cluster_veilig-naar-huis',
      'cluster_herhaling',
      'cluster_camerabeelden',
    ]);
    expect(model.edges.find((e) => e.to === 'dader-leeftijd' && e.attrs.includes('style=dashed'))).toBeDefined();
  });

  it('writes an SVG without a native Graphviz, with a node for every step (mini fixture)', async () => {
    const { code, stdout, stderr } = await runCli(['graph', '--protocols', MINI_DIR, '--format', 'svg', '--output', 'mini.svg'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('mini.svg');
    const svg = readFileSync(join(dir, 'mini.svg'), 'utf8');
    const titles = svgNodes(svg).map((n) => n.title);
    for (const step of ['gevaar', 'soort', 'halt-route', 'signalen', 'leeftijd']) expect(titles).toContain(step);
    expect(svgNodes(svg).find((n) => n.title === 'advice:soort:1')?.texts).toEqual(['• regel: meldcode']);
  });

  it('renders a shipped flow as SVG on stdout, with its questions', async () => {
    const { code, stdout } = await runCli(['graph', 'vuurwerk', '--format', 'svg']);
    expect(code).toBe(0);
    const flow = shipped().protocol!.flows.find((f) => f.id === 'vuurwerk')!;
    const nodes = svgNodes(stdout);
    for (const step of flow.steps) expect(nodes.map((n) => n.title)).toContain(step.id);
  });

  it('exits 2 for an unknown flow, with a suggestion and the list of flows', async () => {
    const { code, stdout, stderr } = await runCli(['graph', 'fysiek-gewled']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('onbekende flow "fysiek-gewled"');
    expect(stderr).toContain('Bedoel je "fysiek-geweld"?');
    expect(stderr).toContain('incident, ');
  });

  it('exits 2 for --calls without a flow and for an unknown format', async () => {
    expect((await runCli(['graph', '--calls'])).code).toBe(2);
    const bad = await runCli(['graph', '--format', 'png']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Kies uit: mermaid, dot, svg.');
  });

  it('exits 2 with the first errors when the protocol folder has errors', async () => {
    const broken = join(dir, 'kapot');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(broken);
    writeFileSync(join(broken, 'protocol.yaml'), 'protocol:\n  id: x\n  title: [niet goed\n');
    const { code, stderr } = await runCli(['graph', '--protocols', broken]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/protocol\.yaml:\d+:\d+: /);
    expect(stderr).toContain('bevat fouten');
    expect(stderr).toContain('convenant validate --protocols');
  });
});
