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
  type AnswerValue,
  type Protocol,
  type QuestionStep,
} from '../model/core.js';
import { answer, indexProtocol, next, replay, start, type GivenAnswer, type WalkState } from '../engine/index.js';

export interface ShortestWalk {
  /** The answers in the order the questions are asked. */
  answers: GivenAnswer[];
}

export interface SearchLimits {
  /** Stop after this many distinct walk states (the shipped protocol needs far fewer). */
  maxStates: number;
}

const DEFAULT_LIMITS: SearchLimits = { maxStates: 250_000 };

/**
 * Shortest walks that collect each of the given advice items (by identity). Items that no walk
 * reaches within the limits are missing from the result.
 */
export function shortestWalks(protocol: Protocol, items: readonly Advice[], limits: SearchLimits = DEFAULT_LIMITS): Map<Advice, ShortestWalk> {
  const wanted = new Set(items);
  const found = new Map<Advice, ShortestWalk>();
  if (wanted.size === 0) return found;

  const candidates = new Map<string, AnswerValue[]>();
  const candidatesOf = (step: QuestionStep) => {
    let list = candidates.get(step.id);
    if (!list) candidates.set(step.id, (list = candidateAnswers(protocol, step)));
    return list;
  };

  interface Node {
    state: WalkState;
    parent: Node | null;
    given?: GivenAnswer;
  }
  const pathOf = (node: Node): GivenAnswer[] => {
    const out: GivenAnswer[] = [];
    for (let n: Node | null = node; n; n = n.parent) if (n.given) out.push(n.given);
    return out.reverse();
  };
  const record = (node: Node, from: number) => {
    let more = false;
    for (const c of node.state.collected.slice(from)) {
      if (wanted.has(c.advice) && !found.has(c.advice)) {
        const walk = { answers: pathOf(node) };
        if (verify(protocol, walk, c.advice)) {
          found.set(c.advice, walk);
          more = true;
        }
      }
    }
    if (more) {
      alive = canReach(predecessors, [...wanted].filter((item) => !found.has(item)).map((item) => stepOf.get(item)!));
      relevant = referencedSteps(protocol, alive);
    }
  };

  // Only walks that can still get to a step with a missing item are worth following.
  const stepOf = stepsOfItems(protocol, wanted);
  const predecessors = predecessorsOf(protocol);
  let alive: Set<string> = canReach(predecessors, [...wanted].map((item) => stepOf.get(item)!));
  let relevant = referencedSteps(protocol, alive);
  const isAlive = (state: WalkState) => state.at !== null && (alive.has(state.at) || state.stack.some((t) => alive.has(t)));

  const steps = indexProtocol(protocol).steps;
  const root: Node = { state: start(protocol), parent: null };
  record(root, 0);
  const seen = new Set<string>([keyOf(root.state, relevant, alive)]);
  let queue: Node[] = [root];
  while (queue.length > 0 && found.size < wanted.size) {
    const following: Node[] = [];
    for (const node of queue) {
      if (!isAlive(node.state)) continue;
      const step = steps.get(node.state.at!)!.step as QuestionStep;
      for (const value of candidatesOf(step)) {
        const result = answer(node.state, value);
        if (!result.ok) continue;
        const child: Node = { state: result.state, parent: node, given: { step: step.id, value } };
        // Advice is collected on the way into a state, so check it before merging equivalent states.
        record(child, node.state.collected.length);
        const key = keyOf(result.state, relevant, alive);
        if (seen.has(key)) continue;
        if (seen.size >= limits.maxStates) return found;
        seen.add(key);
        following.push(child);
      }
    }
    queue = following;
  }
  return found;
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
 * pending hand-overs and the same answers to every step a condition looks at. A pending step that
 * can no longer lead to a missing item only passes the walk on, so it is left out of the key.
 */
function keyOf(state: WalkState, relevant: readonly string[], alive: ReadonlySet<string>): string {
  const latest = new Map<string, AnswerValue>();
  for (const a of state.answers) latest.set(a.step, a.value);
  const facts = relevant.map((id) => `${id}=${latest.has(id) ? JSON.stringify(latest.get(id)) : '-'}`);
  return `${state.at ?? '·'}|${state.stack.filter((t) => alive.has(t)).join(',')}|${facts.join('|')}`;
}

/**
 * Steps whose answer a condition (route or advice `when`) reads, on the steps that can still lead
 * to a missing item: conditions elsewhere cannot change whether or how soon it is reached.
 */
function referencedSteps(protocol: Protocol, alive: ReadonlySet<string>): string[] {
  const steps = indexProtocol(protocol).steps;
  const ids = new Set<string>();
  for (const id of alive) for (const { condition } of conditionsOf(steps.get(id)!.step)) for (const f of factsOf(condition)) ids.add(f.step);
  return [...ids].sort();
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
      for (const flow of protocol.flows) {
        for (const s of flow.steps) {
          for (const { condition } of conditionsOf(s)) {
            for (const f of factsOf(condition)) {
              if (f.step !== step.id) continue;
              for (const n of [f.min, f.max]) if (n !== undefined) for (const d of [-1, 0, 1]) numbers.add(clip(n + d));
            }
          }
        }
      }
      numbers.add(step.min);
      out.push(...[...numbers].filter(Number.isInteger).sort((a, b) => a - b));
      break;
    }
  }
  if (step.unknown) out.push(UNKNOWN);
  return out;
}
