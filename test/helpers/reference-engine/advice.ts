// The finished advice: duplicates merged, most urgent first, each item with the answers behind it.
import {
  UNKNOWN,
  URGENCIES,
  type ActionAdvice,
  type AnswerValue,
  type ProtocolContext,
  type InfoAdvice,
  type Partner,
  type PartnerAdvice,
  type RuleAdvice,
  type RuleSet,
  type Urgency,
} from '../../../src/model/core.js';
import { indexProtocol } from './index-protocol.js';
import type { Because, WalkState } from './walk.js';

/** One task of a partner with its own urgency (the most urgent advice with its key or text). */
export interface TaskItem {
  text: string;
  urgency: Urgency;
  reasons: string[];
  sources: string[];
  because: Because[];
}

export interface PartnerItem {
  id: string;
  /** Undefined only when the protocol names a partner it does not define (validate reports it). */
  partner?: Partner;
  name: string;
  /** The urgency of the most urgent task. */
  urgency: Urgency;
  /** The task texts, most urgent first (the same tasks as `taskItems`). */
  tasks: string[];
  /** Each task once, with its own urgency; most urgent first, then in the order first advised. */
  taskItems: TaskItem[];
  reasons: string[];
  sources: string[];
  because: Because[];
}

export interface ActionItem {
  text: string;
  urgency: Urgency;
  order: number;
  sources: string[];
  because: Because[];
}

export interface RuleItem {
  id: string;
  rule?: RuleSet;
  title: string;
  conclusions: string[];
  steps: string[];
  sources: string[];
  because: Because[];
}

export interface InfoItem {
  text: string;
  audience?: string;
  sources: string[];
  because: Because[];
}

export interface AnswerItem {
  step: string;
  question: string;
  answer: string;
  value: unknown;
  /** Settled by a preset of the step (earlier answers decided it), not asked. */
  inferred: boolean;
}

/** The incident context, read from the steps `protocol.context` names; null when not answered. */
export interface AdviceContext {
  perpetrator: string | null;
  victim: string | null;
  age: number | null;
  /** The label of the age step's range the age falls in. */
  ageBand: string | null;
  schoolType: string | null;
  place: string | null;
}

export interface AdviceResult {
  answers: AnswerItem[];
  partners: PartnerItem[];
  actions: ActionItem[];
  rules: RuleItem[];
  info: InfoItem[];
  context: AdviceContext;
  /** The values of the categories step (`protocol.context.categories`), in the protocol's order. */
  categories: string[];
  /** Set when the walk stopped on a fault in the protocol. */
  fault?: string;
}

export const urgencyRank = (u: Urgency): number => URGENCIES.indexOf(u);
/** urgencyRank as a table: merging ranks every advice item. */
const RANK: Readonly<Record<Urgency, number>> = Object.fromEntries(URGENCIES.map((u, i) => [u, i])) as Record<Urgency, number>;

// Merging keeps each text and each reason once, in the order first met. The lists are short (a
// few items), so a linear look-up beats a Set.
function addBecause(into: Because[], because: readonly Because[]): void {
  for (const b of because) {
    if (!into.some((x) => x.step === b.step && x.answer === b.answer)) into.push(b);
  }
}
function add(into: string[], item: string): void {
  if (!into.includes(item)) into.push(item);
}
function addAll(into: string[], items: readonly string[]): void {
  for (const item of items) add(into, item);
}

/** Raises the item's urgency to `urgency` when that is more urgent. */
function moreUrgent(acc: { item: { urgency: Urgency }; rank: number }, urgency: Urgency): void {
  const rank = RANK[urgency];
  if (rank < acc.rank) {
    acc.rank = rank;
    acc.item.urgency = urgency;
  }
}

// Items while merging, with the position of their first advice for a stable order.
interface PartnerAcc {
  item: PartnerItem;
  seq: number;
  /** urgencyRank of item.urgency. */
  rank: number;
  /** The partner's advice in the order given; grouped into tasks when the partner is finished. */
  given: { advice: PartnerAdvice; because: readonly Because[]; seq: number }[];
}
interface TaskAcc {
  keys: string[];
  texts: string[];
  item: TaskItem;
  seq: number;
  rank: number;
  priority: number;
}
interface ActionAcc {
  item: ActionItem;
  seq: number;
  /** urgencyRank of item.urgency. */
  rank: number;
  priority: number;
  keys: string[];
  texts: string[];
}
interface RuleAcc {
  item: RuleItem;
  seq: number;
}
interface InfoAcc {
  item: InfoItem;
  seq: number;
}

/**
 * Which items are one item: per item the index of the first item of its group. Items with the same
 * key or the same text are one item, and so is a chain of them (A shares a key with B, B a text with
 * C). Plainly: merge groups until nothing changes.
 */
function groupIndex(items: readonly { key?: string; text: string }[]): number[] {
  const group = items.map((_, i) => i);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        const same = a.text === b.text || (a.key !== undefined && a.key === b.key);
        if (!same || group[i] === group[j]) continue;
        const into = Math.min(group[i]!, group[j]!);
        const from = Math.max(group[i]!, group[j]!);
        for (let k = 0; k < group.length; k++) if (group[k] === from) group[k] = into;
        changed = true;
      }
    }
  }
  return group;
}

/**
 * One task per group (see groupIndex): the most urgent advice gives its text, urgency and reason;
 * sources and the answers behind it are merged from all of them, in the order given.
 */
function addTask(task: TaskAcc | undefined, advice: PartnerAdvice, because: readonly Because[], seq: number): TaskAcc {
  const rank = RANK[advice.urgency];
  const priority = advice.priority ?? 0;
  if (task) {
    if (advice.key !== undefined && !task.keys.includes(advice.key)) task.keys.push(advice.key);
    if (!task.texts.includes(advice.task)) task.texts.push(advice.task);
  }
  if (!task) {
    task = {
      keys: advice.key === undefined ? [] : [advice.key],
      texts: [advice.task],
      item: { text: advice.task, urgency: advice.urgency, reasons: [], sources: [], because: [] },
      seq,
      rank,
      priority,
    };
  } else if (rank < task.rank || (rank === task.rank && priority > task.priority)) {
    task.rank = rank;
    task.priority = priority;
    task.item.text = advice.task;
    task.item.urgency = advice.urgency;
    task.item.reasons = [];
  } else if (rank > task.rank || priority < task.priority) {
    addAll(task.item.sources, advice.sources);
    addBecause(task.item.because, because);
    return task;
  }
  if (advice.reason) add(task.item.reasons, advice.reason);
  addAll(task.item.sources, advice.sources);
  addBecause(task.item.because, because);
  return task;
}

/** The tasks in order, and the partner's reasons: those of the tasks that remain. */
function finishPartner(acc: PartnerAcc): PartnerItem {
  const item = acc.item;
  const group = groupIndex(acc.given.map((g) => ({ key: g.advice.key, text: g.advice.task })));
  const byGroup = new Map<number, TaskAcc>();
  acc.given.forEach((g, i) => byGroup.set(group[i]!, addTask(byGroup.get(group[i]!), g.advice, g.because, g.seq)));
  const tasks = [...byGroup.values()];
  if (tasks.length > 1) tasks.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
  for (const t of tasks) {
    item.taskItems.push(t.item);
    item.tasks.push(t.item.text);
    addAll(item.reasons, t.item.reasons);
  }
  return item;
}

export function adviceOf(state: WalkState): AdviceResult {
  const index = indexProtocol(state.protocol);
  const partners = new Map<string, PartnerAcc>();
  const actions = new Map<string, ActionAcc>();
  const rules = new Map<string, RuleAcc>();
  const info = new Map<string, InfoAcc>();
  const givenActions: { advice: ActionAdvice; because: readonly Because[]; seq: number }[] = [];

  for (const { advice: given, kind, because, seq } of state.collected) {
    if (kind === 'partner') {
      const advice = given as PartnerAdvice;
      let acc = partners.get(advice.partner);
      if (!acc) {
        const partner = index.partners.get(advice.partner);
        // Keys in the order of the JSON contract.
        const item = { id: advice.partner } as PartnerItem;
        if (partner) item.partner = partner;
        item.name = partner?.name ?? advice.partner;
        item.urgency = advice.urgency;
        item.tasks = [];
        item.taskItems = [];
        item.reasons = [];
        item.sources = [];
        item.because = [];
        acc = { item, seq, rank: RANK[advice.urgency], given: [] };
        partners.set(advice.partner, acc);
      }
      moreUrgent(acc, advice.urgency);
      acc.given.push({ advice, because, seq });
      addAll(acc.item.sources, advice.sources);
      addBecause(acc.item.because, because);
    } else if (kind === 'action') {
      givenActions.push({ advice: given as ActionAdvice, because, seq });
    } else if (kind === 'rule') {
      const advice = given as RuleAdvice;
      let acc = rules.get(advice.rule);
      if (!acc) {
        const rule = index.rules.get(advice.rule);
        const item = { id: advice.rule } as RuleItem;
        if (rule) item.rule = rule;
        item.title = rule?.title ?? advice.rule;
        item.conclusions = [];
        item.steps = [];
        item.sources = [];
        item.because = [];
        acc = { item, seq };
        rules.set(advice.rule, acc);
      }
      const item = acc.item;
      add(item.conclusions, advice.conclusion);
      if (advice.steps) addAll(item.steps, advice.steps);
      addAll(item.sources, advice.sources);
      addBecause(item.because, because);
    } else {
      const advice = given as InfoAdvice;
      let acc = info.get(advice.info);
      if (!acc) {
        const item = { text: advice.info } as InfoItem;
        if (advice.audience) item.audience = advice.audience;
        item.sources = [];
        item.because = [];
        acc = { item, seq };
        info.set(advice.info, acc);
      }
      addAll(acc.item.sources, advice.sources);
      addBecause(acc.item.because, because);
    }
  }

  // One action per group of the same key or text (see groupIndex); the most urgent advice gives its
  // text, at equal urgency the highest priority.
  const actionGroup = groupIndex(givenActions.map((g) => ({ key: g.advice.key, text: g.advice.action })));
  givenActions.forEach(({ advice, because, seq }, i) => {
    let acc = actions.get(String(actionGroup[i]));
    if (!acc) {
      const item = { text: advice.action, urgency: advice.urgency, order: advice.order ?? 100, sources: [], because: [] };
      acc = { item, seq, rank: RANK[advice.urgency], priority: advice.priority ?? 0, keys: [], texts: [] };
      actions.set(String(actionGroup[i]), acc);
    }
    if (advice.key !== undefined && !acc.keys.includes(advice.key)) acc.keys.push(advice.key);
    if (!acc.texts.includes(advice.action)) acc.texts.push(advice.action);
    const item = acc.item;
    const priority = advice.priority ?? 0;
    if (RANK[advice.urgency] < acc.rank || (RANK[advice.urgency] === acc.rank && priority > acc.priority)) {
      item.text = advice.action;
      acc.priority = priority;
    }
    moreUrgent(acc, advice.urgency);
    item.order = Math.min(item.order, advice.order ?? 100);
    addAll(item.sources, advice.sources);
    addBecause(item.because, because);
  });

  const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
  const result: AdviceResult = {
    answers: state.answers.map(({ step, value, inferred }, i) => {
      const { question, answer } = state.explained[i]!;
      return { step, question, answer, value, inferred: inferred === true };
    }),
    partners: [...partners.values()].sort((a, b) => a.rank - b.rank || a.seq - b.seq).map(finishPartner),
    actions: [...actions.values()].sort((a, b) => a.rank - b.rank || a.item.order - b.item.order || a.seq - b.seq).map((a) => a.item),
    rules: [...rules.values()].sort(bySeq).map((a) => a.item),
    info: [...info.values()].sort(bySeq).map((a) => a.item),
    context: contextOf(state),
    categories: categoriesOf(state),
  };
  if (state.fault) result.fault = state.fault;
  return result;
}

/** The value the walk gave the step of a context role, or undefined. */
function roleValue(state: WalkState, role: keyof NonNullable<ProtocolContext>): AnswerValue | undefined {
  const id = state.protocol.meta.context?.[role];
  if (id === undefined) return undefined;
  for (const a of state.answers) if (a.step === id) return a.value;
  return undefined;
}

function contextOf(state: WalkState): AdviceContext {
  const text = (role: keyof ProtocolContext): string | null => {
    const v = roleValue(state, role);
    return typeof v === 'string' ? v : null;
  };
  const raw = roleValue(state, 'age');
  const age = typeof raw === 'number' ? raw : null;
  let ageBand: string | null = null;
  const ageStep = age === null ? undefined : indexProtocol(state.protocol).steps.get(state.protocol.meta.context!.age!)?.step;
  if (age !== null && ageStep?.type === 'number') {
    const range = ageStep.ranges?.find((r) => (r.min === undefined || age >= r.min) && (r.max === undefined || age <= r.max));
    ageBand = range?.label ?? null;
  }
  return { perpetrator: text('perpetrator'), victim: text('victim'), age, ageBand, schoolType: text('school-type'), place: text('place') };
}

function categoriesOf(state: WalkState): string[] {
  const v = roleValue(state, 'categories');
  if (Array.isArray(v)) return [...(v as readonly string[])];
  return typeof v === 'string' && v !== UNKNOWN ? [v] : [];
}

/**
 * What must happen right now, as far as the walk has come: the immediate actions (in their order),
 * or when there are none the immediate partner tasks. For the wizard's "Nu direct" banner, which
 * shows as soon as any answer raises immediate advice.
 */
export function immediateSoFar(state: WalkState): string[] {
  const immediate: ActionAdvice[] = [];
  const tasks: string[] = [];
  for (const { advice, kind } of state.collected) {
    if (kind === 'action') {
      const a = advice as ActionAdvice;
      if (a.urgency === 'immediate') immediate.push(a);
    } else if (kind === 'partner') {
      const p = advice as PartnerAdvice;
      if (p.urgency === 'immediate') add(tasks, p.task);
    }
  }
  // One line per group of the same key or text (see groupIndex): the highest priority gives the text.
  const group = groupIndex(immediate.map((a) => ({ key: a.key, text: a.action })));
  const actions = new Map<number, { text: string; order: number; priority: number }>();
  immediate.forEach((a, i) => {
    const known = actions.get(group[i]!);
    if (!known) actions.set(group[i]!, { text: a.action, order: a.order ?? 100, priority: a.priority ?? 0 });
    else {
      known.order = Math.min(known.order, a.order ?? 100);
      if ((a.priority ?? 0) > known.priority) {
        known.text = a.action;
        known.priority = a.priority ?? 0;
      }
    }
  });
  if (actions.size > 0) return [...actions.values()].sort((a, b) => a.order - b.order).map((a) => a.text);
  return tasks;
}
