// What changes for staff between two versions of a protocol: which questions appear, disappear or
// are asked differently, and for each answer path whose advice changes, the partners (with urgency)
// and rule sets before and after. Pure and deterministic.
//
// The answer paths are a finite, honest sample, not every walk (a multi-select of twenty categories
// alone has a million walks): every scenario of both versions, plus for every advice item of either
// version the shortest walk that reaches it. Each path is replayed in both versions with the engine.
import { adviceOf, replay, type AdviceResult, type GivenAnswer } from '../engine/index.js';
import { searchWalks, type WalkSearch } from '../explain/shortest-walks.js';
import { adviceListsOf, type Advice, type Protocol, type QuestionStep } from '../model/core.js';

export type Answers = Readonly<Record<string, unknown>>;

export interface QuestionChange {
  step: string;
  flow: string;
  before?: string;
  after?: string;
}

export interface AdviceSummary {
  /** Partner id → urgency of its most urgent task. */
  partners: Record<string, string>;
  rules: string[];
}

export type PathOutcome = { kind: 'advice'; advice: AdviceSummary } | { kind: 'incomplete'; problems: string[] };

export interface PathChange {
  answers: Record<string, unknown>;
  /** Where the path came from: a scenario name, or "kortste pad naar …". */
  origin: string;
  before: PathOutcome;
  after: PathOutcome;
  /** Partners whose urgency changed, appeared or disappeared; rules that came or went. */
  partners: { id: string; before?: string; after?: string }[];
  rules: { id: string; before: boolean; after: boolean }[];
}

/** A question that only got another id: the same type, wording and answers (values and labels). */
export interface QuestionRename {
  from: string;
  to: string;
  flow: string;
  shown: string;
}

export interface ProtocolDiff {
  questions: { added: QuestionChange[]; removed: QuestionChange[]; changed: QuestionChange[]; renamed: QuestionRename[] };
  pathsCompared: number;
  /** Advice items of the new version without a walk because the search stopped at its limit: only scenarios compare those. */
  notSearched: number;
  changes: PathChange[];
}

export interface NamedPath {
  answers: Answers;
  origin: string;
}

export function diffProtocols(before: Protocol, after: Protocol, extraPaths: readonly NamedPath[] = []): ProtocolDiff {
  const questions = diffQuestions(before, after);
  const old = adviceWalks(before);
  const updated = adviceWalks(after, old);
  // A renamed question is answered under its old id in the old version and its new id in the new one,
  // so a path from either version (or a scenario of either) walks both; paths are shown with the new ids.
  const toNew = new Map(questions.renamed.map((r) => [r.from, r.to]));
  const toOld = new Map(questions.renamed.map((r) => [r.to, r.from]));
  const all = [...extraPaths, ...namedPaths(old, 'oude'), ...namedPaths(updated, 'nieuwe')];
  const paths = dedupe(toNew.size === 0 ? all : all.map((p) => ({ ...p, answers: renameKeys(p.answers, toNew) })));
  const changes: PathChange[] = [];
  for (const path of paths) {
    const b = outcome(before, toOld.size === 0 ? path.answers : renameKeys(path.answers, toOld));
    const a = outcome(after, path.answers);
    const change = compare(path, b, a);
    if (change) changes.push(change);
  }
  return { questions, pathsCompared: paths.length, notSearched: updated.limited.size, changes };
}

function questionsOf(protocol: Protocol): Map<string, { flow: string; step: QuestionStep }> {
  const out = new Map<string, { flow: string; step: QuestionStep }>();
  for (const flow of protocol.flows) for (const step of flow.steps) if (step.type !== 'route') out.set(step.id, { flow: flow.id, step });
  return out;
}

/** The question as staff see it: the text and the answers they can pick. */
function shownAs(step: QuestionStep): string {
  const options = step.type === 'choice' || step.type === 'multi' ? ` [${step.options.map((o) => o.label).join(' / ')}]` : '';
  return `${step.question}${options}`;
}

/** What answering the question means: its type, wording, and each answer's value and label. */
function answeredAs(step: QuestionStep): string {
  const options = step.type === 'choice' || step.type === 'multi' ? step.options.map((o) => [o.value, o.label]) : [];
  const bounds = step.type === 'number' ? [step.min, step.max] : [];
  return JSON.stringify([step.type, step.question, options, bounds, step.unknown !== undefined]);
}

function diffQuestions(before: Protocol, after: Protocol): ProtocolDiff['questions'] {
  const b = questionsOf(before);
  const a = questionsOf(after);
  const added: QuestionChange[] = [];
  const removed: QuestionChange[] = [];
  const changed: QuestionChange[] = [];
  for (const [id, { flow, step }] of a) {
    const old = b.get(id);
    if (!old) added.push({ step: id, flow, after: shownAs(step) });
    else if (shownAs(old.step) !== shownAs(step)) changed.push({ step: id, flow, before: shownAs(old.step), after: shownAs(step) });
  }
  for (const [id, { flow, step }] of b) if (!a.has(id)) removed.push({ step: id, flow, before: shownAs(step) });
  // A removed and an added question in the same flow that are asked and answered the same way, and are
  // the only such pair there: a rename. (Two look-alikes could be swapped, and a question that went to
  // another flow is asked elsewhere: those stay "new" and "removed".)
  const renamed: QuestionRename[] = [];
  const groupByShape = (list: QuestionChange[], version: typeof a) => {
    const byShape = new Map<string, QuestionChange[]>();
    for (const c of list) {
      const shape = `${c.flow}\u0000${answeredAs(version.get(c.step)!.step)}`;
      byShape.set(shape, [...(byShape.get(shape) ?? []), c]);
    }
    return byShape;
  };
  const addedByShape = groupByShape(added, a);
  for (const [shape, gone] of groupByShape(removed, b)) {
    const came = addedByShape.get(shape);
    if (gone.length !== 1 || came?.length !== 1) continue;
    renamed.push({ from: gone[0]!.step, to: came[0]!.step, flow: came[0]!.flow, shown: came[0]!.after! });
  }
  const notRenamed = (list: QuestionChange[], side: 'from' | 'to') => list.filter((c) => !renamed.some((r) => r[side] === c.step));
  return { added: notRenamed(added, 'to'), removed: notRenamed(removed, 'from'), changed, renamed };
}

function renameKeys(answers: Answers, names: ReadonlyMap<string, string>): Answers {
  return Object.fromEntries(Object.entries(answers).map(([step, value]) => [names.get(step) ?? step, value]));
}

interface AdviceWalks extends WalkSearch {
  /** Each advice item with where it is: its step and the item itself as text (the same in both versions when unchanged). */
  items: { advice: Advice; key: string }[];
}

/**
 * For every advice item, the shortest walk that gives it (a bounded search; unreachable items have
 * none). With the search of the other version, an unchanged item keeps the walk found there when it
 * still gives the item, and is not searched again when that search stopped short of it: most of a
 * protocol is the same in both versions, and the search is most of a diff's time.
 */
function adviceWalks(protocol: Protocol, other?: AdviceWalks): AdviceWalks {
  const items: AdviceWalks['items'] = [];
  for (const flow of protocol.flows) {
    for (const step of flow.steps)
      for (const list of adviceListsOf(step)) for (const advice of list.advice) items.push({ advice, key: `${step.id}\u0000${JSON.stringify(advice)}` });
  }
  let known: WalkSearch | undefined;
  if (other) {
    const byKey = new Map<string, Advice>();
    for (const { advice, key } of other.items) if (!byKey.has(key)) byKey.set(key, advice);
    known = { walks: new Map(), limited: new Set() };
    for (const { advice, key } of items) {
      const same = byKey.get(key);
      if (same === undefined) continue;
      const walk = other.walks.get(same);
      if (walk) known.walks.set(advice, walk);
      else if (other.limited.has(same)) known.limited.add(advice);
    }
  }
  const search = searchWalks(
    protocol,
    items.map((i) => i.advice),
    undefined,
    known,
  );
  return { items, ...search };
}

function namedPaths({ walks }: AdviceWalks, which: string): NamedPath[] {
  const out: NamedPath[] = [];
  for (const [advice, walk] of walks) out.push({ answers: toRecord(walk.answers), origin: `kortste pad naar ${label(advice)} (${which} versie)` });
  return out;
}

function label(advice: Advice): string {
  if ('partner' in advice) return `partner ${advice.partner}`;
  if ('rule' in advice) return `regelset ${advice.rule}`;
  if ('action' in advice) return `actie "${advice.action}"`;
  return 'informatie';
}

function toRecord(answers: readonly GivenAnswer[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of answers) out[a.step] = a.value;
  return out;
}

const keyOf = (answers: Answers) => JSON.stringify(Object.entries(answers));

function dedupe(paths: readonly NamedPath[]): NamedPath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = keyOf(p.answers);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function outcome(protocol: Protocol, answers: Answers): PathOutcome {
  const { state, problems } = replay(protocol, answers);
  if (problems.length > 0) return { kind: 'incomplete', problems: problems.map((p) => p.message) };
  return { kind: 'advice', advice: summarize(adviceOf(state)) };
}

function summarize(advice: AdviceResult): AdviceSummary {
  return { partners: Object.fromEntries(advice.partners.map((p) => [p.id, p.urgency])), rules: advice.rules.map((r) => r.id).sort() };
}

function compare(path: NamedPath, before: PathOutcome, after: PathOutcome): PathChange | undefined {
  const answers = { ...path.answers };
  if (before.kind !== 'advice' || after.kind !== 'advice') {
    // A path that neither version can finish says nothing about the change.
    if (before.kind !== 'advice' && after.kind !== 'advice') return undefined;
    return { answers, origin: path.origin, before, after, partners: [], rules: [] };
  }
  const ids = [...new Set([...Object.keys(before.advice.partners), ...Object.keys(after.advice.partners)])].sort();
  const partners = ids
    .filter((id) => before.advice.partners[id] !== after.advice.partners[id])
    .map((id) => ({
      id,
      ...(before.advice.partners[id] ? { before: before.advice.partners[id] } : {}),
      ...(after.advice.partners[id] ? { after: after.advice.partners[id] } : {}),
    }));
  const ruleIds = [...new Set([...before.advice.rules, ...after.advice.rules])].sort();
  const rules = ruleIds.map((id) => ({ id, before: before.advice.rules.includes(id), after: after.advice.rules.includes(id) })).filter((r) => r.before !== r.after);
  if (partners.length === 0 && rules.length === 0) return undefined;
  return { answers, origin: path.origin, before, after, partners, rules };
}
