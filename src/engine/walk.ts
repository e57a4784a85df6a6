// The rule engine: pure, synchronous, deterministic. A walk is an immutable state; every call
// returns a new one, so going back is just returning the previous state.
import {
  branchesOf,
  callsOf,
  END,
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
  type MultiOption,
  type Protocol,
  type QuestionStep,
  type Route,
  type Step,
} from '../model/core.js';
import { evaluate } from './conditions.js';
import { indexProtocol } from './index-protocol.js';

export interface GivenAnswer {
  step: string;
  value: AnswerValue;
}

/** What led to an advice item: the answers of the steps that decided it. */
export interface Because {
  step: string;
  question: string;
  answer: string;
}

export interface CollectedAdvice {
  advice: Advice;
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
  const initial: WalkState = { protocol, at: null, stack: [], answers: [], collected: [], previous: null, via: undefined };
  const flow = indexProtocol(protocol).flows.get(protocol.meta.start);
  const first = flow ? startOf(flow) : undefined;
  if (!first) return { ...initial, fault: `startflow "${protocol.meta.start}" ontbreekt of is leeg` };
  return advance(initial, [first]);
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
      ? step.options.map((o) => ({ value: o.value, label: o.label, ...(o.help ? { help: o.help } : {}) }))
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
      return option ? { ok: true, value: option.value } : fail(`kies een van: ${optionsOf(step).map((o) => o.value).join(', ')}`);
    }
    case 'multi': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : undefined;
      const known = new Set(step.options.map((o) => o.value));
      if (!list || !list.every((v): v is string => typeof v === 'string' && known.has(v))) {
        return fail(`geef een lijst met waarden uit: ${[...known].join(', ')}`);
      }
      // Keep the protocol's option order, whatever order the answer lists them in.
      return { ok: true, value: step.options.map((o) => o.value).filter((v) => list.includes(v)) };
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
  const index = indexProtocol(state.protocol);
  const step = index.steps.get(state.at)!.step as QuestionStep;
  const normalised = normaliseAnswer(step, raw);
  if (!normalised.ok) return normalised;
  const value = normalised.value;

  const answers = [...state.answers, { step: step.id, value }];
  const branches = selectedBranches(step, value);
  const calls: string[] = [];
  for (const b of branches) calls.push(...callsOf(b));
  let via = state.via;
  if (calls.length > 0) {
    const handedOver: Record<string, string> = { ...via };
    for (const c of calls) handedOver[c] = step.id;
    via = handedOver;
  }
  const ctx = new Collector(state.protocol, answers, state.collected, via);
  // Advice given whatever the answer is not explained by this answer, but by what led here.
  ctx.add(step, step.advice, undefined);
  for (const b of branches) ctx.add(step, b.advice, step.id);
  const target = value === UNKNOWN || step.type !== 'multi' ? (branches[0] ? targetOf(step, branches[0]) : step.next) : step.next;
  // Built field by field (not spread): this runs for every answer of every walk.
  // `via` always present (maybe undefined): every state has the same shape, which keeps the engine fast.
  const answered: WalkState = { protocol: state.protocol, at: state.at, stack: state.stack, answers, collected: ctx.result(), previous: state, via };
  return { ok: true, state: advance(answered, continuation(state.protocol, state.stack, calls, target)) };
}

function selectedBranches(step: QuestionStep, value: AnswerValue): (Branch | MultiOption)[] {
  if (value === UNKNOWN) return step.unknown ? [step.unknown] : [];
  switch (step.type) {
    case 'yes-no':
      return [(value === YES ? step.yes : step.no) ?? {}];
    case 'choice': {
      const option = step.options.find((o) => o.value === value);
      return option ? [option] : [];
    }
    case 'multi':
      return step.options.filter((o) => (value as readonly string[]).includes(o.value));
    case 'number': {
      const n = value as number;
      const range = step.ranges?.find((r) => (r.min === undefined || n >= r.min) && (r.max === undefined || n <= r.max));
      return range ? [range] : [];
    }
  }
}

/** Targets to visit in order: the called flows' starts, then `next`, then what was pending. */
function continuation(protocol: Protocol, stack: readonly string[], calls: readonly string[], target: string | undefined): string[] {
  const out: string[] = [];
  if (calls.length > 0) {
    const flows = indexProtocol(protocol).flows;
    for (const id of calls) {
      const flow = flows.get(id);
      out.push((flow ? startOf(flow) : undefined) ?? END);
    }
  }
  out.push(target ?? END);
  for (const t of stack) out.push(t);
  return out;
}

/** Moves through route steps and flow ends until a question is due or the walk is over. */
function advance(state: WalkState, pending: string[]): WalkState {
  const index = indexProtocol(state.protocol);
  let collected = state.collected;
  const stack = [...pending];
  for (let i = 0; i < MAX_SILENT_STEPS; i++) {
    const target = stack.shift();
    if (target === undefined) return moved(state, collected, null, []);
    if (target === END) continue;
    const entry = index.steps.get(target);
    if (!entry) return { ...moved(state, collected, null, []), fault: `stap "${target}" bestaat niet` };
    const step = entry.step;
    if (step.type !== 'route') return moved(state, collected, step.id, stack);

    // The first route whose condition holds, else `otherwise`.
    const lookup = lookupOf(state);
    let chosen: Branch | undefined = step.routes.find((r) => evaluate(r.when, lookup));
    const when = chosen ? (chosen as Route).when : undefined;
    chosen ??= step.otherwise;
    if (!chosen) {
      stack.unshift(END);
      continue;
    }
    if (chosen.advice) {
      const ctx = new Collector(state.protocol, state.answers, collected, state.via);
      ctx.add(step, chosen.advice, undefined, when);
      collected = ctx.result();
    }
    stack.unshift(...continuation(state.protocol, [], callsOf(chosen), targetOf(step, chosen)));
  }
  return { ...moved(state, collected, null, []), fault: 'de stappen lopen in een kring zonder vraag' };
}

/** The walk after `advance`: the same answers, the advice collected on the way, the next question. */
function moved(state: WalkState, collected: readonly CollectedAdvice[], at: string | null, stack: readonly string[]): WalkState {
  return { protocol: state.protocol, at, stack, answers: state.answers, collected, previous: state.previous, via: state.via };
}

function lookupOf(state: Pick<WalkState, 'answers'>): (step: string) => AnswerValue | undefined {
  const answers = state.answers;
  return (step) => {
    for (let i = answers.length - 1; i >= 0; i--) if (answers[i]!.step === step) return answers[i]!.value;
    return undefined;
  };
}

interface Decisive {
  answeredStep: string | undefined;
  routeWhen: Condition | undefined;
  steps: readonly string[];
}
/** Per advice item: the steps whose answers decide it. They depend only on where the item sits. */
const decisiveCache = new WeakMap<Advice, Decisive>();

/** The answered step, then the steps the route's and the item's conditions name; each once. */
function decisiveSteps(item: Advice, answeredStep: string | undefined, routeWhen: Condition | undefined): readonly string[] {
  const cached = decisiveCache.get(item);
  // An item object shared between two places (a YAML alias) can have other deciding steps in each.
  if (cached && cached.answeredStep === answeredStep && cached.routeWhen === routeWhen) return cached.steps;
  const decisive = new Set<string>();
  if (answeredStep) decisive.add(answeredStep);
  if (routeWhen) for (const f of factsOf(routeWhen)) decisive.add(f.step);
  if (item.when) for (const f of factsOf(item.when)) decisive.add(f.step);
  const steps = [...decisive];
  if (!cached) decisiveCache.set(item, { answeredStep, routeWhen, steps });
  return steps;
}

/** Adds the advice items whose conditions hold, each with the answers that led to it. */
class Collector {
  /** The advice so far; copied on the first addition (the walk before keeps its own list). */
  private items: readonly CollectedAdvice[];
  private copied = false;
  private readonly lookup: (step: string) => AnswerValue | undefined;

  constructor(
    private readonly protocol: Protocol,
    answers: readonly GivenAnswer[],
    collected: readonly CollectedAdvice[],
    private readonly via: Readonly<Record<string, string>> | undefined = undefined,
  ) {
    this.items = collected;
    this.lookup = lookupOf({ answers });
  }

  private push(item: CollectedAdvice): void {
    if (!this.copied) {
      this.items = [...this.items];
      this.copied = true;
    }
    (this.items as CollectedAdvice[]).push(item);
  }

  add(step: Step, advice: readonly Advice[] | undefined, answeredStep: string | undefined, routeWhen?: Condition): void {
    if (!advice) return;
    // Items without a condition of their own share the reasons of the list (read-only).
    let shared: Because[] | undefined;
    for (const item of advice) {
      if (item.when && !evaluate(item.when, this.lookup)) continue;
      let because: Because[];
      if (!item.when && shared) {
        because = shared;
      } else {
        because = this.explain(decisiveSteps(item, answeredStep, routeWhen));
        // Nothing on this step decided it: the answer that handed over to this flow did.
        if (because.length === 0) because = this.explain(this.handedOverBy(step));
        if (!item.when) shared = because;
      }
      this.push({ advice: item, step: step.id, because, seq: this.items.length });
    }
  }

  private handedOverBy(step: Step): string[] {
    const flow = indexProtocol(this.protocol).steps.get(step.id)?.flow.id;
    const caller = flow !== undefined ? this.via?.[flow] : undefined;
    return caller ? [caller] : [];
  }

  private explain(steps: Iterable<string>): Because[] {
    const index = indexProtocol(this.protocol);
    const out: Because[] = [];
    for (const id of steps) {
      const value = this.lookup(id);
      const step = index.steps.get(id)?.step;
      if (value === undefined || !step || step.type === 'route') continue;
      out.push({ step: id, question: step.question, answer: answerLabel(step, value) });
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
    let best = 0;
    const branches = branchesOf(step);
    const outs = branches.length > 0 ? branches.map((b) => b.branch) : [{}];
    for (const b of outs) {
      const calls = callsOf(b).reduce((sum, id) => {
        const flow = index.flows.get(id);
        const first = flow ? startOf(flow) : undefined;
        return sum + (first ? fromTarget(first) : 0);
      }, 0);
      const after = targetOf(step, b);
      best = Math.max(best, calls + (after ? fromTarget(after) : 0));
    }
    visiting.delete(target);
    memo.set(target, own + best);
    return own + best;
  };
  const current = state.at ? fromTarget(state.at) - 1 : 0;
  return Math.max(0, current + state.stack.reduce((sum, t) => sum + fromTarget(t), 0));
}
