// Flow diagrams: the graph model, Mermaid and DOT read back line by line, and a real SVG rendered
// with the WebAssembly Graphviz, checked for its nodes.
import { describe, expect, it } from 'vitest';
import { buildFlowGraph, flowsCalledFrom } from '../../src/analysis/flow-graph.js';
import { renderDot, escapeDot } from '../../src/render/graph-dot.js';
import { NODE_WIDTH } from '../../src/render/graph-labels.js';
import { escapeMermaid, renderMermaid } from '../../src/render/graph-mermaid.js';
import { dotToSvg } from '../../src/render/svg.js';
import { parseDot, parseMermaid, svgClusters, svgNodes } from '../helpers/diagram.js';
import { mini } from '../helpers/mini.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { shipped } from '../helpers/shipped.js';

describe('flow graph model (mini fixture)', () => {
  const graph = buildFlowGraph(mini());
  const keys = graph.clusters.flatMap((c) => c.nodes.map((n) => n.key));

  it('has one cluster per flow with a node for every step and an end node', () => {
    expect(graph.clusters.map((c) => c.flow.id)).toEqual(['melding', 'leeftijd']);
    for (const step of ['gevaar', 'soort', 'halt-route', 'signalen', 'leeftijd']) expect(keys).toContain(`step:${step}`);
    expect(keys).toContain('end:melding');
    expect(keys).toContain('end:leeftijd');
  });

  it('puts partner and rule advice in advice nodes on the branch that gives it, with urgency and condition', () => {
    const node = (key: string) => graph.clusters.flatMap((c) => c.nodes).find((n) => n.key === key);
    expect(node('advice:gevaar:0')?.advice).toEqual([{ kind: 'partner', id: 'politie', name: 'Politie Testdorp', urgency: 'immediate' }]);
    expect(node('advice:leeftijd:1')?.advice).toEqual([{ kind: 'rule', id: 'meldcode', title: 'Meldcode (test)', when: { step: 'gevaar', is: 'ja' } }]);
    expect(graph.edges).toContainEqual({ from: 'step:gevaar', to: 'advice:gevaar:0', label: 'Ja', kind: 'next' });
    expect(graph.edges).toContainEqual({ from: 'advice:gevaar:0', to: 'step:soort', kind: 'next' });
  });

  it('draws a hand-over as a call node that continues with next, linked to the called flow', () => {
    expect(graph.edges).toContainEqual({ from: 'step:soort', to: 'call:soort:0:0', label: 'Ruzie of geweld', kind: 'next' });
    expect(graph.edges).toContainEqual({ from: 'call:soort:0:0', to: 'step:leeftijd', kind: 'handover' });
    expect(graph.edges).toContainEqual({ from: 'call:soort:0:0', to: 'step:halt-route', kind: 'next' });
  });

  it('merges answers without advice that go to the same place into one edge', () => {
    const plain = graph.edges.filter((e) => e.from === 'step:leeftijd' && e.to === 'end:leeftijd');
    expect(plain).toEqual([{ from: 'step:leeftijd', to: 'end:leeftijd', label: 'jonger dan 12 / 18 of ouder / Weet ik niet', kind: 'next' }]);
  });

  it('labels route edges with their condition, and the otherwise branch', () => {
    expect(graph.edges).toContainEqual({ from: 'step:halt-route', to: 'advice:halt-route:0', when: { step: 'leeftijd', min: 12, max: 17 }, kind: 'next' });
    expect(graph.edges).toContainEqual({ from: 'step:halt-route', to: 'end:melding', otherwise: true, kind: 'next' });
  });

  it('for one flow, shows the called flow as a node only; flowsCalledFrom adds it', () => {
    const one = buildFlowGraph(mini(), { flows: ['melding'] });
    expect(one.clusters.map((c) => c.flow.id)).toEqual(['melding']);
    expect(one.edges.some((e) => e.kind === 'handover')).toBe(false);
    expect(flowsCalledFrom(mini(), 'melding')).toEqual(['melding', 'leeftijd']);
    expect(flowsCalledFrom(shipped().protocol!, 'fysiek-geweld')).toEqual([
      'fysiek-geweld',
      'dader-leeftijd',
      'ouder-dader',
      'meldcode',
      'veilig-naar-huis',
      'herhaling',
      'camerabeelden',
    ]);
  });
});

describe('Mermaid', () => {
  it('writes only lines of the expected forms, every edge between declared nodes', () => {
    const model = parseMermaid(renderMermaid(buildFlowGraph(mini()), 'Miniprotocol'));
    expect(model.badLines).toEqual([]);
    expect(model.subgraphs.map((s) => s.title)).toEqual(['Melding op school', 'Leeftijd van de dader']);
    for (const edge of model.edges) {
      expect(model.nodes.has(edge.from), edge.from).toBe(true);
      expect(model.nodes.has(edge.to), edge.to).toBe(true);
    }
    expect(model.nodes.get('step_gevaar')).toBe('Is er nu gevaar?');
    expect(model.nodes.get('advice_gevaar_0')).toBe('• politie · direct');
    expect(model.nodes.get('call_soort_0_0')).toBe('Doorloop: Leeftijd van de dader');
    expect(model.edges).toContainEqual({ from: 'step_halt_route', to: 'advice_halt_route_0', label: 'als leeftijd 12 t/m 17', dotted: false });
    expect(model.edges).toContainEqual({ from: 'call_soort_0_0', to: 'step_leeftijd', dotted: true });
  });

  it('renders every shipped flow on its own within GitHub limits, with partner and rule outcomes', () => {
    const protocol = shipped().protocol!;
    for (const flow of protocol.flows) {
      const text = renderMermaid(buildFlowGraph(protocol, { flows: [flow.id] }), flow.title);
      const model = parseMermaid(text);
      expect(model.badLines, flow.id).toEqual([]);
      expect(text.length, flow.id).toBeLessThan(50_000);
      expect(model.edges.length, flow.id).toBeLessThan(500);
      expect(model.subgraphs[0]!.nodes.filter((id) => id.startsWith('step_')).length, flow.id).toBe(flow.steps.length);
    }
    const geweld = parseMermaid(renderMermaid(buildFlowGraph(protocol, { flows: ['fysiek-geweld'] }), 'x'));
    const advice = [...geweld.nodes.values()].join('\n');
    expect(advice).toContain('• halt · als het nodig is');
    expect(advice).toContain('• regel: halt');
  });

  it.each([
    ['a "quote"', '#quot;'],
    ['#1 <script>', '#35;1 #lt;script#gt;'],
    ['a | b `c`', 'a #124; b #96;c#96;'],
    ['Q&A', 'Q#amp;A'],
  ])('escapes %s in labels', (raw, escaped) => {
    expect(escapeMermaid(raw)).toContain(escaped);
  });
});

describe('DOT and SVG', () => {
  it('writes a balanced digraph with a cluster per flow and edges between declared nodes', () => {
    const dot = renderDot(buildFlowGraph(mini()), 'Miniprotocol');
    const model = parseDot(dot);
    expect(dot).toMatch(/^\/\/ Miniprotocol\n\/\/ Gemaakt met: convenant graph\ndigraph convenant \{\n/);
    expect(model.balanced).toBe(true);
    expect(model.clusters).toEqual(['cluster_melding', 'cluster_leeftijd']);
    for (const edge of model.edges) {
      expect(model.nodes.has(edge.from), edge.from).toBe(true);
      expect(model.nodes.has(edge.to), edge.to).toBe(true);
    }
    expect(model.nodes.get('gevaar')).toBe('Is er nu gevaar?');
    expect(model.edges.find((e) => e.from === 'call:soort:0:0' && e.to === 'leeftijd')?.attrs).toContain('style=dashed');
  });

  it('renders an SVG with a node per step, the advice and the hand-over (mini fixture)', async () => {
    const svg = await dotToSvg(renderDot(buildFlowGraph(mini()), 'Miniprotocol'));
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg [\s\S]*<\/svg>\s*$/);
    const nodes = svgNodes(svg);
    const byTitle = new Map(nodes.map((n) => [n.title, n.texts.join(' ')]));
    expect(byTitle.get('gevaar')).toBe('Is er nu gevaar?');
    expect(byTitle.get('soort')).toBe('Wat is er gebeurd?');
    expect(byTitle.get('signalen')).toBe('Welke signalen zie je?');
    expect(byTitle.get('leeftijd')).toBe('Hoe oud is de dader?');
    expect(byTitle.get('halt-route')).toBe('keuze zonder vraag');
    expect(byTitle.get('advice:gevaar:0')).toBe('• politie · direct');
    expect(byTitle.get('advice:signalen:0')).toBe('• zorgteam · deze week (als leeftijd niet gevraagd)');
    expect(byTitle.get('call:soort:0:0')).toBe('Doorloop: Leeftijd van de dader');
    expect(byTitle.get('end:melding')).toBe('Einde');
    expect(svgClusters(svg).map((c) => c.label)).toEqual(['Melding op school', 'Leeftijd van de dader']);
    // Edge labels are there too.
    expect(svg).toContain('>Ruzie of geweld</text>');
    expect(svg).toContain('>als leeftijd 12 t/m 17</text>');
  });

  it('keeps hostile text from YAML inert in Mermaid, DOT and SVG', async () => {
    const protocol = protocolFrom(yaml`
      flows:
        - id: main
          title: 'Flow "x" \\N <b>'
          steps:
            - id: vraag
              type: yes-no
              question: "Wat \\"nu\\"? #1 <script>alert(1)</script> a|b \`c\` Q&A \\\\G \u001b[31m rood"
              yes:
                advice:
                  - { partner: politie, urgency: today, task: Bel, sources: [s1] }
              next: end
    `);
    const graph = buildFlowGraph(protocol);
    const mermaid = renderMermaid(graph, protocol.meta.title);
    const model = parseMermaid(mermaid);
    expect(model.badLines).toEqual([]);
    expect(mermaid).not.toContain('<script');
    expect(mermaid).not.toContain('\u001b');
    expect(model.nodes.get('step_vraag')!.replace(/\n/g, ' ')).toBe('Wat "nu"? #1 <script>alert(1)</script> a|b `c` Q&A \\G \\u{1b}[31m rood');

    const dot = renderDot(graph, protocol.meta.title);
    expect(parseDot(dot).balanced).toBe(true);
    expect(dot).not.toContain('\u001b');
    const svg = await dotToSvg(dot);
    const text = svgNodes(svg)
      .find((n) => n.title === 'vraag')!
      .texts.join(' ');
    expect(text).toBe('Wat "nu"? #1 <script>alert(1)</script> a|b `c` Q&A \\G \\u{1b}[31m rood');
    expect(svg).not.toContain('<script');
    expect(svgClusters(svg)[0]!.label).toBe('Flow "x" \\N <b>');
    expect(escapeDot('a\\lb"c')).toBe('a\\\\lb\\"c');
  });

  it('keeps a 20-step flow readable: narrow nodes, every step drawn, within GitHub limits', async () => {
    const steps = Array.from({ length: 20 }, (_, i) => {
      const next = i === 19 ? 'end' : `stap-${i + 2}`;
      return yaml`
        - id: stap-${i + 1}
          type: yes-no
          question: Vraag nummer ${i + 1} over wat er precies op school gebeurde en wie erbij was?
          unknown: {}
          yes:
            advice:
              - { partner: ${i % 2 ? 'politie' : 'halt'}, urgency: today, task: Overleg, sources: [s1] }
              - { rule: meldcode, conclusion: Meldcode, sources: [s1] }
          next: ${next}
      `;
    });
    const protocol = protocolFrom(`flows:\n  - id: main\n    title: Lange flow\n    steps:\n${steps.map((s) => s.replace(/^/gm, '      ')).join('\n')}`);
    const graph = buildFlowGraph(protocol);
    const mermaid = renderMermaid(graph, 'Lange flow');
    const model = parseMermaid(mermaid);
    expect(model.badLines).toEqual([]);
    expect([...model.nodes.keys()].filter((k) => k.startsWith('step_'))).toHaveLength(20);
    for (const label of model.nodes.values()) for (const line of label.split('\n')) expect(line.length).toBeLessThanOrEqual(NODE_WIDTH);
    expect(mermaid.length).toBeLessThan(50_000);

    const svg = await dotToSvg(renderDot(graph, 'Lange flow'));
    const titles = svgNodes(svg).map((n) => n.title);
    for (let i = 1; i <= 20; i++) expect(titles).toContain(`stap-${i}`);
    // Top to bottom: the viewBox is taller than wide, so the flow reads down the page.
    const [, , width, height] = /viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map<number>(Number);
    expect(height!).toBeGreaterThan(width!);
  });
});
