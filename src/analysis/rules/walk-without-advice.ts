import { answerLabel, evaluate, type WalkState } from '../../engine/index.js';
import { adviceKind, factsOf, type Advice, type AnswerValue, type QuestionStep, type Step } from '../../model/core.js';
import { oneAlwaysHolds } from '../conditions.js';
import type { AnalysisContext } from '../context.js';
import { answerLookup, explore, MAX_SEARCH_ANSWERS } from '../explore.js';
import type { Rule } from '../rule.js';

/**
 * Advice certainly given when its list is reached: an item without `when`, or items of which one
 * holds by the form of their conditions ("when A" next to "when not A"). An `info` alone is no
 * advice: the advice screen then says "geen advies" (render/advice-text.ts), so it does not count here.
 */
const definite = (advice: readonly Advice[] | undefined) => {
  const items = (advice ?? []).filter((a) => adviceKind(a) !== 'info');
  return items.length > 0 && (items.some((a) => !a.when) || oneAlwaysHolds(items.map((a) => a.when!)));
};

export const walkWithoutAdvice: Rule = {
  code: 'walk-without-advice',
  needsValidProtocol: true,
  *check(ctx) {
    const start = ctx.graph.startFlow;
    if (!start) return;
    // 1. Over-approximate: which steps can finish their flow without certain advice (advice with
    //    `when` counts as absent). Components come successors first, so targets and called flows
    //    are decided before the step. If the start flow cannot finish empty, no walk can.
    const emptyCapable = emptyCapableSteps(ctx);
    const startStep = ctx.graph.startStep(start);
    if (!startStep || !emptyCapable.has(startStep)) return;

    // 2. Confirm with the engine: search concrete walks (one answer per class of answers that
    //    conditions tell apart), pruned to steps that step 1 allows, for one that ends without advice.
    const found = searchEmptyWalk(ctx, emptyCapable);
    if (found === 'limit') {
      yield {
        node: ctx.protocol.meta,
        key: 'start',
        code: 'analysis-limit',
        severity: 'info',
        message: `niet volledig nagegaan of elke wandeling advies oplevert: na ${MAX_SEARCH_ANSWERS} antwoorden gestopt`,
        hint: 'Geef vroeg in de hulp advies zonder "when:" (bijvoorbeeld bij de eerste vraag), dan is dit snel te controleren.',
      };
      return;
    }
    if (!found) return;
    // A number stands for its whole class ("4 t/m 11"): every number in it gives the same walk.
    const label = (id: string, value: WalkState['answers'][number]['value']) => {
      const step = ctx.graph.info(id)!.step as QuestionStep;
      if (step.type !== 'number' || typeof value !== 'number') return answerLabel(step, value);
      const classes = ctx.paths.classesOf(id)!;
      return classes.classes[classes.classOf(value)!]!.label;
    };
    const walk = found.answers.map(({ step, value }) => `${step} = ${label(step, value)}`);
    yield {
      node: ctx.protocol.meta,
      key: 'start',
      message: `een wandeling door het protocol eindigt zonder enig advies: ${walk.length > 0 ? walk.join(' → ') : '(zonder vragen)'}`,
      hint: 'Geef minstens één van deze antwoorden een advies zonder "when:": een actie, een partner of een regel (een info-regel alleen telt niet; dan toont het advies "geen advies").',
    };
  },
};

function emptyCapableSteps({ graph, paths }: AnalysisContext): Set<Step> {
  const empty = new Set<Step>();
  const flowEmpty = startsIn(graph, empty);
  const cyclic = graph.cyclicSteps();
  for (const component of graph.components()) {
    const step = component[0]!;
    if (component.length > 1 || cyclic.has(step)) continue;
    if (step.type !== 'route' && definite(step.advice)) continue;
    if (!paths.feasible(step)) continue;
    const capable = graph
      .info(step.id)!
      .outs.some(
        (o) =>
          !definite(o.advice) &&
          o.calls.every(flowEmpty) &&
          (o.target === undefined || o.target === 'end' || (o.targetStep !== undefined && empty.has(o.targetStep))) &&
          paths.outFeasible(o),
      );
    if (capable) empty.add(step);
  }
  return empty;
}

function searchEmptyWalk(ctx: AnalysisContext, emptyCapable: ReadonlySet<Step>): WalkState | 'limit' | undefined {
  const { graph } = ctx;
  // Where the walk goes on: the next question and every pending return must be able to stay empty.
  const canStayEmpty = (state: WalkState) =>
    [state.at, ...state.stack].every((id) => id === null || id === 'end' || (graph.info(id) !== undefined && emptyCapable.has(graph.info(id)!.step)));
  // An option whose advice or called flow always gives advice cannot be in such a walk: not tried, so
  // a category question with dozens of options is searched over the few that can stay empty. Nor can
  // an option whose advice this walk's earlier answers already decide (a multi step's subsets are
  // then searched over the options that are left).
  const flowCanStayEmpty = startsIn(graph, emptyCapable);
  const canTake = (step: QuestionStep, value: string, state: WalkState) =>
    graph.info(step.id)!.outs.every((o) => o.branch?.value !== value || (!definite(o.advice) && o.calls.every(flowCanStayEmpty) && !decidedAlready(o.advice, step.id, state)));
  let found: WalkState | undefined;
  const outcome = explore(ctx, {
    canTake,
    prune: (state) =>
      state.collected.some((c) => c.kind !== 'info') ||
      !canStayEmpty(state) ||
      (state.at !== null && decidedAlready((graph.info(state.at)?.step as QuestionStep | undefined)?.advice, state.at, state)),
    onDone: (state) => {
      found = state;
      return true;
    },
  });
  return found ?? (outcome === 'limit' ? 'limit' : undefined);
}

/**
 * Whether advice a question gives (its own, or an option's) holds whatever the answer, by the answers
 * `state` has already: an item that is not info, whose condition does not name the question and is
 * true now. The engine evaluates it after the answer, which does not change such a condition.
 */
function decidedAlready(advice: readonly Advice[] | undefined, question: string, state: WalkState): boolean {
  if (!advice) return false;
  let lookup: ((step: string) => AnswerValue | undefined) | undefined;
  for (const item of advice) {
    if (adviceKind(item) === 'info' || !item.when || factsOf(item.when).some((f) => f.step === question)) continue;
    lookup ??= answerLookup(state);
    if (evaluate(item.when, lookup)) return true;
  }
  return false;
}

/** Whether a flow's first step is in `steps` (a flow that can stay without advice, here). */
function startsIn(graph: AnalysisContext['graph'], steps: ReadonlySet<Step>) {
  return (flow: Parameters<typeof graph.startStep>[0]): boolean => {
    const first = graph.startStep(flow);
    return first !== undefined && steps.has(first);
  };
}
