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
} from '../model/core.js';
import { indexProtocol } from './index-protocol.js';
import { answerTo, immediateItemsOf, type Because, type CollectedAdvice, type WalkState } from './walk.js';

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
  outer: for (let i = 0; i < because.length; i++) {
    const b = because[i]!;
    for (let j = 0; j < into.length; j++) {
      const x = into[j]!;
      if (x === b || (x.step === b.step && x.answer === b.answer)) continue outer;
    }
    into.push(b);
  }
}
function add(into: string[], item: string): void {
  if (!into.includes(item)) into.push(item);
}
function addAll(into: string[], items: readonly string[]): void {
  for (let i = 0; i < items.length; i++) add(into, items[i]!);
}

/** Whether advice of this urgency rank and priority gives a merged item its text instead of what gave it so far. */
function outranks(rank: number, priority: number, current: { rank: number; priority: number }): boolean {
  return rank < current.rank || (rank === current.rank && priority > current.priority);
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
  /** The partner's advice in the order given; finishPartner makes tasks of it. */
  given: CollectedAdvice[];
}
interface TaskAcc {
  item: TaskItem;
  seq: number;
  rank: number;
  /** The `priority` of the advice that gave the text. */
  priority: number;
}
interface ActionAcc {
  item: ActionItem;
  seq: number;
  /** urgencyRank of item.urgency. */
  rank: number;
  /** The `priority` of the advice that gave the text. */
  priority: number;
}
interface RuleAcc {
  item: RuleItem;
  seq: number;
}
interface InfoAcc {
  item: InfoItem;
  seq: number;
}

/** A task from its first advice. */
function newTask(advice: PartnerAdvice, because: readonly Because[], seq: number): TaskAcc {
  const item: TaskItem = { text: advice.task, urgency: advice.urgency, reasons: [], sources: [], because: [] };
  if (advice.reason) item.reasons.push(advice.reason);
  addAll(item.sources, advice.sources);
  addBecause(item.because, because);
  return { item, seq, rank: RANK[advice.urgency], priority: advice.priority ?? 0 };
}

/**
 * Another advice of the task: the most urgent advice gives its text, urgency and reason (at equal
 * urgency the one with the highest `priority`, then the first text, and the reasons of those);
 * sources and the answers behind it are merged from all of them.
 */
function addTask(task: TaskAcc, advice: PartnerAdvice, because: readonly Because[]): void {
  const rank = RANK[advice.urgency];
  const priority = advice.priority ?? 0;
  if (outranks(rank, priority, task)) {
    task.rank = rank;
    task.priority = priority;
    task.item.text = advice.task;
    task.item.urgency = advice.urgency;
    task.item.reasons = [];
  }
  if (rank === task.rank && priority === task.priority && advice.reason) add(task.item.reasons, advice.reason);
  addAll(task.item.sources, advice.sources);
  addBecause(task.item.because, because);
}

/**
 * Which advice items are one item: those with the same key, and those with the same text (README:
 * "Dezelfde taaktekst telt als één taak"), also when one of them has a key and the other none, or
 * another key. A key and a text shared along a chain join it all into one item, so no text can end
 * up in two items. Returns per item the index of its group's first item.
 */
function groupsOf(n: number, keyOf: (i: number) => string | undefined, textOf: (i: number) => string): number[] {
  // Union-find over the items, the first item of each group as its root.
  const root: number[] = [];
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const join = (i: number, j: number): void => {
    const a = find(i);
    const b = find(j);
    if (a < b) root[b] = a;
    else if (b < a) root[a] = b;
  };
  if (n > 32) return groupsByMaps(n, keyOf, textOf, root, find, join);
  const keys: (string | undefined)[] = [];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    root.push(i);
    const key = keyOf(i);
    const text = textOf(i);
    // The lists are short (a few items per partner or walk): a scan back beats building maps.
    let sameKey = key === undefined;
    let sameText = false;
    for (let j = 0; j < i && !(sameKey && sameText); j++) {
      if (!sameKey && keys[j] === key) {
        join(i, j);
        sameKey = true;
      }
      if (!sameText && texts[j] === text) {
        join(i, j);
        sameText = true;
      }
    }
    keys.push(key);
    texts.push(text);
  }
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

/** `groupsOf` for long lists (many categories at once): look-ups by map instead of scanning back. */
function groupsByMaps(
  n: number,
  keyOf: (i: number) => string | undefined,
  textOf: (i: number) => string,
  root: number[],
  find: (i: number) => number,
  join: (i: number, j: number) => void,
): number[] {
  const byKey = new Map<string, number>();
  const byText = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    root.push(i);
    const key = keyOf(i);
    if (key !== undefined) {
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else join(i, j);
    }
    const text = textOf(i);
    const j = byText.get(text);
    if (j === undefined) byText.set(text, i);
    else join(i, j);
  }
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

/** The partner's advice as tasks (see `groupsOf`), each merged in the order its advice was given. */
function tasksOf(given: readonly CollectedAdvice[]): TaskAcc[] {
  const n = given.length;
  if (n === 1) {
    const { advice, because, seq } = given[0]!;
    return [newTask(advice as PartnerAdvice, because, seq)];
  }
  const group = groupsOf(
    n,
    (i) => (given[i]!.advice as PartnerAdvice).key,
    (i) => (given[i]!.advice as PartnerAdvice).task,
  );
  const tasks: TaskAcc[] = [];
  const byRoot: (TaskAcc | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const { advice, because, seq } = given[i]!;
    const task = byRoot[group[i]!];
    if (task) addTask(task, advice as PartnerAdvice, because);
    else tasks.push((byRoot[group[i]!] = newTask(advice as PartnerAdvice, because, seq)));
  }
  return tasks;
}

/**
 * The school's actions, one per group of the same key or text (see `groupsOf`): the most urgent
 * advice gives the text and urgency (at equal urgency the one with the highest `priority`, then the
 * first); the lowest `order`, and the sources and answers of all of them.
 */
function actionsOf(given: readonly CollectedAdvice[]): ActionAcc[] {
  const group = groupsOf(
    given.length,
    (i) => (given[i]!.advice as ActionAdvice).key,
    (i) => (given[i]!.advice as ActionAdvice).action,
  );
  const actions: ActionAcc[] = [];
  const byRoot: (ActionAcc | undefined)[] = [];
  for (let i = 0; i < given.length; i++) {
    const { because, seq } = given[i]!;
    const advice = given[i]!.advice as ActionAdvice;
    const rank = RANK[advice.urgency];
    const priority = advice.priority ?? 0;
    let acc = byRoot[group[i]!];
    if (!acc) {
      const item: ActionItem = { text: advice.action, urgency: advice.urgency, order: advice.order ?? 100, sources: [], because: [] };
      actions.push((acc = byRoot[group[i]!] = { item, seq, rank, priority }));
    } else if (outranks(rank, priority, acc)) {
      acc.rank = rank;
      acc.priority = priority;
      acc.item.text = advice.action;
      acc.item.urgency = advice.urgency;
    }
    const item = acc.item;
    item.order = Math.min(item.order, advice.order ?? 100);
    addAll(item.sources, advice.sources);
    addBecause(item.because, because);
  }
  return actions;
}

/**
 * Sorts in place, equal items keeping their order (as Array#sort does). An insertion sort: the
 * lists are short and mostly in order already, where it beats the general sort's set-up.
 */
function stableSort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 32) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** The tasks in order, and the partner's reasons: those of the tasks that remain. */
function finishPartner(acc: PartnerAcc): PartnerItem {
  const item = acc.item;
  const tasks = tasksOf(acc.given);
  if (tasks.length > 1) stableSort(tasks, (a, b) => a.rank - b.rank || a.seq - b.seq);
  for (const t of tasks) {
    item.taskItems.push(t.item);
    item.tasks.push(t.item.text);
    addAll(item.reasons, t.item.reasons);
  }
  return item;
}

export function adviceOf(state: WalkState): AdviceResult {
  const index = indexProtocol(state.protocol);
  // By key for merging, and in the order first met (the maps' order, without iterating them).
  const partners = new Map<string, PartnerAcc>();
  const rules = new Map<string, RuleAcc>();
  const info = new Map<string, InfoAcc>();
  const partnerList: PartnerAcc[] = [];
  const actionAdvice: CollectedAdvice[] = [];
  const ruleList: RuleAcc[] = [];
  const infoList: InfoAcc[] = [];

  const collected = state.collected;
  for (let c = 0; c < collected.length; c++) {
    const { advice: given, kind, because, seq } = collected[c]!;
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
        partnerList.push(acc);
      }
      moreUrgent(acc, advice.urgency);
      acc.given.push(collected[c]!);
      addAll(acc.item.sources, advice.sources);
      addBecause(acc.item.because, because);
    } else if (kind === 'action') {
      actionAdvice.push(collected[c]!);
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
        ruleList.push(acc);
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
        infoList.push(acc);
      }
      addAll(acc.item.sources, advice.sources);
      addBecause(acc.item.because, because);
    }
  }

  const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
  const result: AdviceResult = {
    answers: answersOf(state),
    partners: stableSort(partnerList, (a, b) => a.rank - b.rank || a.seq - b.seq).map(finishPartner),
    actions: stableSort(actionsOf(actionAdvice), (a, b) => a.rank - b.rank || a.item.order - b.item.order || a.seq - b.seq).map((a) => a.item),
    rules: stableSort(ruleList, bySeq).map((a) => a.item),
    info: stableSort(infoList, bySeq).map((a) => a.item),
    context: contextOf(state),
    categories: categoriesOf(state),
  };
  if (state.fault) result.fault = state.fault;
  return result;
}

/**
 * The answers of the walk as they read (question and answer label), in the order given: what the
 * wizard's review shows, without merging the advice.
 */
export function answersOf(state: WalkState): AnswerItem[] {
  const answers: AnswerItem[] = [];
  for (let i = 0; i < state.answers.length; i++) {
    const { step, value, inferred } = state.answers[i]!;
    const { question, answer } = state.explained[i]!;
    answers.push({ step, question, answer, value, inferred: inferred === true });
  }
  return answers;
}

/** The value the walk gave the step of a context role, or undefined. */
function roleValue(state: WalkState, role: keyof NonNullable<ProtocolContext>): AnswerValue | undefined {
  const id = state.protocol.meta.context?.[role];
  return id === undefined ? undefined : answerTo(state, id)?.value;
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
 * The lines per list of immediate items: the states of a walk share that list until an answer adds
 * immediate advice, and the wizard asks for the lines before and after every answer.
 */
const immediateLines = new WeakMap<readonly CollectedAdvice[], readonly string[]>();

/**
 * What must happen right now, as far as the walk has come: the immediate actions (in their order),
 * or when there are none the immediate partner tasks. For the wizard's "Nu direct" banner, which
 * shows as soon as any answer raises immediate advice.
 */
export function immediateSoFar(state: WalkState): readonly string[] {
  const items = immediateItemsOf(state);
  let lines = immediateLines.get(items);
  if (lines === undefined) immediateLines.set(items, (lines = Object.freeze(linesOf(items))));
  return lines;
}

function linesOf(items: readonly CollectedAdvice[]): string[] {
  const actions: CollectedAdvice[] = [];
  const tasks: string[] = [];
  // Only the immediate items: the rest adds nothing here.
  for (const item of items) {
    if (item.kind === 'action') {
      if ((item.advice as ActionAdvice).urgency === 'immediate') actions.push(item);
    } else if (item.kind === 'partner') {
      const p = item.advice as PartnerAdvice;
      if (p.urgency === 'immediate') add(tasks, p.task);
    }
  }
  // Merged as in the advice: one line per key or text.
  if (actions.length > 0) return stableSort(actionsOf(actions), (a, b) => a.item.order - b.item.order).map((a) => a.item.text);
  return tasks;
}
