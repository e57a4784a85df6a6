import type { Advice, Step } from '../../model/index.js';
import type { Out } from '../graph.js';
import type { Rule } from '../rule.js';

/** Advice certainly given when its list is reached: items without `when`. */
const definite = (advice: readonly Advice[] | undefined) => (advice ?? []).some((a) => !a.when);

/** Shown example walks stop after this many steps. */
const MAX_EXAMPLE_STEPS = 25;

export const walkWithoutAdvice: Rule = {
  code: 'walk-without-advice',
  severity: 'error',
  description: 'Er is een volledige wandeling door het protocol die helemaal geen advies oplevert.',
  needsValidProtocol: true,
  *check({ graph, paths, protocol }) {
    const start = graph.startFlow;
    if (!start) return;
    // For each step: an out that ends its flow (after possibly more steps) without certain advice.
    // Components come successors first, so every target and called flow is decided before its step.
    const emptyOut = new Map<Step, Out>();
    const flowEmpty = (flow: Parameters<typeof graph.startStep>[0]) => {
      const s = graph.startStep(flow);
      return s !== undefined && emptyOut.has(s);
    };
    const cyclic = graph.cyclicSteps();
    for (const component of graph.components()) {
      const step = component[0]!;
      if (component.length > 1 || cyclic.has(step)) continue;
      if (step.type !== 'route' && definite(step.advice)) continue;
      if (!paths.feasible(step)) continue;
      const out = graph.info(step.id)!.outs.find(
        (o) =>
          !definite(o.advice) &&
          o.calls.every(flowEmpty) &&
          (o.target === undefined || o.target === 'end' || (o.targetStep !== undefined && emptyOut.has(o.targetStep))) &&
          paths.outFeasible(o),
      );
      if (out) emptyOut.set(step, out);
    }
    if (!flowEmpty(start)) return;

    // Follow the chosen outs, into called flows and back, to show one such walk.
    const parts: string[] = [];
    const stack: (Step | undefined)[] = [graph.startStep(start)];
    while (stack.length > 0 && parts.length <= MAX_EXAMPLE_STEPS) {
      const step = stack.pop();
      if (!step) continue;
      const out = emptyOut.get(step)!;
      parts.push(describeChoice(out));
      stack.push(out.targetStep);
      for (const f of [...out.calls].reverse()) stack.push(graph.startStep(f));
    }
    const walk = parts.length > MAX_EXAMPLE_STEPS ? [...parts.slice(0, MAX_EXAMPLE_STEPS), '…'] : parts;
    yield {
      node: protocol.meta,
      key: 'start',
      message: `een wandeling door het protocol kan eindigen zonder enig advies: ${walk.join(' → ')}`,
      hint: 'Geef minstens één van deze antwoorden een advies zonder "when:", bijvoorbeeld een actie of een partner.',
    };
  },
};

function describeChoice(out: Out): string {
  const id = out.step.id;
  if (out.step.type === 'route') {
    if (out.kind === 'no-route') return `${id}: geen route`;
    return out.branch?.path[0] === 'otherwise' ? `${id}: otherwise` : `${id}: route ${out.routeIndex! + 1}`;
  }
  switch (out.kind) {
    case 'empty':
      return `${id} = (niets aangevinkt)`;
    case 'fallthrough':
      return `${id} = (een getal buiten de bereiken)`;
    default:
      return `${id} = ${out.branch!.label}`;
  }
}
