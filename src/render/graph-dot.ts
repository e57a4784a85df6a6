// Flow diagram as Graphviz DOT (for `dot -Tsvg`, and for the built-in SVG output).
import type { FlowGraph, GraphEdge, GraphNode, GraphNodeKind } from '../analysis/flow-graph.js';
import { edgeLines, LEGEND, nodeLines } from './graph-labels.js';
import { sanitize } from './sanitize.js';

/**
 * Text inside a quoted DOT string. Backslashes are doubled so YAML text can't smuggle in Graphviz
 * escapes (\N, \G, \l), and `&` is written as an entity because Graphviz decodes entities in labels.
 */
export function escapeDot(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/&/g, '&amp;')
    .replace(/[\r\n]/g, ' ');
}

const quote = (s: string) => `"${escapeDot(s)}"`;

/** DOT node id: the step id for steps (so the SVG's <title> names the step), else the node key. */
export function dotNodeId(key: string): string {
  return key.startsWith('step:') ? key.slice('step:'.length) : key;
}

const STYLE: Record<GraphNodeKind, string> = {
  question: 'shape=box, style="rounded,filled", fillcolor="#ffffff"',
  route: 'shape=diamond, style=filled, fillcolor="#f6f6f6", fontsize=9',
  advice: 'shape=note, style=filled, fillcolor="#fff4ce", color="#b38600"',
  call: 'shape=box, style="filled,bold", fillcolor="#e0ecff", color="#3366cc"',
  end: 'shape=oval, style=filled, fillcolor="#eeeeee", color="#999999"',
  missing: 'shape=box, style="dashed"',
};

export function renderDot(graph: FlowGraph, title: string): string {
  const font = 'Helvetica,Arial,sans-serif';
  const out: string[] = [
    `// ${sanitize(title).replace(/[\r\n]/g, ' ')}`,
    '// Gemaakt met: convenant graph',
    'digraph convenant {',
    `  graph [label="${escapeDot(sanitize(title))}\\n${escapeDot(LEGEND)}", labelloc=t, fontsize=14, fontname="${font}", rankdir=TB, nodesep=0.3, ranksep=0.35];`,
    `  node [fontname="${font}", fontsize=10, color="#555555", margin="0.12,0.06"];`,
    `  edge [fontname="${font}", fontsize=9, color="#555555"];`,
  ];
  graph.clusters.forEach((cluster) => {
    out.push(`  subgraph ${quote(`cluster_${cluster.flow.id}`)} {`);
    out.push(`    label=${quote(sanitize(cluster.flow.title))}; style=rounded; color="#999999"; fontsize=12;`);
    for (const node of cluster.nodes) out.push(`    ${nodeLine(node)}`);
    out.push('  }');
  });
  for (const edge of graph.edges) out.push(`  ${edgeLine(edge)}`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

function nodeLine(node: GraphNode): string {
  const lines = nodeLines(node);
  // Advice lists read better left-aligned (\l ends a left-justified line); other labels are centred.
  const text = node.kind === 'advice' ? `${lines.map(escapeDot).join('\\l')}\\l` : lines.map(escapeDot).join('\\n');
  return `${quote(dotNodeId(node.key))} [label="${text}", ${STYLE[node.kind]}];`;
}

function edgeLine(edge: GraphEdge): string {
  const attrs: string[] = [];
  const lines = edgeLines(edge);
  if (lines.length) attrs.push(`label="${lines.map(escapeDot).join('\\n')}"`);
  if (edge.kind === 'handover') attrs.push('style=dashed', 'color="#3366cc"', 'arrowhead=empty', 'constraint=false');
  if (edge.kind === 'always') attrs.push('style=dotted');
  return `${quote(dotNodeId(edge.from))} -> ${quote(dotNodeId(edge.to))}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`;
}
