// Where advice lives in a protocol: every advice item with the flow, step and branch it sits on.
import { branchesOf, type Advice, type Condition, type Flow, type Protocol, type Step } from '../model/core.js';

export interface AdviceSite {
  flow: Flow;
  step: Step;
  /**
   * The branch: the answer label ("Ja", an option label, a range), the route's condition, or
   * undefined for step-level advice, which is given whatever the answer.
   */
  branch?: { label: string; value?: string; when?: Condition };
  advice: Advice;
  /** Path of the advice item inside the step, e.g. ['options', 1, 'advice', 0]. */
  path: (string | number)[];
}

export function adviceSites(protocol: Protocol): AdviceSite[] {
  const out: AdviceSite[] = [];
  for (const flow of protocol.flows) {
    for (const step of flow.steps) {
      if (step.type !== 'route') {
        step.advice?.forEach((advice, i) => out.push({ flow, step, advice, path: ['advice', i] }));
      }
      for (const b of branchesOf(step)) {
        const when = 'when' in b.branch ? (b.branch as { when: Condition }).when : undefined;
        const branch = { label: b.label, ...(b.value !== undefined ? { value: b.value } : {}), ...(when ? { when } : {}) };
        b.branch.advice?.forEach((advice, i) => out.push({ flow, step, branch, advice, path: [...b.path, 'advice', i] }));
      }
    }
  }
  return out;
}

export type TargetKind = 'partner' | 'rule';

/** The advice sites that name a partner or a rule. */
export function sitesFor(protocol: Protocol, kind: TargetKind, id: string): AdviceSite[] {
  return adviceSites(protocol).filter((s) => (kind === 'partner' ? 'partner' in s.advice && s.advice.partner === id : 'rule' in s.advice && s.advice.rule === id));
}
