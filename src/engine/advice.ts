// The finished advice: duplicates merged, most urgent first, each item with the answers behind it.
import {
  URGENCIES,
  type ActionAdvice,
  type InfoAdvice,
  type Partner,
  type PartnerAdvice,
  type RuleAdvice,
  type RuleSet,
  type Urgency,
} from '../model/core.js';
import { indexProtocol } from './index-protocol.js';
import type { Because, WalkState } from './walk.js';

export interface PartnerItem {
  id: string;
  /** Undefined only when the protocol names a partner it does not define (validate reports it). */
  partner?: Partner;
  name: string;
  urgency: Urgency;
  tasks: string[];
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
}

export interface AdviceResult {
  answers: AnswerItem[];
  partners: PartnerItem[];
  actions: ActionItem[];
  rules: RuleItem[];
  info: InfoItem[];
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
}
interface ActionAcc {
  item: ActionItem;
  seq: number;
  /** urgencyRank of item.urgency. */
  rank: number;
}
interface RuleAcc {
  item: RuleItem;
  seq: number;
}
interface InfoAcc {
  item: InfoItem;
  seq: number;
}

export function adviceOf(state: WalkState): AdviceResult {
  const index = indexProtocol(state.protocol);
  const partners = new Map<string, PartnerAcc>();
  const actions = new Map<string, ActionAcc>();
  const rules = new Map<string, RuleAcc>();
  const info = new Map<string, InfoAcc>();

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
        item.reasons = [];
        item.sources = [];
        item.because = [];
        acc = { item, seq, rank: RANK[advice.urgency] };
        partners.set(advice.partner, acc);
      }
      const item = acc.item;
      moreUrgent(acc, advice.urgency);
      add(item.tasks, advice.task);
      if (advice.reason) add(item.reasons, advice.reason);
      addAll(item.sources, advice.sources);
      addBecause(item.because, because);
    } else if (kind === 'action') {
      const advice = given as ActionAdvice;
      let acc = actions.get(advice.action);
      if (!acc) {
        const item = { text: advice.action, urgency: advice.urgency, order: advice.order ?? 100, sources: [], because: [] };
        acc = { item, seq, rank: RANK[advice.urgency] };
        actions.set(advice.action, acc);
      }
      const item = acc.item;
      moreUrgent(acc, advice.urgency);
      item.order = Math.min(item.order, advice.order ?? 100);
      addAll(item.sources, advice.sources);
      addBecause(item.because, because);
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

  const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
  const result: AdviceResult = {
    answers: state.answers.map(({ step, value }, i) => {
      const { question, answer } = state.explained[i]!;
      return { step, question, answer, value };
    }),
    partners: [...partners.values()]
      .sort((a, b) => a.rank - b.rank || a.seq - b.seq)
      .map((a) => a.item),
    actions: [...actions.values()]
      .sort((a, b) => a.rank - b.rank || a.item.order - b.item.order || a.seq - b.seq)
      .map((a) => a.item),
    rules: [...rules.values()].sort(bySeq).map((a) => a.item),
    info: [...info.values()].sort(bySeq).map((a) => a.item),
  };
  if (state.fault) result.fault = state.fault;
  return result;
}
