// The protocol as a graph of steps, with the engine's semantics: a branch runs its `call`ed flows
// (each from its start, returning at `end`) and then goes to its `next`. Built once per analysis;
// every pass here is linear in the number of steps and branches (iterative, no recursion on the
// protocol's shape, so a long flow cannot overflow the stack).
import {
  adviceListsOf,
  branchesOf,
  callsOf,
  conditionsOf,
  enteredFlows,
  END,
  startOf,
  targetOf,
  type Advice,
  type Flow,
  type Protocol,
  type Step,
  type StepBranch,
} from '../model/core.js';

/** One way out of a step, as the engine can take it. */
export interface Out {
  step: Step;
  flow: Flow;
  /**
   * `branch`: an answer branch, route or `otherwise` (see `branch`); `option`: one option of a multi
   * step (its calls run, then the step's next; nothing ticked is no answer, so every walk takes at
   * least one); `fallthrough`: a number outside every range (goes to the step's next); `no-route`: a route step
   * without `otherwise` where no route holds (the flow ends).
   */
  kind: 'branch' | 'option' | 'fallthrough' | 'no-route';
  /** The branch as the model sees it, for branch, option and route outs. */
  branch?: StepBranch;
  /** Index among the step's route outs: routes 0..n-1, then `otherwise` or `no-route` as n. */
  routeIndex?: number;
  /** Called flows, in order (unknown ids are left out: the loader reports them). */
  calls: Flow[];
  /** `end`, a step id in the same flow, or undefined when nothing says where to go. */
  target: string | undefined;
  /** The step `target` names, when it exists in the same flow. */
  targetStep?: Step;
  advice: readonly Advice[];
}

export interface StepInfo {
  step: Step;
  flow: Flow;
  outs: Out[];
}

export interface CallSite {
  out: Out;
  /** Position of the flow in the out's call list. */
  index: number;
}

export class Graph {
  readonly steps = new Map<string, StepInfo>();
  readonly flows = new Map<string, Flow>();
  /** Call sites of each flow. */
  readonly callers = new Map<Flow, CallSite[]>();
  /** In-flow edges into each step. */
  readonly incoming = new Map<Step, Out[]>();
  readonly startFlow: Flow | undefined;

  private cycleSets?: Step[][];
  private cyclic?: Set<Step>;
  private returning?: Set<Flow>;
  private reached?: { steps: Set<Step>; flows: Set<Flow> };
  private readonly orders = new Map<Flow, Step[] | null>();

  constructor(readonly protocol: Protocol) {
    for (const flow of protocol.flows) if (!this.flows.has(flow.id)) this.flows.set(flow.id, flow);
    for (const flow of protocol.flows) {
      if (this.flows.get(flow.id) !== flow) continue;
      for (const step of flow.steps) {
        if (this.steps.has(step.id)) continue;
        this.steps.set(step.id, { step, flow, outs: [] });
      }
    }
    const locals = new Map<Flow, Map<string, Step>>();
    for (const info of this.steps.values()) {
      let local = locals.get(info.flow);
      if (!local) locals.set(info.flow, (local = new Map(info.flow.steps.map((s) => [s.id, s]))));
      info.outs = this.outsOf(info.step, info.flow, local);
      for (const out of info.outs) {
        out.calls.forEach((callee, index) => {
          let list = this.callers.get(callee);
          if (!list) this.callers.set(callee, (list = []));
          list.push({ out, index });
        });
        if (out.targetStep) {
          let list = this.incoming.get(out.targetStep);
          if (!list) this.incoming.set(out.targetStep, (list = []));
          list.push(out);
        }
      }
    }
    this.startFlow = this.flows.get(protocol.meta.start);
  }

  private outsOf(step: Step, flow: Flow, local: ReadonlyMap<string, Step>): Out[] {
    const make = (kind: Out['kind'], target: string | undefined, extra: Partial<Out> = {}): Out => {
      const targetStep = target !== undefined && target !== END ? local.get(target) : undefined;
      const out: Out = { step, flow, kind, calls: [], target, advice: [], ...extra };
      if (targetStep && this.steps.get(targetStep.id)?.step === targetStep) out.targetStep = targetStep;
      return out;
    };
    const withBranch = (kind: Out['kind'], b: StepBranch, target: string | undefined, extra: Partial<Out> = {}) =>
      make(kind, target, {
        branch: b,
        // A called flow's `before` flows run first, as hand-overs of the same branch. Most branches
        // call nothing: they skip working that out.
        calls: b.branch.call === undefined ? [] : this.calledFlows(b.branch),
        advice: b.branch.advice ?? [],
        ...extra,
      });
    const next = 'next' in step ? step.next : undefined;
    const outs: Out[] = [];
    const branches = branchesOf(step);
    switch (step.type) {
      case 'multi':
        for (const b of branches) {
          outs.push(b.path[0] === 'unknown' ? withBranch('branch', b, targetOf(step, b.branch)) : withBranch('option', b, next));
        }
        break;
      case 'number':
        for (const b of branches) outs.push(withBranch('branch', b, targetOf(step, b.branch)));
        outs.push(make('fallthrough', next));
        break;
      case 'route':
        branches.forEach((b, i) => outs.push(withBranch('branch', b, targetOf(step, b.branch), { routeIndex: i })));
        if (!step.otherwise) outs.push(make('no-route', END, { routeIndex: step.routes.length }));
        break;
      default:
        for (const b of branches) outs.push(withBranch('branch', b, targetOf(step, b.branch)));
    }
    return outs;
  }

  /** The flows a branch hands over to, in the order they run (unknown ids are left out). */
  private calledFlows(branch: StepBranch['branch']): Flow[] {
    const flows: Flow[] = [];
    for (const id of enteredFlows(this.flows, callsOf(branch))) {
      const flow = this.flows.get(id);
      if (flow) flows.push(flow);
    }
    return flows;
  }

  private readonly conditionCache = new Map<Step, ReturnType<typeof conditionsOf>>();
  private readonly adviceCache = new Map<Step, ReturnType<typeof adviceListsOf>>();

  /** `conditionsOf(step)`, worked out once per step for every rule that asks (do not change the list). */
  conditions(step: Step): ReturnType<typeof conditionsOf> {
    let list = this.conditionCache.get(step);
    if (!list) this.conditionCache.set(step, (list = conditionsOf(step)));
    return list;
  }

  /** `adviceListsOf(step)`, worked out once per step for every rule that asks (do not change the list). */
  adviceLists(step: Step): ReturnType<typeof adviceListsOf> {
    let list = this.adviceCache.get(step);
    if (!list) this.adviceCache.set(step, (list = adviceListsOf(step)));
    return list;
  }

  info(id: string): StepInfo | undefined {
    return this.steps.get(id);
  }

  startStep(flow: Flow): Step | undefined {
    const id = startOf(flow);
    const info = id === undefined ? undefined : this.steps.get(id);
    return info && info.flow === flow ? info.step : undefined;
  }

  private readonly successorCache = new Map<Step, Step[]>();

  /** Successor steps in the walk: the start of each called flow and the branch target. */
  private successors(step: Step): Step[] {
    const cached = this.successorCache.get(step);
    if (cached) return cached;
    const out: Step[] = [];
    for (const o of this.steps.get(step.id)!.outs) {
      for (const callee of o.calls) {
        const s = this.startStep(callee);
        if (s) out.push(s);
      }
      if (o.targetStep) out.push(o.targetStep);
    }
    this.successorCache.set(step, out);
    return out;
  }

  /**
   * Strongly connected components (Tarjan, iterative), in reverse topological order: every
   * component comes after all components it leads to.
   */
  components(): Step[][] {
    if (this.cycleSets) return this.cycleSets;
    const index = new Map<Step, number>();
    const low = new Map<Step, number>();
    const onStack = new Set<Step>();
    const stack: Step[] = [];
    const result: Step[][] = [];
    let counter = 0;
    for (const { step: root } of this.steps.values()) {
      if (index.has(root)) continue;
      const work: { step: Step; succ: Step[]; i: number }[] = [];
      const enter = (s: Step) => {
        index.set(s, counter);
        low.set(s, counter++);
        stack.push(s);
        onStack.add(s);
        work.push({ step: s, succ: this.successors(s), i: 0 });
      };
      enter(root);
      while (work.length > 0) {
        const frame = work[work.length - 1]!;
        if (frame.i < frame.succ.length) {
          const next = frame.succ[frame.i++]!;
          if (!index.has(next)) enter(next);
          else if (onStack.has(next)) low.set(frame.step, Math.min(low.get(frame.step)!, index.get(next)!));
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.step, Math.min(low.get(parent.step)!, low.get(frame.step)!));
        if (low.get(frame.step) === index.get(frame.step)) {
          const component: Step[] = [];
          let s: Step;
          do {
            s = stack.pop()!;
            onStack.delete(s);
            component.push(s);
          } while (s !== frame.step);
          result.push(component);
        }
      }
    }
    this.cycleSets = result;
    return result;
  }

  /** Steps that lie on a cycle (through `next` or through `call`). */
  cyclicSteps(): Set<Step> {
    if (this.cyclic) return this.cyclic;
    const set = new Set<Step>();
    for (const component of this.components()) {
      if (component.length > 1) component.forEach((s) => set.add(s));
      else if (this.successors(component[0]!).includes(component[0]!)) set.add(component[0]!);
    }
    return (this.cyclic = set);
  }

  /** Whether the steps of a flow can be put in order (no cycle inside the flow or through it). */
  isAcyclic(flow: Flow): boolean {
    return this.order(flow) !== null;
  }

  /** The steps of a flow in topological order of its `next` edges; null when the flow has a cycle. */
  order(flow: Flow): Step[] | null {
    if (this.orders.has(flow)) return this.orders.get(flow)!;
    const cyclic = this.cyclicSteps();
    const own = flow.steps.filter((s) => this.steps.get(s.id)?.step === s);
    if (own.some((s) => cyclic.has(s))) {
      this.orders.set(flow, null);
      return null;
    }
    // Kahn's algorithm over in-flow edges; ties keep file order.
    const indegree = new Map<Step, number>(own.map((s) => [s, 0]));
    for (const s of own) for (const o of this.steps.get(s.id)!.outs) if (o.targetStep) indegree.set(o.targetStep, indegree.get(o.targetStep)! + 1);
    const queue = own.filter((s) => indegree.get(s) === 0);
    const order: Step[] = [];
    for (let i = 0; i < queue.length; i++) {
      const s = queue[i]!;
      order.push(s);
      for (const o of this.steps.get(s.id)!.outs) {
        if (!o.targetStep) continue;
        const d = indegree.get(o.targetStep)! - 1;
        indegree.set(o.targetStep, d);
        if (d === 0) queue.push(o.targetStep);
      }
    }
    const result = order.length === own.length ? order : null;
    this.orders.set(flow, result);
    return result;
  }

  /** Whether a walk through `flow` can reach its end and return to the caller (structurally). */
  mayReturn(flow: Flow): boolean {
    if (!this.returning) this.returning = this.computeReturning();
    return this.returning.has(flow);
  }

  /** Whether every flow in the list can return, so the walk gets past the first `n` of them. */
  returnsThrough(calls: readonly Flow[], n = calls.length): boolean {
    for (let i = 0; i < n; i++) if (!this.mayReturn(calls[i]!)) return false;
    return true;
  }

  private computeReturning(): Set<Flow> {
    const returns = new Set<Step>();
    const flows = new Set<Flow>();
    const stepReturns = (s: Step): boolean =>
      this.steps
        .get(s.id)!
        .outs.some((o) => o.calls.every((f) => flows.has(f)) && (o.target === undefined || o.target === END ? true : o.targetStep ? returns.has(o.targetStep) : false));
    const update = (s: Step): boolean => {
      if (returns.has(s) || !stepReturns(s)) return false;
      returns.add(s);
      const info = this.steps.get(s.id)!;
      if (this.startStep(info.flow) === s) flows.add(info.flow);
      return true;
    };
    for (const component of this.components()) {
      if (component.length === 1) {
        update(component[0]!);
        continue;
      }
      // A cycle: iterate to the (small) fixpoint.
      for (let changed = true; changed;) {
        changed = false;
        for (const s of component) if (update(s)) changed = true;
      }
    }
    return flows;
  }

  /** Steps and flows a walk can reach from the start (structurally: every answer and route possible). */
  reachable(): { steps: Set<Step>; flows: Set<Flow> } {
    if (this.reached) return this.reached;
    const steps = new Set<Step>();
    const flows = new Set<Flow>();
    const queue: Step[] = [];
    const visit = (s: Step | undefined) => {
      if (!s || steps.has(s)) return;
      steps.add(s);
      queue.push(s);
    };
    const enterFlow = (f: Flow) => {
      flows.add(f);
      visit(this.startStep(f));
    };
    if (this.startFlow) enterFlow(this.startFlow);
    for (let i = 0; i < queue.length; i++) {
      for (const o of this.steps.get(queue[i]!.id)!.outs) {
        let passes = true;
        for (const callee of o.calls) {
          enterFlow(callee);
          if (!this.mayReturn(callee)) {
            passes = false;
            break;
          }
        }
        if (passes) visit(o.targetStep);
      }
    }
    return (this.reached = { steps, flows });
  }

  /** Flows that can run `flow` (directly or through further calls), including itself. */
  private readonly ancestorCache = new Map<Flow, Set<Flow>>();
  ancestors(flow: Flow): Set<Flow> {
    let set = this.ancestorCache.get(flow);
    if (set) return set;
    set = new Set([flow]);
    const queue = [flow];
    for (let i = 0; i < queue.length; i++) {
      for (const site of this.callers.get(queue[i]!) ?? []) {
        if (!set.has(site.out.flow)) {
          set.add(site.out.flow);
          queue.push(site.out.flow);
        }
      }
    }
    this.ancestorCache.set(flow, set);
    return set;
  }
}
