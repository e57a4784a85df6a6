// The words on a flow diagram, shared by the Mermaid and DOT renderers: sanitised, wrapped lines
// that each renderer escapes for its own syntax.
import type { AdviceLine, GraphEdge, GraphNode } from '../analysis/flow-graph.js';
import { describeCondition } from './condition.js';
import { URGENCY_LABEL } from './labels.js';
import { sanitize } from './sanitize.js';
import { wrapWords } from './text.js';

/** Characters per line in a node: a 20-step flow stays narrow enough to read on one screen. */
export const NODE_WIDTH = 34;
const EDGE_WIDTH = 28;

export function nodeLines(node: GraphNode): string[] {
  switch (node.kind) {
    case 'question':
      return wrapWords(sanitize(node.text), NODE_WIDTH);
    case 'route':
      return ['keuze zonder vraag'];
    case 'advice':
      return (node.advice ?? []).flatMap((line) => wrapWords(`• ${adviceText(line)}`, NODE_WIDTH));
    case 'call':
      return wrapWords(`Doorloop: ${sanitize(node.text)}`, NODE_WIDTH);
    case 'end':
      return ['Einde'];
    case 'missing':
      return wrapWords(`Verder bij: ${sanitize(node.text)}`, NODE_WIDTH);
  }
}

export function adviceText(line: AdviceLine): string {
  const when = line.when ? ` (als ${describeCondition(line.when)})` : '';
  // Ids, not names: short, and the same words `convenant partners <id>` and `explain <id>` take.
  return line.kind === 'partner' ? `${sanitize(line.id)} · ${URGENCY_LABEL[line.urgency]}${when}` : `regel: ${sanitize(line.id)}${when}`;
}

/** Explains the colours and words of a diagram. */
export const LEGEND = 'Geel: partners (id · hoe snel) en regels die de hulp adviseert. Blauw: de hulp gaat verder in een andere flow en komt daarna terug.';

export function edgeLines(edge: GraphEdge): string[] {
  const text = edge.when ? `als ${describeCondition(edge.when)}` : edge.otherwise ? 'anders' : edge.label ? sanitize(edge.label) : '';
  return text ? wrapWords(text, EDGE_WIDTH) : [];
}
