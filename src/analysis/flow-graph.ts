// The flows as a graph for diagrams: question and route steps, the advice a branch gives (partners
// and rules), hand-overs to other flows, and flow ends. Renderers (Mermaid, DOT) draw this model;
// it holds raw protocol text, which they sanitise and escape for their own syntax.
import { branchesOf, callsOf, enteredFlows, END, startOf, targetOf, type Advice, type Branch, type Condition, type Flow, type MultiOption, type Protocol } from '../model/core.js';
import { indexProtocol } from '../engine/index.js';

export type GraphNodeKind = 'question' | 'route' | 'advice' | 'call' | 'end' | 'missing';

/** One line of an advice node: a partner with its urgency, or a rule; `when` if conditional. */
export type AdviceLine =
  | { kind: 'partner'; id: string; name: string; urgency: Extract<Advice, { partner: string }>['urgency']; when?: Condition }
  | { kind: 'rule'; id: string; title: string; when?: Condition };

export interface GraphNode {
  /** Unique within the graph; renderers derive their own syntax-safe ids from it. */
  key: string;
  kind: GraphNodeKind;
  /** Question text, called flow title, or missing step id. */
  text: string;
  /** For question/route nodes the step id; for call nodes the called flow id. */
  ref?: string;
  advice?: AdviceLine[];
}

export type GraphEdgeKind = 'next' | 'handover' | 'always';

export interface GraphEdge {
  from: string;
  to: string;
  /** Answer labels ("Ja / Weet ik niet") or a route condition. */
  label?: string;
  /** For route edges: the condition, so renderers can describe it. */
  when?: Condition;
  otherwise?: boolean;
  kind: GraphEdgeKind;
}

export interface GraphCluster {
  flow: Flow;
  nodes: GraphNode[];
}

export interface FlowGraph {
  clusters: GraphCluster[];
  edges: GraphEdge[];
}

export interface FlowGraphOptions {
  /** Flows to draw; all flows when omitted. */
  flows?: readonly string[];
}

/** The flows a flow hands over to, directly or further down, itself first. */
export function flowsCalledFrom(protocol: Protocol, flowId: string): string[] {
  const flows = indexProtocol(protocol).flows;
  const out: string[] = [];
  const visit = (id: string) => {
    const flow = flows.get(id);
    if (!flow || out.includes(id)) return;
    out.push(id);
    for (const step of flow.steps) for (const b of branchesOf(step)) for (const called of enteredFlows(flows, callsOf(b.branch))) visit(called);
  };
  visit(flowId);
  return out;
}

export function buildFlowGraph(protocol: Protocol, options: FlowGraphOptions = {}): FlowGraph {
  const index = indexProtocol(protocol);
  // In the order asked for: with hand-overs included, the flow itself comes first.
  const included = options.flows ? options.flows.flatMap((id) => index.flows.get(id) ?? []) : protocol.flows;
  const includedIds = new Set(included.map((f) => f.id));
  const edges: GraphEdge[] = [];
  const clusters: GraphCluster[] = [];

  for (const flow of included) {
    const nodes: GraphNode[] = [];
    const add = (node: GraphNode) => {
      nodes.push(node);
      return node.key;
    };
    const inFlow = new Set(flow.steps.map((s) => s.id));
    const endKey = `end:${flow.id}`;
    let usesEnd = false;
    const missing = new Map<string, string>();

    /** The node a `next` points to: a step here, a step in another drawn flow, the end, or a placeholder. */
    const targetKey = (target: string | undefined): string => {
      if (target === undefined || target === END) {
        usesEnd = true;
        return endKey;
      }
      const entry = index.steps.get(target);
      if (entry && (inFlow.has(target) || includedIds.has(entry.flow.id))) return `step:${target}`;
      let key = missing.get(target);
      if (!key) {
        key = add({ key: `missing:${flow.id}:${target}`, kind: 'missing', text: entry ? `${target} (${entry.flow.title})` : target, ref: target });
        missing.set(target, key);
      }
      return key;
    };

    for (const step of flow.steps) {
      add({ key: `step:${step.id}`, kind: step.type === 'route' ? 'route' : 'question', text: step.type === 'route' ? '' : step.question, ref: step.id });

      if (step.type !== 'route') {
        const always = adviceLines(protocol, step.advice);
        if (always.length) {
          const key = add({ key: `advice:${step.id}:always`, kind: 'advice', text: '', advice: always });
          edges.push({ from: `step:${step.id}`, to: key, label: 'bij elk antwoord', kind: 'always' });
        }
      }

      // Branches without partner/rule advice and without hand-over share one edge per target.
      const plain = new Map<string, string[]>();
      const branches = branchesOf(step);
      branches.forEach((b, i) => {
        const branch: Branch | MultiOption = b.branch;
        const lines = adviceLines(protocol, branch.advice);
        const calls = callsOf(branch);
        const target = targetOf(step, branch);
        const when = 'when' in branch ? (branch as { when: Condition }).when : undefined;
        const label = step.type === 'route' ? undefined : b.label;
        const routeInfo = step.type === 'route' ? (when ? { when } : { otherwise: true }) : {};
        if (lines.length === 0 && calls.length === 0 && step.type !== 'route') {
          const to = targetKey(target);
          plain.set(to, [...(plain.get(to) ?? []), b.label]);
          return;
        }
        let from = `step:${step.id}`;
        let first = true;
        const link = (to: string) => {
          edges.push({ from, to, kind: 'next', ...(first ? { ...(label ? { label } : {}), ...routeInfo } : {}) });
          first = false;
          from = to;
        };
        if (lines.length) link(add({ key: `advice:${step.id}:${i}`, kind: 'advice', text: '', advice: lines }));
        calls.forEach((called, c) => {
          const calledFlow = index.flows.get(called);
          const key = add({ key: `call:${step.id}:${i}:${c}`, kind: 'call', text: calledFlow?.title ?? called, ref: called });
          link(key);
          const start = calledFlow ? startOf(calledFlow) : undefined;
          if (calledFlow && start && includedIds.has(called)) edges.push({ from: key, to: `step:${start}`, kind: 'handover' });
        });
        link(targetKey(target));
      });
      if (step.type === 'route' && !step.otherwise) {
        edges.push({ from: `step:${step.id}`, to: targetKey(END), otherwise: true, kind: 'next' });
      }
      if (step.type === 'number' && !step.ranges?.length) {
        // Without ranges every number goes to the step's `next`.
        const to = targetKey(step.next);
        plain.set(to, [`${step.min} t/m ${step.max}${step.unit ? ` ${step.unit}` : ''}`, ...(plain.get(to) ?? [])]);
      }
      for (const [to, labels] of plain) edges.push({ from: `step:${step.id}`, to, label: labels.join(' / '), kind: 'next' });
    }
    if (usesEnd) add({ key: endKey, kind: 'end', text: 'Einde' });
    clusters.push({ flow, nodes });
  }
  return { clusters, edges };
}

function adviceLines(protocol: Protocol, advice: readonly Advice[] | undefined): AdviceLine[] {
  const index = indexProtocol(protocol);
  const out: AdviceLine[] = [];
  for (const item of advice ?? []) {
    const when = item.when ? { when: item.when } : {};
    if ('partner' in item) out.push({ kind: 'partner', id: item.partner, name: index.partners.get(item.partner)?.name ?? item.partner, urgency: item.urgency, ...when });
    else if ('rule' in item) out.push({ kind: 'rule', id: item.rule, title: index.rules.get(item.rule)?.title ?? item.rule, ...when });
  }
  return out;
}
