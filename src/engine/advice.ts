// The finished advice: duplicates merged, most urgent first, each item with the answers behind it.
import { URGENCIES, type Partner, type QuestionStep, type RuleSet, type Urgency } from '../model/index.js';
import { indexProtocol } from './index-protocol.js';
import { answerLabel, type Because, type WalkState } from './walk.js';

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
const moreUrgent = (a: Urgency, b: Urgency): Urgency => (urgencyRank(a) <= urgencyRank(b) ? a : b);

function addAll<T>(into: T[], items: readonly T[], key: (t: T) => string = String): void {
  const seen = new Set(into.map(key));
  for (const item of items) {
    if (!seen.has(key(item))) {
      seen.add(key(item));
      into.push(item);
    }
  }
}
const becauseKey = (b: Because) => `${b.step}\0${b.answer}`;

export function adviceOf(state: WalkState): AdviceResult {
  const index = indexProtocol(state.protocol);
  const partners = new Map<string, PartnerItem & { seq: number }>();
  const actions = new Map<string, ActionItem & { seq: number }>();
  const rules = new Map<string, RuleItem & { seq: number }>();
  const info = new Map<string, InfoItem & { seq: number }>();

  for (const { advice, because, seq } of state.collected) {
    if ('partner' in advice) {
      const existing = partners.get(advice.partner);
      const partner = index.partners.get(advice.partner);
      const item = existing ?? {
        id: advice.partner,
        ...(partner ? { partner } : {}),
        name: partner?.name ?? advice.partner,
        urgency: advice.urgency,
        tasks: [],
        reasons: [],
        sources: [],
        because: [],
        seq,
      };
      item.urgency = moreUrgent(item.urgency, advice.urgency);
      addAll(item.tasks, [advice.task]);
      if (advice.reason) addAll(item.reasons, [advice.reason]);
      addAll(item.sources, advice.sources);
      addAll(item.because, because, becauseKey);
      partners.set(advice.partner, item);
    } else if ('action' in advice) {
      const existing = actions.get(advice.action);
      const item = existing ?? { text: advice.action, urgency: advice.urgency, order: advice.order ?? 100, sources: [], because: [], seq };
      item.urgency = moreUrgent(item.urgency, advice.urgency);
      item.order = Math.min(item.order, advice.order ?? 100);
      addAll(item.sources, advice.sources);
      addAll(item.because, because, becauseKey);
      actions.set(advice.action, item);
    } else if ('rule' in advice) {
      const rule = index.rules.get(advice.rule);
      const item = rules.get(advice.rule) ?? {
        id: advice.rule,
        ...(rule ? { rule } : {}),
        title: rule?.title ?? advice.rule,
        conclusions: [],
        steps: [],
        sources: [],
        because: [],
        seq,
      };
      addAll(item.conclusions, [advice.conclusion]);
      addAll(item.steps, advice.steps ?? []);
      addAll(item.sources, advice.sources);
      addAll(item.because, because, becauseKey);
      rules.set(advice.rule, item);
    } else {
      const item = info.get(advice.info) ?? { text: advice.info, ...(advice.audience ? { audience: advice.audience } : {}), sources: [], because: [], seq };
      addAll(item.sources, advice.sources);
      addAll(item.because, because, becauseKey);
      info.set(advice.info, item);
    }
  }

  const byUrgency = <T extends { urgency: Urgency; seq: number }>(a: T, b: T) => urgencyRank(a.urgency) - urgencyRank(b.urgency) || a.seq - b.seq;
  const strip = <T extends { seq: number }>({ seq: _seq, ...rest }: T): Omit<T, 'seq'> => rest;

  return {
    answers: state.answers.map(({ step, value }) => {
      const s = index.steps.get(step)!.step as QuestionStep;
      return { step, question: s.question, answer: answerLabel(s, value), value };
    }),
    partners: [...partners.values()].sort(byUrgency).map(strip),
    actions: [...actions.values()].sort((a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency) || a.order - b.order || a.seq - b.seq).map(strip),
    rules: [...rules.values()].sort((a, b) => a.seq - b.seq).map(strip),
    info: [...info.values()].sort((a, b) => a.seq - b.seq).map(strip),
    ...(state.fault ? { fault: state.fault } : {}),
  };
}
