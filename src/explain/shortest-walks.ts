// "How does a user end up here?": for each advice item, the shortest sequence of answers from the
// start of the protocol that makes the engine give it. The search runs the engine itself (a
// breadth-first search over walk states), and every walk found is replayed once more before it is
// returned, so an example can never be wrong.
import {
  conditionsOf,
  factsOf,
  UNKNOWN,
  YES,
  NO,
  type Advice,
  type AnswerValue,
  type Protocol,
  type QuestionStep,
} from '../model/index.js';
import { answer, next, replay, start, type GivenAnswer, type WalkState } from '../engine/index.js';

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

  const relevant = referencedSteps(protocol);
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
    for (const c of node.state.collected.slice(from)) {
      if (wanted.has(c.advice) && !found.has(c.advice)) {
        const walk = { answers: pathOf(node) };
        if (verify(protocol, walk, c.advice)) found.set(c.advice, walk);
      }
    }
  };

  const root: Node = { state: start(protocol), parent: null };
  record(root, 0);
  const seen = new Set<string>([keyOf(root.state, relevant)]);
  let queue: Node[] = [root];
  while (queue.length > 0 && found.size < wanted.size) {
    const following: Node[] = [];
    for (const node of queue) {
      const question = next(node.state);
      if (question.kind === 'done') continue;
      for (const value of candidatesOf(question.step)) {
        const result = answer(node.state, value);
        if (!result.ok) continue;
        const child: Node = { state: result.state, parent: node, given: { step: question.step.id, value } };
        // Advice is collected on the way into a state, so check it before merging equivalent states.
        record(child, node.state.collected.length);
        const key = keyOf(result.state, relevant);
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
    // A flow handed over to twice asks its questions twice: answer them one by one.
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

/**
 * Two walk states behave the same from here on when they stand at the same place with the same
 * pending hand-overs and the same answers to every step a condition looks at.
 */
function keyOf(state: WalkState, relevant: readonly string[]): string {
  const latest = new Map<string, AnswerValue>();
  for (const a of state.answers) latest.set(a.step, a.value);
  const facts = relevant.map((id) => (latest.has(id) ? JSON.stringify(latest.get(id)) : '-'));
  return `${state.at ?? '·'}|${state.stack.join(',')}|${facts.join('|')}`;
}

/** Steps that some condition (route or advice `when`) reads. */
function referencedSteps(protocol: Protocol): string[] {
  const ids = new Set<string>();
  for (const flow of protocol.flows) {
    for (const step of flow.steps) for (const { condition } of conditionsOf(step)) for (const f of factsOf(condition)) ids.add(f.step);
  }
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
