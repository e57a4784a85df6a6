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
} from '../../../src/model/core.js';
import { evaluate } from './conditions.js';
import { indexProtocol } from './index-protocol.js';

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
  /** Per flow id: the question whose answer handed over to that flow (for "why this advice"). */
  readonly via?: Readonly<Record<string, string>>;
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
      options: AnswerOption[];
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
  const initial: WalkState = { protocol, at: null, stack: [], answers: [], explained: [], collected: [], previous: null, via: undefined };
  const index = indexProtocol(protocol);
  const flow = index.flows.get(protocol.meta.start);
  const first = flow ? startOf(flow) : undefined;
  if (!first) return { ...initial, fault: `startflow "${protocol.meta.start}" ontbreekt of is leeg` };
  const own = (id: string) => index.steps.get(id)?.step.id ?? id;
  return advance(initial, startsOf(index.flows, enteredFlows(index.flows, [protocol.meta.start]), own));
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
  const { step, flow } = indexProtocol(state.protocol).steps.get(state.at)!;
  const question = step as QuestionStep;
  return {
    kind: 'question',
    step: question,
    flowTitle: flow.title,
    options: optionsOf(question),
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

export function answer(state: WalkState, raw: unknown): AnswerResult {
  if (state.at === null) return { ok: false, message: 'de vragen zijn klaar; er is niets meer te beantwoorden' };
  const plans = plansOf(state.protocol);
  const plan = plans.get(state.at)!;
  const step = plan.step as QuestionStep;
  const normalised = normaliseAnswer(step, raw);
  if (!normalised.ok) return normalised;
  const value = normalised.value;

  const answers = [...state.answers, { step: step.id, value }];
  const explained = [...state.explained, { step: step.id, question: step.question, answer: answerLabel(step, value) }];
  const walk: Walking = { answers, explained, collected: state.collected, via: state.via };
  const pending: string[] = [];
  take(walk, plan, value, pending);
  for (const t of state.stack) pending.push(t);
  // Built field by field (not spread): this runs for every answer of every walk.
  // `via` always present (maybe undefined): every state has the same shape, which keeps the engine fast.
  const answered: WalkState = {
    protocol: state.protocol,
    at: state.at,
    stack: state.stack,
    answers,
    explained,
    collected: walk.collected,
    previous: state,
    via: walk.via,
  };
  return { ok: true, state: advance(answered, pending) };
}

/** The parts of a walk that answering a step changes (asked, settled by a preset, or re-applied). */
interface Walking {
  answers: readonly GivenAnswer[];
  explained: readonly Because[];
  collected: readonly CollectedAdvice[];
  via: Readonly<Record<string, string>> | undefined;
}

/**
 * Takes the branch(es) of `value` at a question step whose answer is already in `walk.answers`:
 * collects their advice and appends the targets to visit, in order (called flows, then where the
 * answer leads).
 */
function take(walk: Walking, plan: StepPlan, value: AnswerValue, pending: string[]): void {
  const step = plan.step as QuestionStep;
  const branches = selectedBranches(plan, value);
  let calls = 0;
  for (const b of branches) calls += b.calls.length;
  if (calls > 0) {
    const handedOver: Record<string, string> = { ...walk.via };
    for (const b of branches) for (const c of b.calls) handedOver[c] = step.id;
    walk.via = handedOver;
  }
  const ctx = new Collector(walk.answers, walk.explained, walk.collected, walk.via);
  // Advice given whatever the answer is not explained by this answer, but by what led here.
  ctx.add(plan, plan.own);
  for (const b of branches) ctx.add(plan, b.advice);
  walk.collected = ctx.result();
  for (const b of branches) for (const s of b.starts) pending.push(s);
  // A multi answer goes on to the step's `next`; any other answer to its branch's target.
  pending.push(value === UNKNOWN || step.type !== 'multi' ? (branches[0] ? branches[0].target : plan.next) : plan.next);
}

const NONE: readonly BranchPlan[] = [];

function selectedBranches(plan: StepPlan, value: AnswerValue): readonly BranchPlan[] {
  if (value === UNKNOWN) return plan.unknown ? [plan.unknown] : NONE;
  switch (plan.step.type) {
    case 'yes-no':
    case 'choice': {
      const branch = plan.byValue.get(value as string);
      return branch ? [branch] : NONE;
    }
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
      for (const r of plan.ranges) if ((r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max)) return [r.branch];
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
  ranges: readonly { min: number | undefined; max: number | undefined; branch: BranchPlan }[];
  unknown: BranchPlan | undefined;
  routes: readonly { when: Condition; branch: BranchPlan }[];
  otherwise: BranchPlan | undefined;
  /** The step's `next` (END when none). */
  next: string;
  /** Presets with their answers normalised; invalid ones (the loader reports them) left out. */
  presets: readonly { when: Condition; value: AnswerValue }[];
}

const planCache = new WeakMap<Protocol, Map<string, StepPlan>>();

function plansOf(protocol: Protocol): Map<string, StepPlan> {
  let plans = planCache.get(protocol);
  if (!plans) {
    const index = indexProtocol(protocol);
    plans = new Map();
    // Step ids as the steps themselves spell them: the same string object as the key and as each
    // answer's `step`, so look-ups and comparisons take the identical-string fast path.
    const own = (id: string) => index.steps.get(id)?.step.id ?? id;
    for (const [id, { step, flow }] of index.steps) plans.set(id, planStep(index.flows, step, flow, own));
    planCache.set(protocol, plans);
  }
  return plans;
}

function planStep(flows: ReadonlyMap<string, Flow>, step: Step, flow: Flow, own: (id: string) => string): StepPlan {
  const items = (advice: readonly Advice[] | undefined, answeredStep: string | undefined, routeWhen: Condition | undefined) =>
    advice?.map((item): ItemPlan => {
      const decisive = new Set<string>();
      if (answeredStep) decisive.add(answeredStep);
      if (routeWhen) for (const f of factsOf(routeWhen)) decisive.add(own(f.step));
      if (item.when) for (const f of factsOf(item.when)) decisive.add(own(f.step));
      return { advice: item, kind: adviceKind(item), decisive: [...decisive] };
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
    ranges: [],
    unknown: undefined,
    routes: [],
    otherwise: undefined,
    next: 'next' in step && step.next !== undefined ? own(step.next) : END,
    presets: [],
  };
  if (step.type === 'route') {
    plan.routes = step.routes.map((r) => ({ when: r.when, branch: branch(r, undefined, r.when) }));
    if (step.otherwise) plan.otherwise = branch(step.otherwise, undefined);
    return plan;
  }
  plan.own = items(step.advice, undefined, undefined);
  if (step.preset) {
    plan.presets = step.preset.flatMap((p) => {
      const checked = normaliseAnswer(step, p.answer);
      return checked.ok ? [{ when: p.when, value: checked.value }] : [];
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
      plan.ranges = (step.ranges ?? []).map((r) => ({ min: r.min, max: r.max, branch: branch(r, step.id) }));
      break;
  }
  return plan;
}

/**
 * Moves through route steps, flow ends, questions answered earlier (ask once: their branch is taken
 * again silently) and questions a preset settles, until a question is due or the walk is over.
 */
function advance(state: WalkState, pending: readonly string[]): WalkState {
  const plans = plansOf(state.protocol);
  const walk: Walking = { answers: state.answers, explained: state.explained, collected: state.collected, via: state.via };
  // The targets still to visit, the next one last (so taking it and adding before it are cheap).
  const todo: string[] = [];
  for (let i = pending.length - 1; i >= 0; i--) todo.push(pending[i]!);
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
      const earlier = answerIndex(walk.answers, step.id);
      let value: AnswerValue | undefined;
      if (earlier >= 0) {
        // Asked once: the earlier answer's branch again, its advice merged with what is there.
        value = walk.answers[earlier]!.value;
      } else {
        value = plan.presets.length > 0 ? presetFor(plan, walk.answers) : undefined;
        if (value === undefined) return moved(state, walk, step.id, todo.reverse());
        walk.answers = [...walk.answers, { step: step.id, value, inferred: true }];
        walk.explained = [...walk.explained, { step: step.id, question: step.question, answer: answerLabel(step, value), inferred: true }];
      }
      take(walk, plan, value, (later ??= []));
      for (let k = later.length - 1; k >= 0; k--) todo.push(later[k]!);
      later.length = 0;
      continue;
    }

    // The first route whose condition holds, else `otherwise`.
    let chosen: BranchPlan | undefined = plan.otherwise;
    if (plan.routes.length > 0) {
      const lookup = lookupOf(walk.answers);
      for (const r of plan.routes) {
        if (evaluate(r.when, lookup)) {
          chosen = r.branch;
          break;
        }
      }
    }
    if (!chosen) {
      todo.push(END);
      continue;
    }
    if (chosen.advice) {
      const ctx = new Collector(walk.answers, walk.explained, walk.collected, walk.via);
      ctx.add(plan, chosen.advice);
      walk.collected = ctx.result();
    }
    todo.push(chosen.target);
    for (let k = chosen.starts.length - 1; k >= 0; k--) todo.push(chosen.starts[k]!);
  }
  return { ...moved(state, walk, null, []), fault: 'de stappen lopen in een kring zonder vraag' };
}

/** The answer the first preset whose condition holds gives, or undefined when none holds. */
function presetFor(plan: StepPlan, answers: readonly GivenAnswer[]): AnswerValue | undefined {
  const lookup = lookupOf(answers);
  for (const p of plan.presets) if (evaluate(p.when, lookup)) return p.value;
  return undefined;
}

/** The walk after `advance`: the answers settled on the way, the advice collected, the next question. */
function moved(state: WalkState, walk: Walking, at: string | null, stack: readonly string[]): WalkState {
  return {
    protocol: state.protocol,
    at,
    stack,
    answers: walk.answers,
    explained: walk.explained,
    collected: walk.collected,
    previous: state.previous,
    via: walk.via,
  };
}

/** The position of the latest answer to `step`, or -1. */
function answerIndex(answers: readonly GivenAnswer[], step: string): number {
  for (let i = answers.length - 1; i >= 0; i--) if (answers[i]!.step === step) return i;
  return -1;
}

function lookupOf(answers: readonly GivenAnswer[]): (step: string) => AnswerValue | undefined {
  return (step) => {
    const i = answerIndex(answers, step);
    return i < 0 ? undefined : answers[i]!.value;
  };
}

/** Adds the advice items whose conditions hold, each with the answers that led to it. */
class Collector {
  /** The advice so far; copied on the first addition (the walk before keeps its own list). */
  private items: readonly CollectedAdvice[];
  private copied = false;
  private readonly lookup: (step: string) => AnswerValue | undefined;

  constructor(
    private readonly answers: readonly GivenAnswer[],
    private readonly explained: readonly Because[],
    collected: readonly CollectedAdvice[],
    private readonly via: Readonly<Record<string, string>> | undefined,
  ) {
    this.items = collected;
    this.lookup = lookupOf(answers);
  }

  private push(item: CollectedAdvice): void {
    if (!this.copied) {
      this.items = [...this.items];
      this.copied = true;
    }
    (this.items as CollectedAdvice[]).push(item);
  }

  add(plan: StepPlan, advice: readonly ItemPlan[] | undefined): void {
    if (!advice) return;
    // Items without a condition of their own share the reasons of the list (read-only).
    let shared: Because[] | undefined;
    for (const { advice: item, kind, decisive } of advice) {
      if (item.when && !evaluate(item.when, this.lookup)) continue;
      let because: Because[];
      if (!item.when && shared) {
        because = shared;
      } else {
        because = this.explain(decisive);
        // Nothing on this step decided it: the answer that handed over to this flow did.
        if (because.length === 0) {
          const caller = this.via?.[plan.flow.id];
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
      const i = answerIndex(this.answers, id);
      // Only question steps are answered, and each answer has its explanation.
      if (i >= 0) out.push(this.explained[i]!);
    }
    return out;
  }

  result(): readonly CollectedAdvice[] {
    return this.items;
  }
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
  if (!memo) remainingCache.set(state.protocol, (memo = new Map()));
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
