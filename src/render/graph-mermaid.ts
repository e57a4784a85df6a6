// Flow diagram as Mermaid (renders on GitHub and GitLab inside a ```mermaid block).
import type { FlowGraph, GraphEdge, GraphNodeKind } from '../analysis/flow-graph.js';
import { edgeLines, LEGEND, nodeLines } from './graph-labels.js';
import { sanitize } from './sanitize.js';

/**
 * Text inside a quoted Mermaid label. Mermaid decodes `#name;` and `#code;` entities, so the
 * characters that would end the label or start markup are written that way.
 */
export function escapeMermaid(text: string): string {
  return (
    text
      .replace(/#/g, '#35;')
      .replace(/"/g, '#quot;')
      .replace(/&/g, '#amp;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/\|/g, '#124;')
      .replace(/`/g, '#96;')
      // `%%{init: …}%%` anywhere in the text is a directive that restyles the whole diagram.
      .replace(/%/g, '#37;')
      .replace(/\{/g, '#123;')
      .replace(/\}/g, '#125;')
  );
}

const label = (lines: string[]) => `"${lines.map(escapeMermaid).join('<br>')}"`;

const SHAPE: Record<GraphNodeKind, (l: string) => string> = {
  question: (l) => `[${l}]`,
  route: (l) => `{${l}}`,
  advice: (l) => `(${l})`,
  call: (l) => `[[${l}]]`,
  end: (l) => `([${l}])`,
  missing: (l) => `[${l}]`,
};

// Class names avoid Mermaid keywords such as `end`.
const CLASS: Partial<Record<GraphNodeKind, string>> = { advice: 'advies', call: 'overdracht', end: 'einde', route: 'splitsing', missing: 'elders' };
const CLASS_DEF: Record<string, string> = {
  advies: 'fill:#fff4ce,stroke:#b38600,color:#000',
  overdracht: 'fill:#e0ecff,stroke:#3366cc,color:#000',
  einde: 'fill:#eeeeee,stroke:#999999,color:#000',
  splitsing: 'fill:#f6f6f6,stroke:#777777,color:#000',
  elders: 'fill:#ffffff,stroke:#999999,stroke-dasharray:4 3,color:#000',
};

export function renderMermaid(graph: FlowGraph, title: string): string {
  const ids = new IdAllocator();
  const out: string[] = [
    `%% ${sanitize(title)
      .replace(/[\r\n]/g, ' ')
      .replace(/%(?=%)/g, '% ')}`,
    `%% ${LEGEND}`,
    '%% Gemaakt met: convenant graph',
    'flowchart TD',
  ];
  const byClass = new Map<string, string[]>();
  for (const cluster of graph.clusters) {
    out.push(`  subgraph ${ids.of(`flow:${cluster.flow.id}`)}[${label([sanitize(cluster.flow.title)])}]`, '    direction TB');
    for (const node of cluster.nodes) {
      const id = ids.of(node.key);
      out.push(`    ${id}${SHAPE[node.kind](label(nodeLines(node)))}`);
      const cls = CLASS[node.kind];
      if (cls) byClass.set(cls, [...(byClass.get(cls) ?? []), id]);
    }
    out.push('  end');
  }
  for (const edge of graph.edges) out.push(`  ${edgeLine(edge, ids)}`);
  for (const [cls, style] of Object.entries(CLASS_DEF)) if (byClass.has(cls)) out.push(`  classDef ${cls} ${style}`);
  for (const [cls, members] of byClass) out.push(`  class ${members.join(',')} ${cls}`);
  return `${out.join('\n')}\n`;
}

function edgeLine(edge: GraphEdge, ids: IdAllocator): string {
  const lines = edgeLines(edge);
  const arrow = edge.kind === 'next' ? '-->' : '-.->';
  return `${ids.of(edge.from)} ${arrow}${lines.length ? `|${label(lines)}|` : ''} ${ids.of(edge.to)}`;
}

/** Mermaid ids: letters, digits and underscores, derived from the node key, unique. */
class IdAllocator {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();
  of(key: string): string {
    let id = this.byKey.get(key);
    if (id) return id;
    const base = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '');
    id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.byKey.set(key, id);
    this.used.add(id);
    return id;
  }
}
