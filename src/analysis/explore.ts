// Concrete walks through the engine, to confirm what the static analysis can only suspect.
//
// The path analysis keeps one set of possible answers per step, so it cannot see that, say, "b" is
// only asked when "a" is "ja": it may suspect a combination no walk produces. The rules that report
// something *possible* (a walk without advice, a combination no route takes, two routes that both
// hold) confirm their suspicion here: a search through real engine walks, one answer per class of
// answers that conditions tell apart, merging walks that agree on every step conditions name. It only
// runs when a rule has a suspicion, and stops after a fixed number of answers.
import { answer, evaluate, start, type WalkState } from '../engine/index.js';
import { conditionsOf, END, factsOf, startOf, UNKNOWN, YES, NO, type AnswerValue, type QuestionStep, type RouteStep, type Step } from '../model/core.js';
import type { AnalysisContext } from './context.js';

/** Answers tried before a search gives up. */
export const MAX_SEARCH_ANSWERS = 20_000;
/** Multi steps: subsets of at most this many options are tried. */
const MAX_SUBSET_OPTIONS = 8;

export interface Search {
  /** Only follow walks that can still reach one of these steps. */
  towards?: ReadonlySet<Step>;
  /** Skip this state and everything after it. */
  prune?(state: WalkState): boolean;
  /**
   * Whether an option of a choice or multi step, answered in `state`, can be part of a walk the
   * search looks for; options it rules out are not tried (a multi step with many options can then
   * still be searched).
   */
  canTake?(step: QuestionStep, value: string, state: WalkState): boolean;
  /** A route step the walk passed, with the answers it was decided on and the route taken (-1: none). */
  onRoute?(step: RouteStep, answers: WalkState, chosen: number): void;
  /** A finished walk; return true to stop searching. */
  onDone?(state: WalkState): boolean;
}

/**
 * 'done' when every distinct walk was seen (or onDone stopped it), 'limit' when the budget ran out,
 * 'cyclic' when the protocol has a cycle (then walks are not searched).
 */
export function explore(ctx: AnalysisContext, search: Search): 'done' | 'limit' | 'cyclic' {
  const { graph, paths, protocol } = ctx;
  // A walk through a cycle never ends; the cycle itself is reported, and nothing here is reliable.
  if (graph.cyclicSteps().size > 0) return 'cyclic';
  const facts = [...new Set(protocol.flows.flatMap((f) => f.steps.flatMap((s) => conditionsOf(s).flatMap((c) => factsOf(c.condition).map((x) => x.step)))))].filter(
    (id) => graph.info(id) !== undefined,
  );
  // Two walks that agree on the position and on every step conditions name go on the same way. A
  // multi answer is one class ("answered"): it counts by the options conditions name that it ticks.
  const named = new Set(facts);
  const classOf = (step: string, value: AnswerValue) => {
    const classes = paths.classesOf(step)!;
    const c = classes.classOf(value);
    return Array.isArray(value) ? `${c}:${classes.mentioned.filter((v) => value.includes(v)).join('+')}` : `${c}`;
  };
  const keyOf = (state: WalkState) => {
    const classes = new Map<string, string>();
    for (const a of state.answers) if (named.has(a.step)) classes.set(a.step, classOf(a.step, a.value));
    const answered = [...classes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, c]) => `${id}=${c}`);
    return `${state.at}|${state.stack.join('>')}|${answered.join(',')}`;
  };
  // With `towards`, only walks that can still reach one of those steps are followed.
  const relevant = search.towards ? stepsLeadingTo(ctx, search.towards) : undefined;
  const mayMatter = (state: WalkState) => !relevant || [state.at, ...state.stack].some((id) => id !== null && id !== END && relevant.has(graph.info(id)?.step as Step));
  const first = start(protocol);
  if (search.onRoute && graph.startFlow) {
    const entry = startOf(graph.startFlow);
    observeRoutes(ctx, entry === undefined ? [] : [entry], first, search.onRoute);
  }
  const seen = new Set<string>();
  const pending: WalkState[] = [first];
  let tried = 0;
  while (pending.length > 0) {
    const state = pending.pop()!;
    if (state.fault || search.prune?.(state) || !mayMatter(state)) continue;
    if (state.at === null) {
      if (search.onDone?.(state)) return 'done';
      continue;
    }
    const step = graph.info(state.at)!.step as QuestionStep;
    const key = keyOf(state);
    if (seen.has(key)) continue;
    seen.add(key);
    // Pushed last-first, so the first answers of each question are tried first.
    const canTake = search.canTake;
    const candidates = candidateAnswers(ctx, step, canTake && ((s, value) => canTake(s, value, state)));
    if (!candidates) return 'limit';
    for (const value of candidates.reverse()) {
      if (++tried > MAX_SEARCH_ANSWERS) return 'limit';
      const result = answer(state, value);
      if (!result.ok) continue;
      if (search.onRoute) {
        // This step's answer as the engine keeps it (a multi answer in option order); not the last
        // one in the list, which can be a later step's preset.
        const given = result.state.answers.findLast((a) => a.step === step.id)!.value;
        observeRoutes(ctx, continuationOf(ctx, state.stack, step, given), result.state, search.onRoute);
      }
      pending.push(result.state);
    }
  }
  return 'done';
}

/**
 * One answer per class of answers that branches and conditions tell apart (of the options `canTake`
 * allows); undefined if there are too many.
 */
export function candidateAnswers(ctx: AnalysisContext, step: QuestionStep, canTake: (step: QuestionStep, value: string) => boolean = () => true): unknown[] | undefined {
  const unknown = step.unknown ? [UNKNOWN] : [];
  switch (step.type) {
    case 'yes-no':
      return [YES, NO, ...unknown];
    case 'choice':
      return [...step.options.filter((o) => canTake(step, o.value)).map((o) => o.value), ...unknown];
    case 'number':
      return ctx.paths
        .classesOf(step.id)!
        .classes.slice(1)
        .map((c) => c.value);
    case 'multi': {
      // Options that no condition names and that give no advice or hand-over change nothing: the
      // subsets of the others stand for every answer.
      const mentioned = ctx.paths.classesOf(step.id)!.mentioned;
      const matters = (o: (typeof step.options)[number]) => mentioned.includes(o.value) || (o.advice?.length ?? 0) > 0 || o.call !== undefined;
      const values = step.options.filter((o) => matters(o) && canTake(step, o.value)).map((o) => o.value);
      if (values.length > MAX_SUBSET_OPTIONS) return undefined;
      // Nothing ticked is no answer; one of those options on its own stands for "none of the others".
      const inert = step.options.find((o) => !matters(o) && canTake(step, o.value));
      const subsets: string[][] = inert ? [[inert.value]] : [];
      for (let mask = 1; mask < 1 << values.length; mask++) subsets.push(values.filter((_, i) => mask & (1 << i)));
      return [...subsets, ...unknown];
    }
  }
}

/** What the engine visits after this answer: the called flows' starts, the target, then the pending returns. */
function continuationOf(ctx: AnalysisContext, stack: readonly string[], step: QuestionStep, value: AnswerValue): string[] {
  const outs = ctx.graph.info(step.id)!.outs;
  const branch = (path0: string) => outs.find((o) => o.kind === 'branch' && o.branch?.path[0] === path0);
  let taken: typeof outs;
  let target: string | undefined;
  if (value === UNKNOWN) {
    taken = outs.filter((o) => o.branch?.path[0] === 'unknown');
    target = taken[0]?.target ?? ('next' in step ? step.next : undefined);
  } else if (step.type === 'multi') {
    taken = outs.filter((o) => o.kind === 'option' && (value as readonly string[]).includes(o.branch!.value!));
    target = step.next;
  } else {
    const chosen =
      step.type === 'yes-no'
        ? branch(value === YES ? 'yes' : 'no')
        : step.type === 'choice'
          ? outs.find((o) => o.kind === 'branch' && o.branch?.value === value)
          : outs.find((o) => {
              const r = o.kind === 'branch' && o.branch?.path[0] === 'ranges' ? step.ranges![o.branch.path[1] as number]! : undefined;
              return r !== undefined && (r.min === undefined || (value as number) >= r.min) && (r.max === undefined || (value as number) <= r.max);
            });
    taken = chosen ? [chosen] : [];
    target = chosen ? chosen.target : step.next;
  }
  const starts = taken.flatMap((o) => o.calls.map((f) => startOf(f) ?? END));
  return [...starts, target ?? END, ...stack];
}

/** A walk's answers by step, as conditions read them (`evaluate`). */
export function answerLookup(state: WalkState): (step: string) => AnswerValue | undefined {
  const answers = new Map<string, AnswerValue>();
  for (const a of state.answers) answers.set(a.step, a.value);
  return (step) => answers.get(step);
}

/** Follows the silent steps (routes, flow ends) from `pending`, as the engine does, reporting each route. */
function observeRoutes(ctx: AnalysisContext, pending: string[], after: WalkState, onRoute: NonNullable<Search['onRoute']>): void {
  const lookup = answerLookup(after);
  const queue = [...pending];
  for (let guard = 0; guard < 10_000 && queue.length > 0; guard++) {
    const id = queue.shift()!;
    if (id === END) continue;
    const info = ctx.graph.info(id);
    if (!info) return;
    const step: Step = info.step;
    if (step.type !== 'route') {
      // Answered before (ask once) or settled by a preset: the engine goes on silently, so do we.
      const settled = lookup(step.id);
      if (settled === undefined) return;
      queue.unshift(...continuationOf(ctx, [], step, settled));
      continue;
    }
    const chosen = step.routes.findIndex((r) => evaluate(r.when, lookup));
    onRoute(step, after, chosen);
    const out = info.outs.find((o) => o.routeIndex === (chosen < 0 ? step.routes.length : chosen));
    if (!out || out.kind === 'no-route') {
      queue.unshift(END);
      continue;
    }
    queue.unshift(...out.calls.map((f) => startOf(f) ?? END), out.target ?? END);
  }
}

/** The steps from which a walk can reach one of `targets` (through next or a call). */
function stepsLeadingTo(ctx: AnalysisContext, targets: ReadonlySet<Step>): Set<Step> {
  const before = new Map<Step, Step[]>();
  for (const { step, outs } of ctx.graph.steps.values()) {
    for (const out of outs) {
      const successors = [...out.calls.map((f) => ctx.graph.startStep(f)), out.targetStep];
      for (const s of successors) {
        if (!s) continue;
        let list = before.get(s);
        if (!list) before.set(s, (list = []));
        list.push(step);
      }
    }
  }
  const found = new Set<Step>(targets);
  const queue = [...targets];
  for (let i = 0; i < queue.length; i++) {
    for (const p of before.get(queue[i]!) ?? []) {
      if (!found.has(p)) {
        found.add(p);
        queue.push(p);
      }
    }
  }
  return found;
}
