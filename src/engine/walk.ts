// The rule engine: pure, synchronous, deterministic. A walk is an immutable state; every call
// returns a new one, so going back is just returning the previous state.
import {
  adviceKind,
  branchesOf,
  callsOf,
  END,
  enteredFlows,
  factsOf,
  startOf,
  targetOf,
  UNKNOWN,
  YES,
  NO,
  type Advice,
  type AnswerValue,
  type Branch,
  type Condition,
  type Flow,
  type MultiOption,
  type Protocol,
  type QuestionStep,
  type Step,
} from '../model/core.js';
import { compileCondition, type AnswerFinder, type CompiledCondition } from './conditions.js';
import { indexProtocol, type ProtocolIndex } from './index-protocol.js';

type AdviceKind = 'partner' | 'action' | 'rule' | 'info';

export interface GivenAnswer {
  step: string;
  value: AnswerValue;
  /** Settled by a `preset` of the step (an earlier answer decided it), not asked. */
  inferred?: true;
}

/** What led to an advice item: the answers of the steps that decided it. */
export interface Because {
  step: string;
  question: string;
  answer: string;
  /** The answer was settled by a preset, not given by the user. */
  inferred?: true;
}

export interface CollectedAdvice {
  advice: Advice;
  /** Which kind of advice it is (worked out once per protocol, so merging need not inspect the item). */
  kind: AdviceKind;
  /** The step whose answer (or route) added it. */
  step: string;
  because: readonly Because[];
  /** Position in the walk, for a stable order among equals. */
  seq: number;
}

export interface WalkState {
  readonly protocol: Protocol;
  /** The question step to ask now; null when the walk is finished. */
  readonly at: string | null;
  /** Where to continue when the current flow ends (hand-over returns). */
  readonly stack: readonly string[];
  readonly answers: readonly GivenAnswer[];
  /** Per answer, in the same order: how it reads in a `because` trace (built once, when answered). */
  readonly explained: readonly Because[];
  readonly collected: readonly CollectedAdvice[];
  readonly previous: WalkState | null;
  /** Set when the walk stopped on a protocol fault (a loop without questions, a missing step). */
  readonly fault?: string;
  /** Per flow: the question whose answer handed over to it (for "why this advice"); see `handedOverBy`. */
  readonly via?: HandOver;
  /**
   * The items of `collected` (`of`) of immediate urgency, kept up as advice is collected, so the
   * "Nu direct" banner after every answer need not scan all advice. Ignored when `of` is not this
   * state's `collected`.
   */
  readonly immediate?: { readonly of: readonly CollectedAdvice[]; readonly items: readonly CollectedAdvice[] };
  /** Where each step's answer is in `answers` (`of`), without scanning them. Ignored when `of` is not this state's `answers`. */
  readonly answerIndex?: { readonly of: readonly GivenAnswer[]; readonly index: AnswerIndex };
}

/**
 * The position of each step's answer, shared along a walk: a walk only adds answers, so the states
 * of one walk can share one map, each reading only the positions inside its own list. A map is
 * extended in place from the latest list it knows (its `tip`); a walk that branches off earlier
 * (after going back) copies the part it shares first. Each step is answered at most once per walk.
 */
class AnswerIndex implements AnswerFinder {
  private constructor(
    private readonly at: Map<string, number>,
    private tip: readonly GivenAnswer[],
  ) {}

  static of(answers: readonly GivenAnswer[]): AnswerIndex {
    const at = new Map<string, number>();
    // The latest answer per step counts.
    answers.forEach((a, i) => at.set(a.step, i));
    return new AnswerIndex(at, answers);
  }

  find(answers: readonly { step: string }[], step: string): number {
    const i = this.at.get(step);
    return i !== undefined && i < answers.length ? i : -1;
  }

  /** The index for `after`: `before` (which this index is for) with one answer added. */
  extended(before: readonly GivenAnswer[], after: readonly GivenAnswer[]): AnswerIndex {
    const added = after[after.length - 1]!;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the index itself is the answer when no copy is needed
    let index: AnswerIndex = this;
    // Copy when the walk branched off, or (never in a walk) when the step was answered before.
    if (this.tip !== before || this.at.has(added.step)) {
      const at = new Map<string, number>();
      for (const [step, i] of this.at) if (i < before.length) at.set(step, i);
      index = new AnswerIndex(at, before);
    }
    index.at.set(added.step, after.length - 1);
    index.tip = after;
    return index;
  }
}

/** The answer index of a state (built when the state does not carry one for its answers). */
function answerIndexOf(state: WalkState): AnswerIndex {
  const own = state.answerIndex;
  return own !== undefined && own.of === state.answers ? own.index : AnswerIndex.of(state.answers);
}

/** The answer this walk gave the step, or undefined (a step is answered at most once per walk). */
export function answerTo(state: WalkState, step: string): GivenAnswer | undefined {
  const i = answerIndexOf(state).find(state.answers, step);
  return i < 0 ? undefined : state.answers[i];
}

const isImmediate = (c: CollectedAdvice): boolean => (c.kind === 'action' || c.kind === 'partner') && (c.advice as { urgency?: string }).urgency === 'immediate';

/** The advice collected on this walk of immediate urgency (actions and partner tasks), in order. */
export function immediateItemsOf(state: WalkState): readonly CollectedAdvice[] {
  const immediate = state.immediate;
  return immediate !== undefined && immediate.of === state.collected ? immediate.items : state.collected.filter(isImmediate);
}

/**
 * A hand-over to a flow by a question, newest first: a walk adds a few and reads them only to
 * explain advice nothing on its own step decided, so a chain shared by later states beats copying
 * a record on every hand-over.
 */
export interface HandOver {
  readonly flow: string;
  readonly step: string;
  readonly earlier: HandOver | undefined;
}

/** The question whose answer last handed over to `flow`, or undefined. */
function handedOverBy(via: HandOver | undefined, flow: string): string | undefined {
  for (let h = via; h !== undefined; h = h.earlier) if (h.flow === flow) return h.step;
  return undefined;
}

export interface AnswerOption {
  value: string;
  label: string;
  help?: string;
  /** A multi option that cannot be combined with others. */
  exclusive?: true;
}

export type Next =
  | {
      kind: 'question';
      step: QuestionStep;
      flowTitle: string;
      /** Shared between walks and frozen: copy before changing. */
      options: readonly AnswerOption[];
      /** Questions answered so far. */
      answered: number;
      /** The most questions that can still follow this one. */
      remainingAtMost: number;
    }
  | { kind: 'done' };

export type AnswerResult = { ok: true; state: WalkState } | { ok: false; message: string };

/** Route steps and hand-overs resolved without a question before the walk gives up. */
const MAX_SILENT_STEPS = 10_000;

/** The start of a walk depends only on the protocol; states are immutable, so one is shared. */
const starts = new WeakMap<Protocol, WalkState>();

export function start(protocol: Protocol): WalkState {
  let state = starts.get(protocol);
  if (!state) starts.set(protocol, (state = startWalk(protocol)));
  return state;
}

function startWalk(protocol: Protocol): WalkState {
  const collected: readonly CollectedAdvice[] = [];
  const initial: WalkState = {
    protocol,
    at: null,
    stack: [],
    answers: [],
    explained: [],
    collected,
    previous: null,
    via: undefined,
    immediate: { of: collected, items: [] },
    answerIndex: undefined,
  };
  const index = indexProtocol(protocol);
  const flow = index.flows.get(protocol.meta.start);
  const first = flow ? startOf(flow) : undefined;
  if (!first) return { ...initial, fault: `startflow "${protocol.meta.start}" ontbreekt of is leeg` };
  const own = (id: string) => index.steps.get(id)?.step.id ?? id;
  const walk: Walking = {
    answers: initial.answers,
    explained: initial.explained,
    index: AnswerIndex.of(initial.answers),
    collected,
    via: initial.via,
    immediate: initial.immediate!,
  };
  return advance(protocol, null, walk, startsOf(index.flows, enteredFlows(index.flows, [protocol.meta.start]), own));
}

/** The first step of each flow entered, in order (END for a flow that is missing or empty). */
function startsOf(flows: ReadonlyMap<string, Flow>, entered: readonly string[], own: (id: string) => string): string[] {
  return entered.map((id) => {
    const flow = flows.get(id);
    const first = flow ? startOf(flow) : undefined;
    return first !== undefined ? own(first) : END;
  });
}

export function next(state: WalkState): Next {
  if (state.at === null) return { kind: 'done' };
  const plan = plansOf(state.protocol).get(state.at)!;
  return {
    kind: 'question',
    step: plan.step as QuestionStep,
    flowTitle: plan.flow.title,
    // Shared by every walk (frozen): the options depend only on the step.
    options: plan.options,
    answered: state.answers.length,
    remainingAtMost: remainingQuestions(state),
  };
}

export function back(state: WalkState): WalkState {
  return state.previous ?? state;
}

export function isDone(state: WalkState): boolean {
  return state.at === null;
}

/** The options a question offers, "weet ik niet" last. Number steps offer only "weet ik niet". */
export function optionsOf(step: QuestionStep): AnswerOption[] {
  const options: AnswerOption[] =
    step.type === 'choice' || step.type === 'multi'
      ? step.options.map((o) => ({
          value: o.value,
          label: o.label,
          ...(o.help ? { help: o.help } : {}),
          ...('exclusive' in o && o.exclusive ? { exclusive: true as const } : {}),
        }))
      : step.type === 'yes-no'
        ? [
            { value: YES, label: 'Ja' },
            { value: NO, label: 'Nee' },
          ]
        : [];
  if (step.unknown) options.push({ value: UNKNOWN, label: 'Weet ik niet' });
  return options;
}

/** Checks and normalises an answer for a step: "14" → 14 for numbers, true → "ja" for yes-no. */
export function normaliseAnswer(step: QuestionStep, raw: unknown): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (raw === UNKNOWN) {
    return step.unknown ? { ok: true, value: UNKNOWN } : fail(`"weet ik niet" is bij deze vraag geen mogelijk antwoord`);
  }
  switch (step.type) {
    case 'yes-no':
      if (raw === true || raw === YES) return { ok: true, value: YES };
      if (raw === false || raw === NO) return { ok: true, value: NO };
      return fail(`antwoord met "ja" of "nee"${step.unknown ? ' (of "weet-niet")' : ''}`);
    case 'choice': {
      const option = step.options.find((o) => o.value === raw);
      return option
        ? { ok: true, value: option.value }
        : fail(
            `kies een van: ${optionsOf(step)
              .map((o) => o.value)
              .join(', ')}`,
          );
    }
    case 'multi': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : undefined;
      const known = new Set(step.options.map((o) => o.value));
      if (!list || !list.every((v): v is string => typeof v === 'string' && known.has(v))) {
        return fail(`geef een lijst met waarden uit: ${[...known].join(', ')}`);
      }
      // Keep the protocol's option order, whatever order the answer lists them in.
      const value = step.options.map((o) => o.value).filter((v) => list.includes(v));
      // Nothing ticked is no answer, as in the wizards ("Kies minstens één antwoord"): a question that
      // can have none offers an option for it ("Nee, niets hiervan").
      if (value.length === 0) return fail(`kies minstens één van: ${[...known].join(', ')}`);
      const alone = value.length > 1 ? step.options.find((o) => o.exclusive && value.includes(o.value)) : undefined;
      if (alone) return fail(`"${alone.label}" kan niet samen met andere keuzes; kies het alleen of laat het weg`);
      return { ok: true, value };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < step.min || n > step.max) {
        return fail(`geef een heel getal van ${step.min} tot en met ${step.max}${step.unknown ? ' (of "weet-niet")' : ''}`);
      }
      return { ok: true, value: n };
    }
  }
}

/**
 * The answer as `normaliseAnswer` would normalise it, for the answers a prompt gives (an option's
 * value, a list of them, a whole number in range, "weet ik niet"); undefined for anything else,
 * which `normaliseAnswer` then checks (and explains when it is wrong).
 */
function plainAnswer(plan: StepPlan, step: QuestionStep, raw: unknown): AnswerValue | undefined {
  if (raw === UNKNOWN) return step.unknown ? UNKNOWN : undefined;
  switch (step.type) {
    case 'choice':
      return typeof raw === 'string' && plan.byValue.has(raw) ? raw : undefined;
    case 'yes-no':
      return raw === YES || raw === true ? YES : raw === NO || raw === false ? NO : undefined;
    case 'multi':
      return multiAnswer(plan, plan.multiValues!, raw);
    case 'number':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= step.min && raw <= step.max ? raw : undefined;
  }
}

/**
 * A list of a multi step's option values, as `normaliseAnswer` normalises it (in the protocol's
 * order), without building look-up sets; undefined when the answer needs the full check (it may be
 * wrong, "weet ik niet" or a single string).
 */
function multiAnswer(plan: StepPlan, values: readonly string[], raw: unknown): AnswerValue | undefined {
  if (!Array.isArray(raw)) return undefined;
  for (const v of raw as unknown[]) if (typeof v !== 'string' || !plan.byValue.has(v)) return undefined;
  if (raw.length === 0) return undefined; // nothing ticked: normaliseAnswer says what is wrong
  const value = values.filter((v) => (raw as string[]).includes(v));
  if (value.length > 1 && plan.exclusive.length > 0) for (const x of plan.exclusive) if (value.includes(x)) return undefined;
  return value;
}

export function answer(state: WalkState, raw: unknown): AnswerResult {
  if (state.at === null) return { ok: false, message: 'de vragen zijn klaar; er is niets meer te beantwoorden' };
  const plans = plansOf(state.protocol);
  const plan = plans.get(state.at)!;
  const step = plan.step as QuestionStep;
  let value = plainAnswer(plan, step, raw);
  if (value === undefined) {
    const normalised = normaliseAnswer(step, raw);
    if (!normalised.ok) return normalised;
    value = normalised.value;
  }

  const answers = appended(state.answers, { step: step.id, value });
  const explained = appended(state.explained, { step: step.id, question: step.question, answer: labelOf(plan, value) });
  const index = answerIndexOf(state).extended(state.answers, answers);
  const immediate = state.immediate?.of === state.collected ? state.immediate : { of: state.collected, items: immediateItemsOf(state) };
  const walk: Walking = { answers, explained, index, collected: state.collected, via: state.via, immediate };
  const pending: string[] = [];
  take(walk, plan, value, pending);
  for (const t of state.stack) pending.push(t);
  // The new state's `previous` is the state answered here, so going back returns to it.
  return { ok: true, state: advance(state.protocol, state, walk, pending) };
}

/** A copy of `list` with `item` added (the list itself is shared by earlier states). */
function appended<T>(list: readonly T[], item: T): T[] {
  const out = list.slice();
  out.push(item);
  return out;
}

/** `answerLabel` of a step's answer, from the labels worked out once per step where it can. */
function labelOf(plan: StepPlan, value: AnswerValue): string {
  const labels = plan.labels;
  if (labels.size > 0 && value !== UNKNOWN) {
    if (typeof value === 'string') {
      const label = labels.get(value);
      if (label !== undefined) return label;
    } else if (Array.isArray(value) && value.length > 0) {
      let out: string | undefined;
      for (const v of value as readonly string[]) {
        const label = v === UNKNOWN ? undefined : labels.get(v);
        if (label === undefined) return answerLabel(plan.step as QuestionStep, value);
        out = out === undefined ? label : `${out}, ${label}`;
      }
      return out!;
    }
  }
  return answerLabel(plan.step as QuestionStep, value);
}

/** The parts of a walk that answering a step changes (asked, settled by a preset, or re-applied). */
interface Walking {
  answers: readonly GivenAnswer[];
  explained: readonly Because[];
  /** Where each step's answer is in `answers`. */
  index: AnswerIndex;
  collected: readonly CollectedAdvice[];
  via: HandOver | undefined;
  /** What becomes the state's `immediate`: always of `collected`. */
  immediate: NonNullable<WalkState['immediate']>;
  /**
   * `collected` is a list this answer copied (the states before keep their own): more advice is
   * pushed onto it. Without this a loop the engine goes round silently copies the growing list on
   * every turn.
   */
  owned?: boolean;
}

/**
 * Takes the branch(es) of `value` at a question step whose answer is already in `walk.answers`:
 * collects their advice and appends the targets to visit, in order (called flows, then where the
 * answer leads).
 */
function take(walk: Walking, plan: StepPlan, value: AnswerValue, pending: string[]): void {
  const step = plan.step as QuestionStep;
  const branches = selectedBranches(plan, value);
  for (const b of branches) for (const flow of b.calls) walk.via = { flow, step: step.id, earlier: walk.via };
  let advised = plan.own !== undefined;
  for (const b of branches) if (b.advice) advised = true;
  if (advised) {
    const ctx = new Collector(walk.answers, walk.explained, walk.index, walk.collected, walk.via, walk.owned === true);
    // Advice given whatever the answer is not explained by this answer, but by what led here.
    ctx.add(plan, plan.own);
    for (const b of branches) ctx.add(plan, b.advice);
    ctx.finish(walk);
  }
  for (const b of branches) for (const s of b.starts) pending.push(s);
  // A multi answer goes on to the step's `next`; any other answer to its branch's target.
  pending.push(value === UNKNOWN || step.type !== 'multi' ? (branches[0] ? branches[0].target : plan.next) : plan.next);
}

const NONE: readonly BranchPlan[] = [];

function selectedBranches(plan: StepPlan, value: AnswerValue): readonly BranchPlan[] {
  if (value === UNKNOWN) return plan.unknown ? [plan.unknown] : NONE;
  switch (plan.step.type) {
    case 'yes-no':
    case 'choice':
      return plan.alone.get(value as string) ?? NONE;
    case 'multi': {
      // In the protocol's option order (a normalised answer lists them in that order too).
      const out: BranchPlan[] = [];
      for (const v of value as readonly string[]) {
        const branch = plan.byValue.get(v);
        if (branch) out.push(branch);
      }
      return out;
    }
    case 'number': {
      const n = value as number;
      for (const r of plan.ranges) if ((r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max)) return r.alone;
      return NONE;
    }
    case 'route':
      return NONE;
  }
}

// What a walk needs of each step, worked out once per protocol: the branch per answer value with
// its calls and target resolved, and per advice item its kind and the steps that decide it.

interface ItemPlan {
  advice: Advice;
  /** The item's own condition, compiled (undefined when it has none). */
  test: CompiledCondition | undefined;
  kind: AdviceKind;
  /** The steps whose answers explain the item: the answered step, then the steps the route's and the item's conditions name; each once. */
  decisive: readonly string[];
}

interface BranchPlan {
  advice: readonly ItemPlan[] | undefined;
  /** The flows this branch enters, `before` flows included (for `via`). */
  calls: readonly string[];
  /** Their first steps, in the order entered (END for a flow that is missing or empty). */
  starts: readonly string[];
  /** Where the branch goes after the calls (END when nowhere). */
  target: string;
}

interface StepPlan {
  step: Step;
  flow: Flow;
  /** The step's own advice (given whatever the answer). */
  own: readonly ItemPlan[] | undefined;
  /** Choice, multi and yes-no branches by answer value. */
  byValue: Map<string, BranchPlan>;
  /** `byValue` as one-branch lists (what `selectedBranches` returns, shared). */
  alone: Map<string, readonly BranchPlan[]>;
  ranges: readonly { min: number | undefined; max: number | undefined; branch: BranchPlan; alone: readonly BranchPlan[] }[];
  unknown: BranchPlan | undefined;
  routes: readonly { test: CompiledCondition; branch: BranchPlan }[];
  otherwise: BranchPlan | undefined;
  /** The step's `next` (END when none). */
  next: string;
  /** Presets with their answers normalised; invalid ones (the loader reports them) left out. */
  presets: readonly { test: CompiledCondition; value: AnswerValue }[];
  /** What `next` offers for a question step (frozen, shared by every walk); empty for a route. */
  options: readonly AnswerOption[];
  /** Option labels by value (the first option with a value), for `labelOf`; empty for numbers and routes. */
  labels: ReadonlyMap<string, string>;
  /** For a multi step: its option values in order, and those that cannot be combined. */
  multiValues: readonly string[] | undefined;
  exclusive: readonly string[];
}

/**
 * The plans of one protocol's steps, each made when a walk first reaches its step: a walk visits
 * a few of the steps, and the wizard's first question should not wait for all of them.
 */
class StepPlans {
  private readonly made = new Map<string, StepPlan>();
  // Step ids as the steps themselves spell them: the same string object as the key and as each
  // answer's `step`, so look-ups and comparisons take the identical-string fast path.
  private readonly own = (id: string) => this.index.steps.get(id)?.step.id ?? id;

  constructor(private readonly index: ProtocolIndex) {}

  get(id: string): StepPlan | undefined {
    let plan = this.made.get(id);
    if (plan === undefined) {
      const entry = this.index.steps.get(id);
      if (entry === undefined) return undefined;
      plan = planStep(this.index.flows, entry.step, entry.flow, this.own);
      this.made.set(id, plan);
    }
    return plan;
  }
}

const planCache = new WeakMap<Protocol, StepPlans>();

function plansOf(protocol: Protocol): StepPlans {
  let plans = planCache.get(protocol);
  if (!plans) planCache.set(protocol, (plans = new StepPlans(indexProtocol(protocol))));
  return plans;
}

function planStep(flows: ReadonlyMap<string, Flow>, step: Step, flow: Flow, own: (id: string) => string): StepPlan {
  const items = (advice: readonly Advice[] | undefined, answeredStep: string | undefined, routeWhen: Condition | undefined) =>
    advice?.map((item): ItemPlan => {
      const decisive = new Set<string>();
      if (answeredStep) decisive.add(answeredStep);
      if (routeWhen) for (const f of factsOf(routeWhen)) decisive.add(own(f.step));
      if (item.when) for (const f of factsOf(item.when)) decisive.add(own(f.step));
      return { advice: item, test: item.when ? compileCondition(item.when, own) : undefined, kind: adviceKind(item), decisive: [...decisive] };
    });
  const branch = (b: Branch | MultiOption, answeredStep: string | undefined, routeWhen?: Condition): BranchPlan => {
    const calls = enteredFlows(flows, callsOf(b));
    const starts = startsOf(flows, calls, own);
    const target = targetOf(step, b);
    return { advice: items(b.advice, answeredStep, routeWhen), calls, starts, target: target !== undefined ? own(target) : END };
  };
  const plan: StepPlan = {
    step,
    flow,
    own: undefined,
    byValue: new Map(),
    alone: new Map(),
    ranges: [],
    unknown: undefined,
    routes: [],
    otherwise: undefined,
    next: 'next' in step && step.next !== undefined ? own(step.next) : END,
    presets: [],
    options: step.type === 'route' ? [] : Object.freeze(optionsOf(step).map((o) => Object.freeze(o))),
    labels: labelsOf(step),
    multiValues: step.type === 'multi' ? step.options.map((o) => o.value) : undefined,
    exclusive: step.type === 'multi' ? step.options.filter((o) => o.exclusive).map((o) => o.value) : [],
  };
  if (step.type === 'route') {
    plan.routes = step.routes.map((r) => ({ test: compileCondition(r.when, own), branch: branch(r, undefined, r.when) }));
    if (step.otherwise) plan.otherwise = branch(step.otherwise, undefined);
    return plan;
  }
  plan.own = items(step.advice, undefined, undefined);
  if (step.preset) {
    plan.presets = step.preset.flatMap((p) => {
      const checked = normaliseAnswer(step, p.answer);
      return checked.ok ? [{ test: compileCondition(p.when, own), value: checked.value }] : [];
    });
  }
  if (step.unknown) plan.unknown = branch(step.unknown, step.id);
  switch (step.type) {
    case 'yes-no':
      plan.byValue.set(YES, branch(step.yes ?? {}, step.id));
      plan.byValue.set(NO, branch(step.no ?? {}, step.id));
      break;
    case 'choice':
    case 'multi':
      // The first option with a value wins, as a search through the options would.
      for (const o of step.options) if (!plan.byValue.has(o.value)) plan.byValue.set(o.value, branch(o, step.id));
      break;
    case 'number':
      plan.ranges = (step.ranges ?? []).map((r) => {
        const b = branch(r, step.id);
        return { min: r.min, max: r.max, branch: b, alone: [b] };
      });
      break;
  }
  for (const [value, b] of plan.byValue) plan.alone.set(value, [b]);
  return plan;
}

/**
 * Moves through route steps, flow ends, questions answered earlier (ask once: their branch is taken
 * again silently) and questions a preset settles, until a question is due or the walk is over.
 */
function advance(protocol: Protocol, previous: WalkState | null, walk: Walking, pending: string[]): WalkState {
  const plans = plansOf(protocol);
  // What `moved` builds the new state from: the state before the answer (null at the start).
  const state = { protocol, previous };
  // The targets still to visit, the next one last (so taking it and adding before it are cheap):
  // `pending` itself, turned round (every caller passes a list of its own).
  const todo = pending.reverse();
  // Targets of a question taken silently, in order; visited before what was pending.
  let later: string[] | undefined;
  for (let i = 0; i < MAX_SILENT_STEPS; i++) {
    const target = todo.pop();
    if (target === undefined) return moved(state, walk, null, []);
    if (target === END) continue;
    const plan = plans.get(target);
    if (!plan) return { ...moved(state, walk, null, []), fault: `stap "${target}" bestaat niet` };
    if (plan.step.type !== 'route') {
      const step = plan.step;
      const earlier = walk.index.find(walk.answers, step.id);
      let value: AnswerValue | undefined;
      if (earlier >= 0) {
        // Asked once: the earlier answer's branch again, its advice merged with what is there.
        value = walk.answers[earlier]!.value;
      } else {
        value = plan.presets.length > 0 ? presetFor(plan, walk) : undefined;
        if (value === undefined) return moved(state, walk, step.id, todo.reverse());
        const before = walk.answers;
        walk.answers = appended(before, { step: step.id, value, inferred: true });
        walk.index = walk.index.extended(before, walk.answers);
        walk.explained = appended(walk.explained, { step: step.id, question: step.question, answer: labelOf(plan, value), inferred: true });
      }
      take(walk, plan, value, (later ??= []));
      for (let k = later.length - 1; k >= 0; k--) todo.push(later[k]!);
      later.length = 0;
      continue;
    }

    // The first route whose condition holds, else `otherwise`.
    let chosen: BranchPlan | undefined = plan.otherwise;
    for (const r of plan.routes) {
      if (r.test(walk.answers, walk.index)) {
        chosen = r.branch;
        break;
      }
    }
    if (!chosen) {
      todo.push(END);
      continue;
    }
    if (chosen.advice) {
      const ctx = new Collector(walk.answers, walk.explained, walk.index, walk.collected, walk.via, walk.owned === true);
      ctx.add(plan, chosen.advice);
      ctx.finish(walk);
    }
    todo.push(chosen.target);
    for (let k = chosen.starts.length - 1; k >= 0; k--) todo.push(chosen.starts[k]!);
  }
  return { ...moved(state, walk, null, []), fault: 'de stappen lopen in een kring zonder vraag' };
}

/** The answer the first preset whose condition holds gives, or undefined when none holds. */
function presetFor(plan: StepPlan, walk: Walking): AnswerValue | undefined {
  for (const p of plan.presets) if (p.test(walk.answers, walk.index)) return p.value;
  return undefined;
}

/** The walk after `advance`: the answers settled on the way, the advice collected, the next question. */
function moved(state: { protocol: Protocol; previous: WalkState | null }, walk: Walking, at: string | null, stack: readonly string[]): WalkState {
  return {
    protocol: state.protocol,
    at,
    stack,
    answers: walk.answers,
    explained: walk.explained,
    collected: walk.collected,
    previous: state.previous,
    via: walk.via,
    immediate: walk.immediate,
    answerIndex: { of: walk.answers, index: walk.index },
  };
}

/** Adds the advice items whose conditions hold, each with the answers that led to it. */
class Collector {
  /** The advice so far; copied on the first addition (the walk before keeps its own list). */
  private items: readonly CollectedAdvice[];
  private copied = false;
  /** The immediate items added here. */
  private urgent: CollectedAdvice[] | undefined;

  constructor(
    private readonly answers: readonly GivenAnswer[],
    private readonly explained: readonly Because[],
    private readonly index: AnswerIndex,
    collected: readonly CollectedAdvice[],
    private readonly via: HandOver | undefined,
    /** `collected` may be pushed onto (the walk copied it already). */
    owned = false,
  ) {
    this.items = collected;
    this.copied = owned;
  }

  private push(item: CollectedAdvice): void {
    if (!this.copied) {
      this.items = [...this.items];
      this.copied = true;
    }
    (this.items as CollectedAdvice[]).push(item);
    if (isImmediate(item)) (this.urgent ??= []).push(item);
  }

  add(plan: StepPlan, advice: readonly ItemPlan[] | undefined): void {
    if (!advice) return;
    // Items without a condition of their own share the reasons of the list (read-only).
    let shared: Because[] | undefined;
    for (const { advice: item, test, kind, decisive } of advice) {
      if (test && !test(this.answers, this.index)) continue;
      let because: Because[];
      if (!item.when && shared) {
        because = shared;
      } else {
        because = this.explain(decisive);
        // Nothing on this step decided it: the answer that handed over to this flow did.
        if (because.length === 0) {
          const caller = handedOverBy(this.via, plan.flow.id);
          if (caller) because = this.explain([caller]);
        }
        if (!item.when) shared = because;
      }
      this.push({ advice: item, kind, step: plan.step.id, because, seq: this.items.length });
    }
  }

  /** The answers of these steps, as they read in a trace; steps not answered (or not questions) are left out. */
  private explain(steps: readonly string[]): Because[] {
    const out: Because[] = [];
    for (const id of steps) {
      const i = this.index.find(this.answers, id);
      // Only question steps are answered, and each answer has its explanation.
      if (i >= 0) out.push(this.explained[i]!);
    }
    return out;
  }

  /** Hands the advice to the walk (its list only changes when something was added). */
  finish(walk: Walking): void {
    if (!this.copied) return;
    const before = walk.immediate.items;
    walk.immediate = { of: this.items, items: this.urgent ? [...before, ...this.urgent] : before };
    walk.collected = this.items;
    walk.owned = true;
  }
}

/** What `optionLabel` gives per option value of a step. */
function labelsOf(step: Step): Map<string, string> {
  const labels = new Map<string, string>();
  if (step.type === 'choice' || step.type === 'multi') {
    for (const o of step.options) if (!labels.has(o.value)) labels.set(o.value, o.label);
  } else if (step.type === 'yes-no') {
    labels.set(YES, 'Ja');
    labels.set(NO, 'Nee');
  }
  return labels;
}

/** The human label of an answer: "Ja", the option's label, "14 jaar". */
export function answerLabel(step: QuestionStep, value: AnswerValue): string {
  if (value === UNKNOWN) return 'Weet ik niet';
  if (Array.isArray(value)) {
    const labels = value.map((v) => optionLabel(step, v) ?? String(v));
    return labels.length ? labels.join(', ') : '(niets gekozen)';
  }
  if (step.type === 'number') return `${String(value)}${step.unit ? ` ${step.unit}` : ''}`;
  return optionLabel(step, value) ?? String(value);
}

/** The label `optionsOf` gives the option with this value, without building the option list. */
function optionLabel(step: QuestionStep, value: unknown): string | undefined {
  if (step.type === 'choice' || step.type === 'multi') {
    for (const o of step.options) if (o.value === value) return o.label;
  } else if (step.type === 'yes-no') {
    if (value === YES) return 'Ja';
    if (value === NO) return 'Nee';
  }
  return step.unknown && value === UNKNOWN ? 'Weet ik niet' : undefined;
}

const remainingCache = new WeakMap<Protocol, Map<string, number>>();

/** The most questions left from here, counting hand-overs and pending returns. */
function remainingQuestions(state: WalkState): number {
  let memo = remainingCache.get(state.protocol);
  if (!memo) remainingCache.set(state.protocol, (memo = new Map<string, number>()));
  // Mostly every target is known already: add them up without setting up the search.
  known: {
    let sum = 0;
    if (state.at) {
      const here = memo.get(state.at);
      if (here === undefined) break known;
      sum += here - 1;
    }
    for (const t of state.stack) {
      if (t === END) continue;
      const n = memo.get(t);
      if (n === undefined) break known;
      sum += n;
    }
    return Math.max(0, sum);
  }
  const index = indexProtocol(state.protocol);
  const visiting = new Set<string>();
  const fromTarget = (target: string): number => {
    if (target === END) return 0;
    const cached = memo.get(target);
    if (cached !== undefined) return cached;
    const entry = index.steps.get(target);
    if (!entry || visiting.has(target)) return 0;
    visiting.add(target);
    const step = entry.step;
    const own = step.type === 'route' ? 0 : 1;
    // Questions of the flows a branch hands over to (their `before` flows included).
    const handedOver = (b: Branch | MultiOption) =>
      enteredFlows(index.flows, callsOf(b)).reduce((sum, id) => {
        const flow = index.flows.get(id);
        const first = flow ? startOf(flow) : undefined;
        return sum + (first ? fromTarget(first) : 0);
      }, 0);
    const after = (b: Branch | MultiOption) => {
      const t = targetOf(step, b);
      return t ? fromTarget(t) : 0;
    };
    let best = 0;
    if (step.type === 'multi') {
      // Every option may be ticked: all their hand-overs run, then the step's next.
      best = step.options.reduce((sum, o) => sum + handedOver(o), 0) + after({});
      if (step.unknown) best = Math.max(best, handedOver(step.unknown) + after(step.unknown));
    } else {
      const branches = branchesOf(step);
      const outs = branches.length > 0 ? branches.map((b) => b.branch) : [{}];
      for (const b of outs) best = Math.max(best, handedOver(b) + after(b));
    }
    visiting.delete(target);
    memo.set(target, own + best);
    return own + best;
  };
  const current = state.at ? fromTarget(state.at) - 1 : 0;
  return Math.max(0, current + state.stack.reduce((sum, t) => sum + fromTarget(t), 0));
}
