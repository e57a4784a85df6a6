// How the rules name things in findings: where an out is written, and how a coordinator recognises it.
import type { Step } from '../model/core.js';
import type { Out } from './graph.js';
import type { Finding } from './rule.js';

/** The key in the YAML that decides `key` ('next' or 'call') for this out: the branch's own, else the step's. */
export function atOut(out: Out, key: 'next' | 'call'): Pick<Finding, 'node' | 'key'> {
  const branch = out.branch?.branch as Record<string, unknown> | undefined;
  if (branch && key in branch) return { node: branch, key };
  if (key in out.step) return { node: out.step, key };
  if (branch && Object.keys(branch).length > 0) return { node: branch };
  return { node: out.step, key: 'id' };
}

/** "antwoord "Ja"", "route 2", "otherwise", "optie "Drugs"" — how a coordinator recognises an out. */
export function outLabel(out: Out): string {
  if (out.step.type === 'route') {
    if (out.kind === 'no-route') return 'geen route';
    return out.branch?.path[0] === 'otherwise' ? '"otherwise"' : `route ${out.routeIndex! + 1}`;
  }
  switch (out.kind) {
    case 'option':
      return `optie "${out.branch!.label}"`;
    case 'fallthrough':
      return 'een getal buiten de bereiken';
    default:
      return `antwoord "${out.branch!.label}"`;
  }
}

export const stepName = (step: Step) => `stap "${step.id}"`;

/** "12 t/m 17", "t/m 11", "18 of meer", "5" for inclusive integer bounds. */
export function span(lo: number, hi: number): string {
  if (lo === hi) return String(lo);
  if (!Number.isFinite(lo)) return `t/m ${hi}`;
  if (!Number.isFinite(hi)) return `${lo} of meer`;
  return `${lo} t/m ${hi}`;
}
