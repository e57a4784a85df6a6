import type { Rule } from '../rule.js';

export const unreachableStep: Rule = {
  code: 'unreachable-step',
  needsValidProtocol: true,
  *check({ graph }) {
    const { steps, flows } = graph.reachable();
    for (const flow of graph.flows.values()) {
      if (!flows.has(flow)) {
        const called = (graph.callers.get(flow) ?? []).length > 0;
        yield {
          node: flow,
          key: 'id',
          message: called
            ? `flow "${flow.id}" wordt nooit bereikt: alleen stappen die zelf nooit aan de beurt komen roepen hem aan`
            : `flow "${flow.id}" wordt nooit bereikt: geen enkele stap roept hem aan`,
          hint: `Laat een antwoord de flow aanroepen met "call: ${flow.id}", of haal de flow weg.`,
        };
        continue;
      }
      for (const step of flow.steps) {
        if (graph.info(step.id)?.step !== step || steps.has(step)) continue;
        yield {
          node: step,
          key: 'id',
          message: `stap "${step.id}" wordt nooit bereikt: geen antwoord of route leidt ernaartoe`,
          hint: `Verwijs ernaar met "next: ${step.id}" vanuit een eerdere stap in flow "${flow.id}", of haal de stap weg.`,
        };
      }
    }
  },
};
