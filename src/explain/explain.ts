// `convenant explain`: every place a partner or rule is advised, each with its shortest example walk.
import type { Protocol } from '../model/core.js';
import { indexProtocol } from '../engine/index.js';
import { sitesFor, type AdviceSite, type TargetKind } from './sites.js';
import { searchWalks, type SearchLimits, type ShortestWalk } from './shortest-walks.js';

export interface Way {
  site: AdviceSite;
  /** Undefined when no walk reaches this advice (a condition that can never hold, or a step no walk reaches). */
  walk?: ShortestWalk;
  /** No walk found because the search stopped at its limit: not proven unreachable. */
  limited?: true;
}

export interface Explanation {
  kind: TargetKind;
  id: string;
  /** The partner's name or the rule's title. */
  name: string;
  ways: Way[];
}

/** Which kinds of target an id names: a partner, a rule, or both (`halt` is both). */
export function targetKindsOf(protocol: Protocol, id: string): TargetKind[] {
  const index = indexProtocol(protocol);
  return [...(index.partners.has(id) ? (['partner'] as const) : []), ...(index.rules.has(id) ? (['rule'] as const) : [])];
}

export function explain(protocol: Protocol, kind: TargetKind, id: string, limits?: SearchLimits): Explanation {
  const index = indexProtocol(protocol);
  const name = (kind === 'partner' ? index.partners.get(id)?.name : index.rules.get(id)?.title) ?? id;
  const sites = sitesFor(protocol, kind, id);
  const { walks, limited } = searchWalks(
    protocol,
    sites.map((s) => s.advice),
    limits,
  );
  return {
    kind,
    id,
    name,
    ways: sites.map((site) => {
      const walk = walks.get(site.advice);
      return { site, ...(walk ? { walk } : limited.has(site.advice) ? { limited: true as const } : {}) };
    }),
  };
}
