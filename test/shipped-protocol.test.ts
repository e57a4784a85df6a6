import { describe, expect, it } from 'vitest';
import { shipped } from './helpers/shipped.js';

describe('the shipped Weert/Nederweert protocol', () => {
  it('loads without errors', () => {
    const loaded = shipped();
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(loaded.ok).toBe(true);
  });

  it('cites only sources that exist, on every advice item', () => {
    const { protocol } = shipped();
    expect(protocol).toBeDefined();
    const known = new Set(protocol!.sources.map((s) => s.id));
    const cited = JSON.stringify(protocol!.flows).match(/"sources":\[[^\]]*\]/g) ?? [];
    for (const list of cited) for (const id of JSON.parse(`{${list}}`).sources as string[]) expect(known).toContain(id);
  });

  it('lets no "none of these" option be ticked together with another option', () => {
    const { protocol } = shipped();
    const none = protocol!.flows.flatMap((f) =>
      f.steps.flatMap((step) =>
        step.type === 'multi'
          ? step.options.filter((o) => o.value === 'geen' || /^(nee, )?niets hiervan|^geen van (deze|allen)/i.test(o.label)).map((o) => ({ step: step.id, option: o }))
          : [],
      ),
    );
    expect(none.length).toBeGreaterThan(0);
    for (const { step, option } of none) expect({ step, value: option.value, exclusive: option.exclusive === true }).toEqual({ step, value: option.value, exclusive: true });
  });
});
