// Structural helpers over the model shared by the loader, the engine and the analysis:
// one place that knows where branches, advice and references live in a step.
// `import type`: with verbatimModuleSyntax, `import { type X }` would keep a bare import of the
// schemas, and with it zod, in every chunk that uses these helpers.
import type { Advice, Branch, Condition, FactCondition, Flow, MultiOption, Step } from './schema.js';
import { END, UNKNOWN, YES, NO } from './types.js';

/** One way out of a step: the answer(s) that select it and what it does. */
export interface StepBranch {
  /** The answer value that selects this branch; undefined for route conditions and `otherwise`. */
  value?: string;
  /** Human label of the answer ("Ja", option label, range label). */
  label: string;
  /** Path of the branch object inside the step, e.g. ['options', 2] or ['yes']. */
  path: (string | number)[];
  branch: Branch | MultiOption;
}

const rangeLabel = (min?: number, max?: number) => (min === undefined ? `t/m ${max}` : max === undefined ? `${min} of ouder` : min === max ? `${min}` : `${min} t/m ${max}`);

export function branchesOf(step: Step): StepBranch[] {
  const out: StepBranch[] = [];
  switch (step.type) {
    case 'choice':
    case 'multi':
      step.options.forEach((o, i) => out.push({ value: o.value, label: o.label, path: ['options', i], branch: o }));
      break;
    case 'yes-no':
      out.push({ value: YES, label: 'Ja', path: ['yes'], branch: step.yes ?? {} });
      out.push({ value: NO, label: 'Nee', path: ['no'], branch: step.no ?? {} });
      break;
    case 'number':
      (step.ranges ?? []).forEach((r, i) => out.push({ label: r.label ?? rangeLabel(r.min, r.max), path: ['ranges', i], branch: r }));
      break;
    case 'route':
      step.routes.forEach((r, i) => out.push({ label: `route ${i + 1}`, path: ['routes', i], branch: r }));
      if (step.otherwise) out.push({ label: 'anders', path: ['otherwise'], branch: step.otherwise });
      break;
  }
  if (step.type !== 'route' && step.unknown) {
    out.push({ value: UNKNOWN, label: 'Weet ik niet', path: ['unknown'], branch: step.unknown });
  }
  return out;
}

/** Where a branch goes next: its own `next`, else the step's. Undefined means a dead end. */
export function targetOf(step: Step, branch: Branch | MultiOption): string | undefined {
  const own = 'next' in branch ? branch.next : undefined;
  return own ?? ('next' in step ? step.next : undefined);
}

export function callsOf(branch: Branch | MultiOption): string[] {
  const c = branch.call;
  return c === undefined ? [] : typeof c === 'string' ? [c] : c;
}

/** Every advice list in a step with its path: step-level advice and each branch's. */
export function adviceListsOf(step: Step): { path: (string | number)[]; advice: Advice[] }[] {
  const out: { path: (string | number)[]; advice: Advice[] }[] = [];
  if (step.type !== 'route' && step.advice) out.push({ path: ['advice'], advice: step.advice });
  for (const b of branchesOf(step)) {
    if (b.branch.advice) out.push({ path: [...b.path, 'advice'], advice: b.branch.advice });
  }
  return out;
}

export function startOf(flow: Flow): string | undefined {
  return flow.start ?? flow.steps[0]?.id;
}

/** The flows handed over to before this one starts (`before:`). */
export function beforeOf(flow: Flow): readonly string[] {
  return flow.before ?? [];
}

/**
 * The flows a hand-over to `calls` enters, in order: for each called flow first its `before` flows
 * (entered the same way), then the flow itself. A flow already being entered is skipped, so a
 * `before` cycle cannot loop. Unknown flow ids are kept (callers decide what a missing flow means).
 */
export function enteredFlows(flows: ReadonlyMap<string, Flow>, calls: readonly string[]): string[] {
  const out: string[] = [];
  const entering = new Set<string>();
  const enter = (id: string) => {
    if (entering.has(id)) return;
    entering.add(id);
    const flow = flows.get(id);
    if (flow?.before) for (const b of flow.before) enter(b);
    entering.delete(id);
    out.push(id);
  };
  for (const id of calls) enter(id);
  return out;
}

export function isEnd(target: string): boolean {
  return target === END;
}

/** Every fact condition inside a condition tree. */
export function factsOf(condition: Condition): FactCondition[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  return [condition];
}

/** Every condition in a step: on routes, presets and advice items. */
export function conditionsOf(step: Step): { path: (string | number)[]; condition: Condition }[] {
  const out: { path: (string | number)[]; condition: Condition }[] = [];
  if (step.type === 'route') step.routes.forEach((r, i) => out.push({ path: ['routes', i, 'when'], condition: r.when }));
  else step.preset?.forEach((p, i) => out.push({ path: ['preset', i, 'when'], condition: p.when }));
  for (const list of adviceListsOf(step)) {
    list.advice.forEach((a, i) => {
      if (a.when) out.push({ path: [...list.path, i, 'when'], condition: a.when });
    });
  }
  return out;
}

export function adviceKind(advice: Advice): 'partner' | 'action' | 'rule' | 'info' {
  if ('partner' in advice) return 'partner';
  if ('action' in advice) return 'action';
  if ('rule' in advice) return 'rule';
  return 'info';
}
