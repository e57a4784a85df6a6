// The work behind `convenant graph`.
import { buildFlowGraph, flowsCalledFrom } from '../../analysis/flow-graph.js';
import { renderDot } from '../../render/graph-dot.js';
import { renderMermaid } from '../../render/graph-mermaid.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { checkOutputTarget } from '../write-output.js';
import { GRAPH_FORMATS } from './formats.js';
import type { GraphOptions } from './graph.js';
import { checkFormat, unknownId } from './lookup-options.js';
import { loadValidProtocol } from './load-valid.js';
import { writeResult } from './write-result.js';

/** GitHub's Mermaid refuses bigger diagrams (its maxTextSize and maxEdges settings). */
const MERMAID_MAX_CHARS = 50_000;
const MERMAID_MAX_EDGES = 500;
/**
 * Graphviz's layout grows much faster than the graph: 10,000 steps ran for minutes without a word.
 * Above this many boxes (about four times the shipped protocol) `--format svg` refuses up front.
 */
export const SVG_MAX_NODES = 3_000;

export async function runGraph(io: Io, flowId: string | undefined, options: GraphOptions): Promise<number> {
  const format = checkFormat(options.format, GRAPH_FORMATS);
  if (options.output !== undefined) checkOutputTarget(options.output, { cwd: io.cwd, force: options.force === true });
  const protocol = loadValidProtocol(io, options.protocols);
  const flow = flowId === undefined ? undefined : protocol.flows.find((f) => f.id === flowId);
  if (flowId !== undefined && !flow)
    throw unknownId(
      'flow',
      flowId,
      protocol.flows.map((f) => f.id),
      `De flows zijn: ${protocol.flows.map((f) => f.id).join(', ')}.`,
    );
  if (options.calls && !flow) throw new UsageError('--calls werkt alleen met één flow', 'Bijvoorbeeld: convenant graph fysiek-geweld --calls');

  const flows = flow ? (options.calls ? flowsCalledFrom(protocol, flow.id) : [flow.id]) : undefined;
  const graph = buildFlowGraph(protocol, flows ? { flows } : {});
  const title = flow ? `${protocol.meta.title}: ${flow.title}` : protocol.meta.title;

  let content: string;
  if (format === 'mermaid') {
    content = renderMermaid(graph, title);
    if (content.length > MERMAID_MAX_CHARS || graph.edges.length > MERMAID_MAX_EDGES) {
      io.stderr.write(
        `Let op: dit diagram is te groot voor GitHub (meer dan ${MERMAID_MAX_CHARS.toLocaleString('nl-NL')} tekens of ${MERMAID_MAX_EDGES} lijnen). ` +
          'Teken één flow (bijvoorbeeld: convenant graph fysiek-geweld) of kies --format svg.\n',
      );
    }
  } else {
    content = renderDot(graph, title);
    if (format === 'svg') {
      const nodes = graph.clusters.reduce((n, c) => n + c.nodes.length, 0);
      if (nodes > SVG_MAX_NODES) {
        throw new UsageError(
          `dit diagram is te groot om als SVG te tekenen (${nodes.toLocaleString('nl-NL')} vakjes; de grens is ${SVG_MAX_NODES.toLocaleString('nl-NL')})`,
          `Teken één flow (bijvoorbeeld: convenant graph ${protocol.flows[0]?.id ?? 'incident'} --format svg), of maak met --format dot een bestand voor Graphviz.`,
        );
      }
      const { dotToSvg } = await import('../../render/svg.js');
      content = await dotToSvg(content);
    }
  }
  writeResult(io, content, options, 'Het diagram');
  return EXIT.ok;
}
