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
  type Step,
} from '../model/index.js';
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

export function start(protocol: Protocol): WalkState {
  const initial: WalkState = { protocol, at: null, stack: [], answers: [], collected: [], previous: null };
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

  const answered: WalkState = { ...state, answers: [...state.answers, { step: step.id, value }], previous: state };
  const branches = selectedBranches(step, value);
  const ctx = new Collector(answered);
  ctx.add(step, step.advice, step.id);
  for (const b of branches) ctx.add(step, b.advice, step.id);
  const calls = branches.flatMap(callsOf);
  const target = value === UNKNOWN || step.type !== 'multi' ? (branches[0] ? targetOf(step, branches[0]) : step.next) : step.next;
  const collectedState: WalkState = { ...answered, collected: ctx.result() };
  return { ok: true, state: advance(collectedState, continuation(state, calls, target)) };
}

function selectedBranches(step: QuestionStep, value: AnswerValue): (Branch | MultiOption)[] {
  if (value === UNKNOWN) return step.unknown ? [step.unknown] : [];
  switch (step.type) {
    case 'yes-no':
      return [(value === YES ? step.yes : step.no) ?? {}];
    case 'choice':
      return step.options.filter((o) => o.value === value);
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
function continuation(state: WalkState, calls: readonly string[], target: string | undefined): string[] {
  const flows = indexProtocol(state.protocol).flows;
  const starts = calls.map((id) => (flows.get(id) ? startOf(flows.get(id)!) : undefined) ?? END);
  return [...starts, target ?? END, ...state.stack];
}

/** Moves through route steps and flow ends until a question is due or the walk is over. */
function advance(state: WalkState, pending: string[]): WalkState {
  const index = indexProtocol(state.protocol);
  let collected = state.collected;
  const stack = [...pending];
  for (let i = 0; i < MAX_SILENT_STEPS; i++) {
    const target = stack.shift();
    if (target === undefined) return { ...state, collected, at: null, stack: [] };
    if (target === END) continue;
    const entry = index.steps.get(target);
    if (!entry) return { ...state, collected, at: null, stack: [], fault: `stap "${target}" bestaat niet` };
    const step = entry.step;
    if (step.type !== 'route') return { ...state, collected, at: step.id, stack };

    const lookup = lookupOf(state);
    const chosen = branchesOf(step).find((b) => !('when' in b.branch) || evaluate((b.branch as { when: Condition }).when, lookup));
    if (!chosen) {
      stack.unshift(END);
      continue;
    }
    const when = 'when' in chosen.branch ? (chosen.branch as { when: Condition }).when : undefined;
    const ctx = new Collector({ ...state, collected });
    ctx.add(step, chosen.branch.advice, undefined, when);
    collected = ctx.result();
    stack.unshift(...continuation({ ...state, stack: [] }, callsOf(chosen.branch), targetOf(step, chosen.branch)));
  }
  return { ...state, collected, at: null, stack: [], fault: 'de stappen lopen in een kring zonder vraag' };
}

function lookupOf(state: WalkState): (step: string) => AnswerValue | undefined {
  return (step) => {
    for (let i = state.answers.length - 1; i >= 0; i--) if (state.answers[i]!.step === step) return state.answers[i]!.value;
    return undefined;
  };
}

/** Adds the advice items whose conditions hold, each with the answers that led to it. */
class Collector {
  private readonly items: CollectedAdvice[];
  constructor(private readonly state: WalkState) {
    this.items = [...state.collected];
  }

  add(step: Step, advice: readonly Advice[] | undefined, answeredStep: string | undefined, routeWhen?: Condition): void {
    if (!advice) return;
    const lookup = lookupOf(this.state);
    for (const item of advice) {
      if (item.when && !evaluate(item.when, lookup)) continue;
      const decisive = new Set<string>();
      if (answeredStep) decisive.add(answeredStep);
      for (const c of [routeWhen, item.when]) if (c) for (const f of factsOf(c)) decisive.add(f.step);
      this.items.push({ advice: item, step: step.id, because: this.explain([...decisive]), seq: this.items.length });
    }
  }

  private explain(steps: readonly string[]): Because[] {
    const index = indexProtocol(this.state.protocol);
    const lookup = lookupOf(this.state);
    const out: Because[] = [];
    for (const id of steps) {
      const value = lookup(id);
      const step = index.steps.get(id)?.step;
      if (value === undefined || !step || step.type === 'route') continue;
      out.push({ step: id, question: step.question, answer: answerLabel(step, value) });
    }
    return out;
  }

  result(): CollectedAdvice[] {
    return this.items;
  }
}

/** The human label of an answer: "Ja", the option's label, "14 jaar". */
export function answerLabel(step: QuestionStep, value: AnswerValue): string {
  if (value === UNKNOWN) return 'Weet ik niet';
  if (Array.isArray(value)) {
    const labels = value.map((v) => optionsOf(step).find((o) => o.value === v)?.label ?? String(v));
    return labels.length ? labels.join(', ') : '(niets gekozen)';
  }
  if (step.type === 'number') return `${String(value)}${step.unit ? ` ${step.unit}` : ''}`;
  return optionsOf(step).find((o) => o.value === value)?.label ?? String(value);
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
