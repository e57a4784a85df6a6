// Lookup tables over a protocol, built once per protocol object and cached.
import type { Flow, Partner, Protocol, RuleSet, Source, Step } from '../../../src/model/core.js';

export interface ProtocolIndex {
  steps: Map<string, { step: Step; flow: Flow }>;
  flows: Map<string, Flow>;
  partners: Map<string, Partner>;
  rules: Map<string, RuleSet>;
  sources: Map<string, Source>;
}

const cache = new WeakMap<Protocol, ProtocolIndex>();

export function indexProtocol(protocol: Protocol): ProtocolIndex {
  let index = cache.get(protocol);
  if (!index) {
    index = {
      steps: new Map(protocol.flows.flatMap((flow) => flow.steps.map((step) => [step.id, { step, flow }] as const))),
      flows: new Map(protocol.flows.map((f) => [f.id, f])),
      partners: new Map(protocol.partners.map((p) => [p.id, p])),
      rules: new Map(protocol.rules.map((r) => [r.id, r])),
      sources: new Map(protocol.sources.map((s) => [s.id, s])),
    };
    cache.set(protocol, index);
  }
  return index;
}
