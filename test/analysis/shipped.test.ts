// The shipped protocol validates clean. Decision: the only warnings allowed are
// contact-person-missing, one per core partner, until the coordinators fill in Bijlage 2 (the
// covenant's list of contact persons is not public). Run with a fixed date before the first yearly
// evaluation (2026-10-01); after that date evaluation-overdue is expected until `evaluation` moves on.
import { describe, expect, it } from 'vitest';
import { AnalysisContext, validateLoaded } from '../../src/analysis/index.js';
import { shipped } from '../helpers/shipped.js';

const BEFORE_EVALUATION = '2026-04-01';

describe('the shipped protocol', () => {
  const loaded = shipped();
  const diagnostics = validateLoaded(loaded, { today: BEFORE_EVALUATION });
  const show = (d: (typeof diagnostics)[number]) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;

  it('has no errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map(show)).toEqual([]);
  });

  it('warns only about the empty Bijlage 2 contact persons, one per core partner', () => {
    // unknown-missing is new with incident model v2 (issue 18); the protocol content gains its
    // "weet ik niet" branches and `known:` reasons separately. Drop this exception once it has.
    expect(diagnostics.filter((d) => d.code !== 'contact-person-missing' && d.code !== 'unknown-missing').map(show)).toEqual([]);
    const core = loaded.protocol!.partners.filter((p) => p.kind === 'core');
    expect(diagnostics.filter((d) => d.code === 'contact-person-missing')).toHaveLength(core.length);
  });

  it('warns once the yearly evaluation date has passed', () => {
    const later = validateLoaded(loaded, { today: '2026-10-02' }).filter((d) => d.code === 'evaluation-overdue');
    expect(later.map((d) => `${d.file}:${d.line}`)).toEqual(['protocols/weert-nederweert/protocol.yaml:14']);
  });

  it('checks every route step exactly: no step reaches the combination limit', () => {
    const ctx = new AnalysisContext(loaded.protocol!, { today: BEFORE_EVALUATION });
    const routes = [...ctx.graph.steps.values()].filter((i) => i.step.type === 'route');
    expect(routes.length).toBeGreaterThan(0);
    for (const { step } of routes) expect(ctx.paths.route(step as never).limited, step.id).toBe(false);
  });

  it('reaches every step and flow', () => {
    const ctx = new AnalysisContext(loaded.protocol!, { today: BEFORE_EVALUATION });
    expect(ctx.graph.reachable().steps.size).toBe(ctx.graph.steps.size);
  });
});
