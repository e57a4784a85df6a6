// Which answers are possible where: for a step X that conditions name (a "fact") and a point in the
// protocol, the set of X's answer classes a walk can arrive with (including "niet beantwoord").
//
// A forward data-flow over the step graph, computed lazily per (flow, fact) in topological order:
// - answering X replaces its classes by those that select the branch taken (value restriction);
// - a route passes on only the combinations that pick it (first match, as the engine does);
// - a called flow is summarised per fact (what it may answer, whether it may leave X alone), so
//   returning from a shared flow never mixes up its callers;
// - a flow's entry is the union over its reachable call sites.
// Route steps enumerate every combination of their facts' classes (numbers split at the thresholds
// the conditions use, multi steps expanded over the values conditions name): exact, not sampled.
// Cost: per (flow, fact) pair that a condition needs, one pass over that flow; per route step, the
// product of its few facts' class counts. No walk is ever enumerated.
import { evaluate } from '../engine/index.js';
import { factsOf, type AnswerValue, type Condition, type Flow, type Step } from '../model/core.js';
import { AnswerClasses, collectThresholds, MAX_MULTI_VALUES, UNANSWERED_BIT } from './answer-classes.js';
import type { Graph, Out } from './graph.js';

/** Route steps (and advice conditions) with more combinations than this are not checked exactly. */
export const MAX_COMBINATIONS = 50_000;
/**
 * Combinations enumerated for the whole protocol: many route steps each just under the cap above
 * must not add up to minutes (issue 11, finding 04). Past it, steps are reported as not checked.
 */
export const MAX_TOTAL_COMBINATIONS = 1_000_000;

/** A pseudo-fact with one class, "reached": its mask is non-empty exactly where a walk can arrive. */
const REACHED = '\u0000reached';

export interface RouteAnalysis {
  /** The steps the route conditions name. */
  facts: string[];
  /** Too many combinations to check exactly; nothing below is reliable. */
  limited: boolean;
  /** No walk reaches the step. */
  infeasible: boolean;
  /** Per out (routes 0..n-1, then `otherwise`/no route): whether some combination takes it. */
  selectable: boolean[];
  /** Per out and fact: the classes of the combinations that take that out. */
  projections: bigint[][];
  /** Per route: whether its condition holds for some combination (first or not). */
  matchedEver: boolean[];
  /** Per route: the earlier route that takes every combination this one would (if never first). */
  shadowedBy: (number | undefined)[];
  /** Overlapping pairs of routes, with an example combination. */
  overlaps: { first: number; second: number; example: string }[];
  /** An example combination no route takes, when the step has no `otherwise`. */
  uncovered?: string;
}

export interface PointResult {
  /** No walk reaches this point. */
  infeasible: boolean;
  limited: boolean;
  /** Some possible combination makes the condition hold. */
  satisfiable: boolean;
  /**
   * The classes of each fact possible at the point. Complete only when the condition cannot hold
   * (what a finding explains): once one combination satisfies it, the rest is not enumerated.
   */
  masks: Map<string, bigint>;
}

interface Pass {
  masks: bigint[];
  done: number;
  busy: number;
}

interface Choice {
  classIndex: number;
  /** The class as a one-bit mask. */
  bit: bigint;
  value: AnswerValue | undefined;
  /** The class's label; none for a set of ticked values of a multi step, which is labelled from its value. */
  label?: string;
}

/** How a finding names a choice. Worked out only for a finding: most combinations never get one. */
const choiceLabel = (choice: Choice): string => {
  if (choice.label !== undefined) return choice.label;
  const picked = choice.value as readonly string[];
  return picked.length > 0 ? `[${picked.join(', ')}]` : '(niets aangevinkt)';
};

/** What a run of a flow does to a fact: whether some run leaves it alone, and the classes it may leave behind. */
interface Summary {
  passes: boolean;
  gen: bigint;
}

/** Everything computed about one fact (a step conditions name, or REACHED), kept together so no lookup builds a key. */
interface FactState {
  id: string;
  classes: AnswerClasses;
  /** Flows whose run can answer the fact: the fact's own flow and every flow that can run it. */
  touching: ReadonlySet<Flow>;
  passes: Map<Flow, Pass>;
  entries: Map<Flow, bigint>;
  entering: Set<Flow>;
  summaries: Map<Flow, Summary>;
  summarising: Set<Flow>;
}

/** A reachable step's flow, the flow's topological order (null: the flow has a cycle) and its position in it. */
interface Place {
  flow: Flow;
  order: readonly Step[] | null;
  position: number;
  start: Step | undefined;
}

const NO_OUTS: readonly Out[] = [];
const NO_VALUES: ReadonlyMap<string, string> = new Map();
const NO_FLOWS: ReadonlySet<Flow> = new Set();

export class PathAnalysis {
  private readonly thresholds: ReturnType<typeof collectThresholds>;
  private readonly classCache = new Map<string, AnswerClasses>();
  private readonly factStates = new Map<string, FactState | null>();
  private readonly positions = new Map<Flow, Map<Step, number>>();
  private readonly places = new Map<Step, Place | null>();
  /** Per option out of a multi step: the flows that earlier ticked options run before it (see earlierOptions). */
  private readonly earlierCallees = new Map<Out, Flow[]>();
  private readonly routeCache = new Map<Step, RouteAnalysis>();
  /** Per out of a question step: the classes of the step's own answer that take it (AnswerClasses.select). */
  private readonly selected = new Map<Out, bigint>();
  /** Combinations enumerated so far (see MAX_TOTAL_COMBINATIONS). */
  private spent = 0;

  constructor(readonly graph: Graph) {
    this.thresholds = collectThresholds(graph.protocol, (step) => graph.conditions(step));
  }

  /** The answer classes of a step; undefined for an id that names no step. */
  classesOf(id: string): AnswerClasses | undefined {
    let classes = this.classCache.get(id);
    if (classes) return classes;
    const step: Step | undefined = id === REACHED ? { type: 'route', id, routes: [] } : this.graph.info(id)?.step;
    if (!step) return undefined;
    classes = new AnswerClasses(step, this.thresholds.thresholds.get(id) ?? new Set(), this.thresholds.mentioned.get(id) ?? new Set());
    this.classCache.set(id, classes);
    return classes;
  }

  /** The state of a fact; null for an id that names no step. */
  private fact(id: string): FactState | null {
    let state = this.factStates.get(id);
    if (state !== undefined) return state;
    const classes = this.classesOf(id);
    if (!classes) state = null;
    else {
      const info = this.graph.info(id);
      state = {
        id,
        classes,
        touching: info ? this.graph.ancestors(info.flow) : NO_FLOWS,
        passes: new Map(),
        entries: new Map(),
        entering: new Set(),
        summaries: new Map(),
        summarising: new Set(),
      };
    }
    this.factStates.set(id, state);
    return state;
  }

  /** Whether some walk arrives at this step (route conditions taken into account). */
  feasible(step: Step): boolean {
    return this.maskAt(step, REACHED) !== 0n;
  }

  /** Whether some walk takes this out (routes: some combination picks it; numbers: some number falls in it). */
  outFeasible(out: Out): boolean {
    const fact = this.fact(REACHED)!;
    return this.base(out, fact) !== 0n;
  }

  /** The classes of `fact` a walk can have on arriving at `step`. */
  maskAt(step: Step, fact: string): bigint {
    const state = this.fact(fact);
    const place = this.placeOf(step);
    if (!state || !place) return 0n;
    return this.maskIn(place, state);
  }

  private maskIn(place: Place, fact: FactState): bigint {
    const order = place.order;
    if (!order) return fact.classes.full;
    let pass = fact.passes.get(place.flow);
    if (!pass) fact.passes.set(place.flow, (pass = { masks: [], done: 0, busy: -1 }));
    if (pass.done <= place.position) this.ensure(place, order, fact, pass, place.position + 1);
    return place.position < pass.done ? pass.masks[place.position]! : fact.classes.full;
  }

  /** Where a reachable step sits: its flow, the flow's order and its position (null if unreachable). */
  private placeOf(step: Step): Place | null {
    let place = this.places.get(step);
    if (place !== undefined) return place;
    const info = this.graph.info(step.id);
    if (!info || info.step !== step || !this.graph.reachable().steps.has(step)) place = null;
    else {
      const order = this.graph.order(info.flow);
      place = { flow: info.flow, order, position: order ? this.positionOf(info.flow, order).get(step)! : -1, start: this.graph.startStep(info.flow) };
    }
    this.places.set(step, place);
    return place;
  }

  private positionOf(flow: Flow, order: readonly Step[]): Map<Step, number> {
    let map = this.positions.get(flow);
    if (!map) {
      map = new Map();
      for (let i = 0; i < order.length; i++) map.set(order[i]!, i);
      this.positions.set(flow, map);
    }
    return map;
  }

  private ensure(place: Place, order: readonly Step[], fact: FactState, pass: Pass, upto: number): void {
    const start = place.start;
    const incoming = this.graph.incoming;
    while (pass.done < upto) {
      const k = pass.done;
      // Positions only ever depend on earlier ones; re-entry would mean a bug, so stop safely.
      if (pass.busy === k) return;
      pass.busy = k;
      const step = order[k]!;
      let mask = step === start ? this.entry(place.flow, fact) : 0n;
      const outs = incoming.get(step) ?? NO_OUTS;
      for (let i = 0; i < outs.length; i++) {
        const out = outs[i]!;
        mask |= this.edge(out, fact, out.calls.length);
      }
      pass.masks[k] = mask;
      pass.done = k + 1;
      pass.busy = -1;
    }
  }

  /** The classes of `fact` on entering `flow`: the union over its reachable call sites. */
  private entry(flow: Flow, fact: FactState): bigint {
    const known = fact.entries.get(flow);
    if (known !== undefined) return known;
    if (fact.entering.has(flow)) return fact.classes.full;
    fact.entering.add(flow);
    let mask = flow === this.graph.startFlow ? UNANSWERED_BIT : 0n;
    const reachable = this.graph.reachable().steps;
    for (const site of this.graph.callers.get(flow) ?? []) {
      if (reachable.has(site.out.step)) mask |= this.edge(site.out, fact, site.index);
    }
    fact.entering.delete(flow);
    fact.entries.set(flow, mask);
    return mask;
  }

  /** The classes of `fact` after taking `out` and running its first `calls` called flows. */
  private edge(out: Out, fact: FactState, calls: number): bigint {
    let mask = this.base(out, fact);
    if (mask === 0n || !this.graph.returnsThrough(out.calls, calls)) return 0n;
    if (out.kind === 'option') mask |= this.earlierOptions(out, fact);
    return calls === 0 ? mask : this.applyCalls(mask, out.calls, calls, fact);
  }

  /** A multi step runs the calls of every ticked option in order: what earlier options' flows may answer. */
  private earlierOptions(out: Out, fact: FactState): bigint {
    let callees = this.earlierCallees.get(out);
    if (!callees) {
      callees = [];
      for (const other of this.graph.info(out.step.id)!.outs) {
        if (other === out) break;
        if (other.kind !== 'option') continue;
        for (const callee of other.calls) {
          if (!this.graph.mayReturn(callee)) break;
          callees.push(callee);
        }
      }
      this.earlierCallees.set(out, callees);
    }
    let mask = 0n;
    for (let i = 0; i < callees.length; i++) {
      const callee = callees[i]!;
      if (fact.touching.has(callee)) mask |= this.summary(callee, fact).gen;
    }
    return mask;
  }

  /** The classes of `fact` as the walk leaves `out.step` by `out` (before any calls). */
  private base(out: Out, fact: FactState): bigint {
    const step = out.step;
    const place = this.placeOf(step);
    if (!place) return 0n;
    const here = this.maskIn(place, fact);
    if (here === 0n) return 0n;
    if (step.type === 'route') {
      const route = this.route(step);
      if (route.limited) return here;
      const index = out.routeIndex!;
      if (!route.selectable[index]) return 0n;
      const f = route.facts.indexOf(fact.id);
      return f >= 0 ? route.projections[index]![f]! : here;
    }
    const own = this.select(out);
    if (own === 0n) return 0n;
    return fact.id === step.id ? own : here;
  }

  /** The classes of a question step's own answer that take `out`, worked out once per out. */
  private select(out: Out): bigint {
    let own = this.selected.get(out);
    if (own === undefined) this.selected.set(out, (own = this.classesOf(out.step.id)!.select(out)));
    return own;
  }

  private applyCalls(mask: bigint, calls: readonly Flow[], n: number, fact: FactState): bigint {
    let m = mask;
    for (let i = 0; i < n; i++) {
      const callee = calls[i]!;
      if (!fact.touching.has(callee)) continue;
      const s = this.summary(callee, fact);
      m = (s.passes ? m : 0n) | s.gen;
    }
    return m;
  }

  /**
   * What a run of `flow` does to `fact`, whatever the caller: the classes it may leave behind when
   * it answers the fact, and whether some run returns without answering it.
   */
  private summary(flow: Flow, fact: FactState): Summary {
    const known = fact.summaries.get(flow);
    if (known) return known;
    const order = this.graph.order(flow);
    if (!order || fact.summarising.has(flow)) return { passes: true, gen: fact.classes.answered };
    fact.summarising.add(flow);
    const position = this.positionOf(flow, order);
    const masks: bigint[] = [];
    const start = this.graph.startStep(flow);
    for (let k = 0; k < order.length; k++) {
      const step = order[k]!;
      let m = step === start ? UNANSWERED_BIT : 0n;
      const outs = this.graph.incoming.get(step) ?? NO_OUTS;
      for (let i = 0; i < outs.length; i++) m |= this.leave(outs[i]!, masks, position, fact);
      masks[k] = m;
    }
    let exit = 0n;
    for (const step of order) {
      for (const out of this.graph.info(step.id)!.outs) if (out.target === undefined || out.target === 'end') exit |= this.leave(out, masks, position, fact);
    }
    fact.summarising.delete(flow);
    const result = { passes: (exit & UNANSWERED_BIT) !== 0n, gen: exit & ~UNANSWERED_BIT };
    fact.summaries.set(flow, result);
    return result;
  }

  /** Within a summary: the classes of the fact as a run leaves `out.step` by `out` and runs its calls. */
  private leave(out: Out, masks: readonly bigint[], position: ReadonlyMap<Step, number>, fact: FactState): bigint {
    const here = masks[position.get(out.step)!]!;
    if (here === 0n || !this.graph.returnsThrough(out.calls)) return 0n;
    let m = here;
    if (out.step.type !== 'route') {
      const own = this.select(out);
      if (own === 0n) return 0n;
      if (out.step.id === fact.id) m = own;
    }
    if (out.kind === 'option') m |= this.earlierOptions(out, fact);
    return this.applyCalls(m, out.calls, out.calls.length, fact);
  }

  /** Every combination of the route conditions' facts at this route step, and what each picks. */
  route(step: Step & { type: 'route' }): RouteAnalysis {
    const known = this.routeCache.get(step);
    if (known) return known;
    const facts = this.factIds(step.routes.map((r) => r.when));
    const n = step.routes.length;
    const result: RouteAnalysis = {
      facts,
      limited: false,
      infeasible: false,
      selectable: Array.from({ length: n + 1 }, () => false),
      projections: Array.from({ length: n + 1 }, () => facts.map(() => 0n)),
      matchedEver: step.routes.map(() => false),
      shadowedBy: step.routes.map(() => undefined),
      overlaps: [],
    };
    // Cache first: anything asked about this step while enumerating sees "not yet known" as limited.
    this.routeCache.set(step, { ...result, limited: true });
    if (!this.feasible(step)) {
      result.infeasible = true;
      this.routeCache.set(step, result);
      return result;
    }
    const masks = facts.map((f) => this.maskAt(step, f));
    const seenPair = new Set<string>();
    const firstMatchOf: (number | undefined)[] = step.routes.map(() => undefined);
    const everFirst = step.routes.map(() => false);
    const routes = step.routes;
    const matched: number[] = [];
    const enumerated = this.enumerate(facts, masks, NO_VALUES, (lookup, picks, label) => {
      let first = -1;
      matched.length = 0;
      for (let i = 0; i < routes.length; i++) {
        if (evaluate(routes[i]!.when, lookup)) {
          matched.push(i);
          if (first < 0) first = i;
        }
      }
      const index = first < 0 ? n : first;
      result.selectable[index] = true;
      const projection = result.projections[index]!;
      for (let f = 0; f < picks.length; f++) projection[f]! |= picks[f]!.bit;
      for (const i of matched) {
        result.matchedEver[i] = true;
        if (i === first) everFirst[i] = true;
        else firstMatchOf[i] ??= first;
      }
      for (let a = 0; a < matched.length; a++) {
        for (let b = a + 1; b < matched.length; b++) {
          const pair = `${matched[a]},${matched[b]}`;
          if (seenPair.has(pair)) continue;
          seenPair.add(pair);
          result.overlaps.push({ first: matched[a]!, second: matched[b]!, example: label() });
        }
      }
      if (first < 0 && !step.otherwise && result.uncovered === undefined) result.uncovered = label();
    });
    if (!enumerated) {
      result.limited = true;
      result.selectable.fill(true);
    } else {
      step.routes.forEach((_, i) => {
        if (result.matchedEver[i] && !everFirst[i]) result.shadowedBy[i] = firstMatchOf[i];
      });
    }
    this.routeCache.set(step, result);
    return result;
  }

  /**
   * Whether an advice condition can hold where it is evaluated: on `step` after it was answered
   * (through `out`, or any answer for step-level advice), or when a route step takes `out`.
   */
  conditionAt(step: Step, out: Out | undefined, condition: Condition): PointResult {
    const facts = this.factIds([condition]);
    const masks = new Map<string, bigint>();
    const none: PointResult = { infeasible: true, limited: false, satisfiable: false, masks };
    if (!this.feasible(step) || (out && !this.outFeasible(out))) return none;
    if (step.type === 'route') {
      const route = this.route(step);
      if (route.limited) return { infeasible: false, limited: true, satisfiable: true, masks };
      const all = [...new Set([...route.facts, ...facts])];
      const index = out!.routeIndex!;
      let satisfiable = false;
      let taken = false;
      const seen = all.map(() => 0n);
      const routes = step.routes;
      const complete = this.enumerate(
        all,
        all.map((f) => this.maskAt(step, f)),
        NO_VALUES,
        (lookup, picks) => {
          let first = 0;
          while (first < routes.length && !evaluate(routes[first]!.when, lookup)) first++;
          if (first !== index) return;
          taken = true;
          for (let i = 0; i < picks.length; i++) seen[i]! |= picks[i]!.bit;
          if (evaluate(condition, lookup)) satisfiable = true;
          return satisfiable;
        },
      );
      // Insertion order as the facts are listed (the finding's text lists them so).
      if (taken) for (let i = 0; i < all.length; i++) masks.set(all[i]!, seen[i]!);
      return complete ? { infeasible: false, limited: false, satisfiable, masks } : { infeasible: false, limited: true, satisfiable: true, masks };
    }
    const own = this.classesOf(step.id)!;
    const mustInclude = new Map<string, string>();
    if (out?.kind === 'option' && out.branch?.value !== undefined) mustInclude.set(step.id, out.branch.value);
    for (const f of facts) masks.set(f, f === step.id ? (out ? own.select(out) : own.answered) : this.maskAt(step, f));
    let satisfiable = false;
    const complete = this.enumerate(
      facts,
      facts.map((f) => masks.get(f)!),
      mustInclude,
      (lookup) => {
        if (evaluate(condition, lookup)) satisfiable = true;
        return satisfiable;
      },
    );
    return complete ? { infeasible: false, limited: false, satisfiable, masks } : { infeasible: false, limited: true, satisfiable: true, masks };
  }

  /** Whether a single fact condition can hold for some class in `mask`. */
  factCanHold(condition: Condition, fact: string, mask: bigint): boolean {
    let can = false;
    this.enumerate([fact], [mask], NO_VALUES, (lookup) => {
      if (evaluate(condition, lookup)) can = true;
      return can;
    });
    return can;
  }

  /** Step ids named by the conditions that exist (unknown ones are the loader's dangling-ref). */
  private factIds(conditions: readonly Condition[]): string[] {
    const ids = new Set<string>();
    for (const c of conditions) for (const f of factsOf(c)) if (this.graph.info(f.step)) ids.add(f.step);
    return [...ids];
  }

  /**
   * Calls `visit` for every combination of the facts' classes in `masks` (multi steps expanded over
   * the values conditions name). Returns false, without visiting, when there are too many. `visit`
   * may stop the enumeration by returning true (the combinations still count as spent). `picks` and
   * `label` describe the current combination only: read them during the visit, do not keep them.
   */
  private enumerate(
    facts: readonly string[],
    masks: readonly bigint[],
    mustInclude: ReadonlyMap<string, string>,
    visit: (lookup: (step: string) => AnswerValue | undefined, picks: readonly Choice[], label: () => string) => boolean | void,
  ): boolean {
    const choices: Choice[][] = [];
    let total = 1;
    for (let f = 0; f < facts.length; f++) {
      const classes = this.classesOf(facts[f]!)!;
      const list: Choice[] = [];
      for (const i of classes.indices(masks[f]!)) {
        const c = classes.classes[i]!;
        const bit = classes.bits[i]!;
        if (!c.multi) {
          list.push({ classIndex: i, bit, value: c.value, label: c.label });
          continue;
        }
        const values = classes.mentioned;
        if (values.length > MAX_MULTI_VALUES) return false;
        const must = mustInclude.get(facts[f]!);
        const mustAt = must === undefined ? -1 : values.indexOf(must);
        for (let subset = 0; subset < 1 << values.length; subset++) {
          if (mustAt >= 0 && (subset & (1 << mustAt)) === 0) continue;
          const picked: string[] = [];
          for (let j = 0; j < values.length; j++) if (subset & (1 << j)) picked.push(values[j]!);
          list.push({ classIndex: i, bit, value: picked });
        }
      }
      if (list.length === 0) return true;
      choices.push(list);
      total *= list.length;
      if (total > MAX_COMBINATIONS) return false;
    }
    if (this.spent + total > MAX_TOTAL_COMBINATIONS) return false;
    this.spent += total;
    // An odometer over the choices; only the digits that turn over change their value.
    const index = facts.map(() => 0);
    const picks = choices.map((list) => list[0]!);
    const values = new Map<string, AnswerValue | undefined>();
    for (let f = 0; f < facts.length; f++) values.set(facts[f]!, picks[f]!.value);
    const lookup = (step: string) => values.get(step);
    const label = () => facts.map((f, i) => `${f} = ${choiceLabel(picks[i]!)}`).join(', ');
    for (;;) {
      if (visit(lookup, picks, label) === true) return true;
      let f = facts.length - 1;
      while (f >= 0 && ++index[f]! === choices[f]!.length) {
        index[f] = 0;
        picks[f] = choices[f]![0]!;
        values.set(facts[f]!, picks[f]!.value);
        f--;
      }
      if (f < 0) return true;
      picks[f] = choices[f]![index[f]!]!;
      values.set(facts[f]!, picks[f]!.value);
    }
  }
}
