import type { Rule } from '../rule.js';

export const sourceUnused: Rule = {
  code: 'source-unused',
  needsValidProtocol: true,
  *check({ protocol, graph }) {
    const cited = new Set<string>(protocol.meta.sources ?? []);
    const cite = (owner: { sources?: readonly string[] }) => owner.sources?.forEach((id) => cited.add(id));
    for (const partner of protocol.partners) partner.duties?.forEach(cite);
    protocol.rules.forEach(cite);
    for (const section of protocol.checklist) section.items.forEach(cite);
    for (const flow of protocol.flows) for (const step of flow.steps) for (const list of graph.adviceLists(step)) list.advice.forEach(cite);
    for (const source of protocol.sources) {
      if (cited.has(source.id)) continue;
      yield {
        node: source,
        key: 'id',
        message: `bron "${source.id}" wordt nergens genoemd`,
        hint: 'Noem de bron bij een advies (sources: [...]) of haal haar weg.',
      };
    }
  },
};
