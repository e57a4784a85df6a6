// "How does a user end up here?": for each advice item, the shortest sequence of answers from the
// start of the protocol that makes the engine give it. The search runs the engine itself (a
// breadth-first search over walk states), and every walk found is replayed once more before it is
// returned, so an example can never be wrong.
import {
  adviceListsOf,
  branchesOf,
  callsOf,
  conditionsOf,
  END,
  enteredFlows,
  startOf,
  targetOf,
  factsOf,
  UNKNOWN,
  YES,
  NO,
  type Advice,
  type Condition,
  type AnswerValue,
  type Flow,
  type Protocol,
  type QuestionStep,
} from '../model/core.js';
import { answer, indexProtocol, next, replay, start, type GivenAnswer, type WalkState } from '../engine/index.js';

export interface ShortestWalk {
  /** The answers in the order the questions are asked. */
  answers: GivenAnswer[];
}

export interface SearchLimits {
  /** Stop the search for the items on one step after this many distinct walk states. */
  maxStates: number;
  /** Stop searching altogether after this many walk states over all steps (memory and time stay bounded). */
  maxTotalStates: number;
}

/**
 * Enough for every item of the shipped protocol (its deepest items, such as advice after the
 * meldcode and "can the pupil go home" for a suspected parent, need more than 5,000 states on one
 * step; conditions on the multi-choice category multiply the walks, and every item's own `when`
 * adds the answers it reads). Since the weapons flow asks whether the pupil carried the weapon
 * because of a threat (8 December), the police items after it need more than 20,000 states on that
 * step, and the whole shipped protocol about 230,000; the total leaves room for more. On a
 * 10,000-step protocol it keeps `explain` within two seconds and 200 MiB (`npm run bench`).
 */
export const DEFAULT_LIMITS: SearchLimits = { maxStates: 30_000, maxTotalStates: 300_000 };

export interface WalkSearch {
  walks: Map<Advice, ShortestWalk>;
  /** Items without a walk because the search stopped at a limit (not proven unreachable). */
  limited: Set<Advice>;
}

/**
 * Shortest walks that collect each of the given advice items (by identity). Items that no walk
 * reaches within the limits are missing from the result.
 */
export function shortestWalks(protocol: Protocol, items: readonly Advice[], limits: SearchLimits = DEFAULT_LIMITS): Map<Advice, ShortestWalk> {
  return searchWalks(protocol, items, limits).walks;
}

/**
 * The search, one step at a time: the items on one step are searched for together, following only
 * walks that can still get to that step, so each search stays small. A step whose search reaches
 * `maxStates`, and every step after the total reaches `maxTotalStates`, has its items in `limited`.
 * With `known` (the search for the same items in another version of the protocol), an item's walk
 * from there is used when it still gives the item (a walk to it, then, not always the shortest).
 */
export function searchWalks(protocol: Protocol, items: readonly Advice[], limits: SearchLimits = DEFAULT_LIMITS, known?: WalkSearch): WalkSearch {
  const result: WalkSearch = { walks: new Map(), limited: new Set() };
  // The same items' search in another version of the protocol: a walk found there that still gives
  // the item here is used, and an item that search stopped short of is not searched for again.
  if (known) {
    for (const item of items) {
      const walk = known.walks.get(item);
      if (walk && verify(protocol, walk, item)) result.walks.set(item, walk);
      else if (known.limited.has(item)) result.limited.add(item);
    }
  }
  const stepOf = stepsOfItems(protocol, new Set(items));
  const groups = new Map<string, Advice[]>();
  for (const item of items) {
    if (result.walks.has(item) || result.limited.has(item)) continue;
    const step = stepOf.get(item);
    if (step === undefined) continue;
    let list = groups.get(step);
    if (!list) groups.set(step, (list = []));
    if (!list.includes(item)) list.push(item);
  }
  const predecessors = predecessorsOf(protocol);
  const context: SearchContext = { protocol, predecessors, ahead: factsAhead(protocol, predecessors), candidates: new Map() };
  let left = limits.maxTotalStates;
  for (const [step, group] of groups) {
    const { used, complete } = searchStep(context, step, group, Math.min(limits.maxStates, left), result.walks, false);
    left -= used;
    // Not found with one category, all or none ticked: each item on its own once more, with the
    // categories it needs ticked together (a search for one item reads fewer answers, so stays small).
    let limited = !complete;
    for (const item of group) {
      if (result.walks.has(item) || left <= 0 || !hasCombinations(protocol, step, [item])) continue;
      const second = searchStep(context, step, [item], Math.min(limits.maxStates, left), result.walks, true);
      left -= second.used;
      limited ||= !second.complete;
    }
    if (limited) for (const item of group) if (!result.walks.has(item)) result.limited.add(item);
  }
  return result;
}

interface SearchContext {
  protocol: Protocol;
  predecessors: Map<string, string[]>;
  /** Per step: the steps whose answers a route condition on it or after it reads. */
  ahead: (step: string) => ReadonlySet<string>;
  candidates: Map<string, AnswerValue[]>;
}

interface Node {
  state: WalkState;
  parent: Node | null;
  given?: GivenAnswer;
  /** Answers so far. */
  g: number;
  /** g plus a lower bound of the answers still needed. */
  f: number;
  seq: number;
  /** Wanted items this node collected on the way in: a goal, not expanded further. */
  hits?: Advice[];
}

/**
 * Best-first (A*) search for the items on one step: a node's priority is its answers so far plus a
 * lower bound of the answers still needed (the fewest questions on any way to the step), so the
 * search heads for the step instead of widening over every category, and the first walk taken
 * from the queue for an item is a shortest one. Returns the states used and whether it ran to the end.
 */
function searchStep(
  { protocol, predecessors, ahead, candidates }: SearchContext,
  stepId: string,
  items: readonly Advice[],
  budget: number,
  found: Map<Advice, ShortestWalk>,
  combine: boolean,
): { used: number; complete: boolean } {
  const wanted = new Set(items);
  const { steps, flows } = indexProtocol(protocol);
  // The answers that can still matter: those read by a route on the way ahead, and by the items' own `when`.
  const own = factsReadBy(items);
  // A multi question with many options (the categories) is tried with one option, all or none; with
  // `combine`, the combination these items need (their own flow and the flows whose answers they
  // read, such as a weapon and criminal exploitation together) is tried as well.
  const neededFlows = neededFlowsOf(protocol, stepId, items);
  const combined = new Map<string, AnswerValue[]>();
  const candidatesOf = (step: QuestionStep) => {
    let list = candidates.get(step.id);
    if (!list) candidates.set(step.id, (list = candidateAnswers(protocol, step)));
    if (!combine || step.type !== 'multi') return list;
    let withCombinations = combined.get(step.id);
    // After the single options and before "all": of equally short walks, the one with fewest ticked reads best.
    const singles = step.options.length;
    if (!withCombinations) combined.set(step.id, (withCombinations = [...list.slice(0, singles), ...combinationsFor(step, flows, neededFlows, list), ...list.slice(singles)]));
    return withCombinations;
  };
  const pathOf = (node: Node): GivenAnswer[] => {
    const out: GivenAnswer[] = [];
    for (let n: Node | null = node; n; n = n.parent) if (n.given) out.push(n.given);
    return out.reverse();
  };
  const hitsOf = (state: WalkState, from: number): Advice[] => {
    const out: Advice[] = [];
    for (let i = from; i < state.collected.length; i++) {
      const advice = state.collected[i]!.advice;
      if (wanted.has(advice) && !found.has(advice)) out.push(advice);
    }
    return out;
  };
  let missing = wanted.size;

  // Only walks that can still get to the step are worth following.
  const alive = canReach(predecessors, [stepId]);
  const distance = answersNeeded(predecessors, stepId, (id) => steps.get(id)?.step.type !== 'route');
  const relevant = (state: WalkState, id: string) =>
    own.has(id) || (state.at !== null && alive.has(state.at) && ahead(state.at).has(id)) || state.stack.some((t) => alive.has(t) && ahead(t).has(id));
  // A lower bound: the step is reached from where the walk stands, or after a hand-over returns.
  const needed = (state: WalkState): number | undefined => {
    let best = state.at === null ? undefined : distance.get(state.at);
    for (const t of state.stack) {
      const d = distance.get(t);
      if (d !== undefined && (best === undefined || d < best)) best = d;
    }
    return best;
  };

  let seq = 0;
  const open = new Heap<Node>((a, b) => a.f - b.f || b.g - a.g || a.seq - b.seq);
  const best = new Map<string, number>();
  const root: Node = { state: start(protocol), parent: null, g: 0, f: 0, seq: seq++ };
  const rootHits = hitsOf(root.state, 0);
  if (rootHits.length) open.push({ ...root, hits: rootHits, seq: seq++ });
  open.push(root);
  best.set(keyOf(root.state, relevant, alive), 0);
  while (open.size > 0 && missing > 0) {
    const node = open.pop()!;
    if (node.hits) {
      for (const advice of node.hits) {
        if (found.has(advice)) continue;
        const walk = { answers: pathOf(node) };
        if (verify(protocol, walk, advice)) {
          found.set(advice, walk);
          missing--;
        }
      }
      continue;
    }
    if (node.state.at === null || (best.get(keyOf(node.state, relevant, alive)) ?? Infinity) < node.g) continue;
    const step = steps.get(node.state.at)!.step as QuestionStep;
    for (const value of candidatesOf(step)) {
      const result = answer(node.state, value);
      if (!result.ok) continue;
      const g = node.g + 1;
      const given = { step: step.id, value };
      // Advice is collected on the way into a state: such a child is a goal of its own.
      const hits = hitsOf(result.state, node.state.collected.length);
      if (hits.length) open.push({ state: result.state, parent: node, given, g, f: g, seq: seq++, hits });
      const h = needed(result.state);
      if (h === undefined) continue;
      const key = keyOf(result.state, relevant, alive);
      if ((best.get(key) ?? Infinity) <= g) continue;
      if (best.size >= budget) return { used: best.size, complete: false };
      best.set(key, g);
      open.push({ state: result.state, parent: node, given, g, f: g + h, seq: seq++ });
    }
  }
  return { used: best.size, complete: true };
}

/**
 * For every step that leads to `target`, the fewest answers a walk standing there still needs to
 * get the target's advice (a question's advice comes with its answer, a route's on the way through):
 * a lower bound. A 0-1 breadth-first search backwards: a question costs one answer, a route none.
 */
function answersNeeded(predecessors: ReadonlyMap<string, readonly string[]>, target: string, isQuestion: (id: string) => boolean): Map<string, number> {
  const out = new Map<string, number>([[target, isQuestion(target) ? 1 : 0]]);
  const deque: string[] = [target];
  while (deque.length) {
    const id = deque.shift()!;
    const d = out.get(id)!;
    for (const p of predecessors.get(id) ?? []) {
      const cost = isQuestion(p) ? 1 : 0;
      if ((out.get(p) ?? Infinity) <= d + cost) continue;
      out.set(p, d + cost);
      if (cost === 0) deque.unshift(p);
      else deque.push(p);
    }
  }
  return out;
}

/** A binary heap, smallest first by `before`. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.before(a[i]!, a[parent]!) >= 0) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Replays the walk through the engine and checks the advice item is given. */
export function verify(protocol: Protocol, walk: ShortestWalk, item: Advice): boolean {
  const steps = walk.answers.map((a) => a.step);
  let state: WalkState;
  if (new Set(steps).size === steps.length) {
    // The normal case: replay it as an answers file would be replayed.
    const result = replay(protocol, Object.fromEntries(walk.answers.map((a) => [a.step, a.value])));
    if (result.problems.some((p) => p.kind !== 'missing-answer')) return false;
    state = result.state;
  } else {
    // Kept for protocols whose walks repeat a step id (the engine now asks each question once).
    state = start(protocol);
    for (const given of walk.answers) {
      const q = next(state);
      if (q.kind === 'done' || q.step.id !== given.step) return false;
      const result = answer(state, given.value);
      if (!result.ok) return false;
      state = result.state;
    }
  }
  return state.collected.some((c) => c.advice === item);
}

/** The step each advice item sits on. */
function stepsOfItems(protocol: Protocol, items: ReadonlySet<Advice>): Map<Advice, string> {
  const out = new Map<Advice, string>();
  for (const flow of protocol.flows) {
    for (const step of flow.steps) for (const list of adviceListsOf(step)) for (const item of list.advice) if (items.has(item)) out.set(item, step.id);
  }
  return out;
}

/**
 * For every step, the steps that lead to it directly: through an answer's `next`, the step's own
 * `next`, or a hand-over to the flow it starts. (Returning from a hand-over is covered by the walk's
 * stack of pending steps, which `isAlive` checks too.)
 */
function predecessorsOf(protocol: Protocol): Map<string, string[]> {
  const flows = indexProtocol(protocol).flows;
  const out = new Map<string, string[]>();
  const link = (from: string, to: string | undefined) => {
    if (to === undefined || to === END) return;
    out.set(to, [...(out.get(to) ?? []), from]);
  };
  for (const flow of protocol.flows) {
    for (const step of flow.steps) {
      if ('next' in step) link(step.id, step.next);
      for (const b of branchesOf(step)) {
        link(step.id, targetOf(step, b.branch));
        // A called flow's `before` flows are entered first, from the same answer.
        for (const called of enteredFlows(flows, callsOf(b.branch))) {
          const target = flows.get(called);
          link(step.id, target ? startOf(target) : undefined);
        }
      }
    }
  }
  return out;
}

/** The steps from which one of `targets` can be reached (the targets included). */
function canReach(predecessors: ReadonlyMap<string, readonly string[]>, targets: readonly string[]): Set<string> {
  const out = new Set<string>(targets);
  const todo = [...targets];
  while (todo.length) {
    for (const p of predecessors.get(todo.pop()!) ?? []) {
      if (out.has(p)) continue;
      out.add(p);
      todo.push(p);
    }
  }
  return out;
}

/**
 * Two walk states behave the same from here on when they stand at the same place with the same
 * pending hand-overs and the same answers to every step that can still matter. A pending step that
 * can no longer lead to a missing item still asks its questions before the walk goes on (a multi
 * answer stacks many category flows), so it stays in the key, marked: merging it away once lost
 * every walk that picks only the category wanted.
 */
function keyOf(state: WalkState, relevant: (state: WalkState, step: string) => boolean, alive: ReadonlySet<string>): string {
  // The engine asks each question once, so each step has one answer: no map needed, only an order.
  const facts: string[] = [];
  for (const a of state.answers) if (relevant(state, a.step)) facts.push(`${a.step}=${valueKey(a.value)}`);
  facts.sort();
  return `${state.at ?? '·'}|${state.stack.map((t) => (alive.has(t) ? t : `~${t}`)).join(',')}|${facts.join('|')}`;
}

/** An answer as text for a key: option values and step ids have no "," or "|", numbers are numbers. */
const valueKey = (value: AnswerValue): string => (typeof value === 'string' ? `s${value}` : typeof value === 'number' ? `n${value}` : `a${value.join(',')}`);

/**
 * For each step, the steps whose answers a routing condition (anything but an advice item's `when`,
 * which decides only whether that advice is given) reads on that step or any step after it. Answers
 * read only behind the walk cannot change where it goes. With a loop in the steps (which validate
 * reports), every step gets all of them: safe, only slower.
 */
function factsAhead(protocol: Protocol, predecessors: ReadonlyMap<string, readonly string[]>): (step: string) => ReadonlySet<string> {
  const steps = indexProtocol(protocol).steps;
  const successors = new Map<string, string[]>();
  for (const [to, froms] of predecessors) for (const from of froms) successors.set(from, [...(successors.get(from) ?? []), to]);
  const routing = (id: string): string[] => {
    const step = steps.get(id)?.step;
    if (!step) return [];
    const adviceWhen = new Set<Condition>();
    for (const list of adviceListsOf(step)) for (const a of list.advice) if (a.when) adviceWhen.add(a.when);
    return conditionsOf(step)
      .filter(({ condition }) => !adviceWhen.has(condition))
      .flatMap(({ condition }) => factsOf(condition).map((f) => f.step));
  };
  const memo = new Map<string, Set<string>>();
  const open = new Set<string>();
  let loop = false;
  // Depth-first, without recursion: a long chain of steps must not overflow the stack.
  for (const first of steps.keys()) {
    if (memo.has(first)) continue;
    const todo: [string, boolean][] = [[first, false]];
    while (todo.length) {
      const [id, done] = todo.pop()!;
      if (done) {
        const facts = new Set(routing(id));
        for (const next of successors.get(id) ?? []) for (const f of memo.get(next) ?? []) facts.add(f);
        memo.set(id, facts);
        open.delete(id);
        continue;
      }
      if (memo.has(id)) continue;
      if (open.has(id)) {
        loop = true;
        continue;
      }
      open.add(id);
      todo.push([id, true]);
      for (const next of successors.get(id) ?? []) if (!memo.has(next)) todo.push([next, false]);
    }
  }
  if (loop) {
    const all = new Set([...steps.keys()].flatMap(routing));
    return () => all;
  }
  const none = new Set<string>();
  return (id) => memo.get(id) ?? none;
}

const bounds = new WeakMap<Protocol, Map<string, Set<number>>>();
/** Per number step, the bounds any condition in the protocol compares its answer with (one pass). */
function boundsOf(protocol: Protocol): Map<string, Set<number>> {
  let out = bounds.get(protocol);
  if (out) return out;
  out = new Map();
  for (const flow of protocol.flows) {
    for (const s of flow.steps) {
      for (const { condition } of conditionsOf(s)) {
        for (const f of factsOf(condition)) {
          for (const n of [f.min, f.max]) {
            if (n === undefined) continue;
            let set = out.get(f.step);
            if (!set) out.set(f.step, (set = new Set()));
            set.add(n);
          }
        }
      }
    }
  }
  bounds.set(protocol, out);
  return out;
}

/** The steps whose answers the items' own `when` reads. */
function factsReadBy(items: readonly Advice[]): Set<string> {
  return new Set(items.flatMap((item) => (item.when ? factsOf(item.when).map((f) => f.step) : [])));
}

/** The flows of a step and of the answers its items read: where the categories they need lead. */
function neededFlowsOf(protocol: Protocol, stepId: string, items: readonly Advice[]): Set<string | undefined> {
  const steps = indexProtocol(protocol).steps;
  return new Set([stepId, ...factsReadBy(items)].map((id) => steps.get(id)?.flow.id));
}

/** Whether some multi question has a combination for these items that the first search did not try. */
function hasCombinations(protocol: Protocol, stepId: string, items: readonly Advice[]): boolean {
  const { steps, flows } = indexProtocol(protocol);
  const needed = neededFlowsOf(protocol, stepId, items);
  for (const { step } of steps.values()) {
    if (step.type === 'multi' && combinationsFor(step, flows, needed, candidateAnswers(protocol, step)).length > 0) return true;
  }
  return false;
}

/**
 * The options of a multi question that enter one of `needed` flows, ticked together (each pair, and
 * all of them), when `candidateAnswers` does not already try them: only for the search of one step.
 */
function combinationsFor(
  step: QuestionStep & { type: 'multi' },
  flows: ReadonlyMap<string, Flow>,
  needed: ReadonlySet<string | undefined>,
  tried: readonly AnswerValue[],
): AnswerValue[] {
  const values = step.options.filter((o) => enteredFlows(flows, callsOf(o)).some((f) => needed.has(f))).map((o) => o.value);
  if (values.length < 2 || values.length > 8) return [];
  const out: AnswerValue[] = [];
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) out.push([values[i]!, values[j]!]);
  if (values.length > 2) out.push(values);
  const seen = new Set(tried.map((v) => JSON.stringify(v)));
  return out.filter((v) => !seen.has(JSON.stringify(v)));
}

/**
 * The answers worth trying at a step: every option, "weet ik niet", for multi questions small
 * selections, and for numbers one value per range plus the edges of every condition on the step.
 */
function candidateAnswers(protocol: Protocol, step: QuestionStep): AnswerValue[] {
  const out: AnswerValue[] = [];
  switch (step.type) {
    case 'yes-no':
      // "Nee" first: among equally short walks, the example without alarm (no 112) reads best.
      out.push(NO, YES);
      break;
    case 'choice':
      for (const o of step.options) out.push(o.value);
      break;
    case 'multi': {
      const values = step.options.map((o) => o.value);
      for (const v of values) out.push([v]);
      if (values.length <= 8) for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) out.push([values[i]!, values[j]!]);
      if (values.length > 2) out.push(values);
      out.push([]);
      break;
    }
    case 'number': {
      const numbers = new Set<number>();
      const clip = (n: number) => Math.min(step.max, Math.max(step.min, n));
      for (const r of step.ranges ?? []) numbers.add(clip(r.min ?? r.max ?? step.min));
      for (const n of boundsOf(protocol).get(step.id) ?? []) for (const d of [-1, 0, 1]) numbers.add(clip(n + d));
      numbers.add(step.min);
      out.push(...[...numbers].filter(Number.isInteger).sort((a, b) => a - b));
      break;
    }
  }
  if (step.unknown) out.push(UNKNOWN);
  return out;
}
