// In-process measurements for `npm run bench` (bundled by bench/run.mjs with esbuild, run in a
// child process): the engine's walk rate over the shipped protocol, and the analysis time of
// generated protocols. Prints one JSON object on stdout.
import { adviceOf, answer, answersOf, immediateSoFar, next, start, type WalkState } from '../src/engine/index.js';
import { validateLoaded } from '../src/analysis/index.js';
import { hasErrors } from '../src/diagnostics/index.js';
import { loadProtocol } from '../src/loader/index.js';
import { UNKNOWN, type AnswerValue, type Protocol, type QuestionStep } from '../src/model/index.js';
import { seededRandom as random } from '../test/helpers/seeded-random.js';

interface Args {
  shipped: string;
  generated: string[];
  /** Timed runs per measurement (the median is reported). */
  runs: number;
}

const args: Args = JSON.parse(process.argv[2]!) as Args;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** One answer for a step, chosen by `r`: options, "weet ik niet", numbers in every range. */
function pick(step: QuestionStep, options: readonly { value: string }[], r: () => number): AnswerValue {
  const values = options.map((o) => o.value);
  switch (step.type) {
    case 'choice':
    case 'yes-no':
      return values[Math.floor(r() * values.length)]!;
    case 'multi': {
      if (step.unknown && r() < 0.1) return UNKNOWN;
      const ticked = step.options.filter(() => r() < 0.5);
      // At least one: the engine (like both wizards) refuses an empty selection.
      if (ticked.length === 0) ticked.push(step.options[Math.floor(r() * step.options.length)]!);
      // An exclusive option ("Niets hiervan") only on its own.
      return (ticked.length > 1 ? ticked.filter((o) => !o.exclusive) : ticked).map((o) => o.value);
    }
    case 'number': {
      if (step.unknown && r() < 0.1) return UNKNOWN;
      // A bound of every range, so each range is taken by some script.
      const points = [step.min, step.max, ...(step.ranges ?? []).flatMap((x) => [x.min, x.max])].filter((n): n is number => n !== undefined && n >= step.min && n <= step.max);
      return points[Math.floor(r() * points.length)]!;
    }
  }
}

/** The category question: the step `protocol.context.categories` names (the context flow's "what happened"). */
function categoryQuestion(protocol: Protocol): QuestionStep {
  const id = protocol.meta.context?.categories;
  for (const flow of protocol.flows) for (const step of flow.steps) if (step.id === id && step.type !== 'route') return step;
  throw new Error('the protocol names no category question (protocol.context.categories)');
}

/**
 * Records one walk as the wizard would take it: every question the engine asks is answered (by
 * `choose`) until the advice is due. Returns the raw answers in order.
 */
function record(protocol: Protocol, choose: (step: QuestionStep, options: readonly { value: string }[]) => AnswerValue): AnswerValue[] {
  let state: WalkState = start(protocol);
  const script: AnswerValue[] = [];
  for (let guard = 0; guard < 2000; guard++) {
    const q = next(state);
    if (q.kind === 'done') return script;
    const value = choose(q.step, q.options);
    const result = answer(state, value);
    if (!result.ok) throw new Error(`${q.step.id}: ${result.message}`);
    script.push(value);
    state = result.state;
  }
  throw new Error('a recorded walk does not finish');
}

/**
 * Incident walks as the wizard takes them, answers chosen deterministically (seeded PRNG):
 * - `typical`: one incident of one category, `perCategory` walks for each option of the category
 *   question (other questions answered at random: options, "weet ik niet", numbers in every range);
 * - `long`: the same number of walks with about half of the categories ticked at once.
 */
function scripts(protocol: Protocol, perCategory: number): { typical: AnswerValue[][]; long: AnswerValue[][]; categories: number } {
  const categoryStep = categoryQuestion(protocol);
  const categories =
    categoryStep.type === 'choice' || categoryStep.type === 'multi' ? categoryStep.options.filter((o) => !('exclusive' in o && o.exclusive)).map((o) => o.value) : [];
  if (categories.length === 0) throw new Error('the category question offers no categories');
  const asAnswer = (values: string[]): AnswerValue => (categoryStep.type === 'multi' ? values : values[0]!);
  let seed = 1;
  const walk = (category: (r: () => number) => AnswerValue) => {
    const r = random(seed++);
    return record(protocol, (step, options) => (step.id === categoryStep.id ? category(r) : pick(step, options, r)));
  };
  const typical: AnswerValue[][] = [];
  for (const c of categories) for (let k = 0; k < perCategory; k++) typical.push(walk(() => asAnswer([c])));
  const long: AnswerValue[][] = [];
  if (categoryStep.type === 'multi') {
    for (let k = 0; k < typical.length; k++) {
      long.push(
        walk((r) => {
          const ticked = categories.filter(() => r() < 0.5);
          return asAnswer(ticked.length > 0 ? ticked : [categories[k % categories.length]!]);
        }),
      );
    }
  }
  return { typical, long, categories: categories.length };
}

/**
 * Runs every script once as the wizard does: per question the next question (with its options and
 * progress), the "Nu direct" lines before and after the answer, the answer; at the end the review
 * of the answers, then the advice shown. Returns the walks done.
 */
function walkAll(protocol: Protocol, all: readonly AnswerValue[][]): number {
  let items = 0;
  for (const script of all) {
    let state = start(protocol);
    for (const value of script) {
      const q = next(state);
      if (q.kind !== 'question') throw new Error('the walk ended before its script');
      items += immediateSoFar(state).length + q.options.length;
      const result = answer(state, value);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
      items += immediateSoFar(state).length;
    }
    if (next(state).kind !== 'done') throw new Error('the walk did not finish');
    items += answersOf(state).length;
    const advice = adviceOf(state);
    items += advice.partners.length + advice.actions.length;
  }
  if (items === 0) throw new Error('the walks gave no advice');
  return all.length;
}

/** Walks per second over `all`: the median of `runs` timed batches of at least 200 ms each, after a warm-up. */
function rate(protocol: Protocol, all: readonly AnswerValue[][]) {
  const answers = all.reduce((n, s) => n + s.length, 0);
  const warm = performance.now();
  while (performance.now() - warm < 300) walkAll(protocol, all);
  const rates: number[] = [];
  // Also per second of CPU time of this process: on a shared machine the wall-clock rate drops
  // with the load, the CPU rate much less.
  const cpuRates: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    let walks = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < 200) {
      walks += walkAll(protocol, all);
      elapsed = performance.now() - t0;
    }
    const cpu = process.cpuUsage(cpu0);
    rates.push((walks / elapsed) * 1000);
    cpuRates.push((walks / (cpu.user + cpu.system)) * 1e6);
  }
  const walksPerSecond = median(rates);
  const lengths = all.map((s) => s.length);
  return {
    walksPerSecond,
    walksPerCpuSecond: median(cpuRates),
    answersPerSecond: (walksPerSecond * answers) / all.length,
    walks: all.length,
    answersPerWalk: answers / all.length,
    minAnswers: Math.min(...lengths),
    maxAnswers: Math.max(...lengths),
  };
}

function engine() {
  const loaded = loadProtocol(args.shipped);
  if (!loaded.ok || !loaded.protocol) throw new Error('the shipped protocol does not load');
  const protocol = loaded.protocol;
  const { typical, long, categories } = scripts(protocol, 10);
  const first = next(start(protocol));
  return {
    ...rate(protocol, typical),
    categories,
    long: long.length > 0 ? rate(protocol, long) : null,
    firstQuestion: first.kind === 'question' ? first.step.question : '',
  };
}

/** Analysis time (graph, exact path checks, all rules) of a loaded protocol: the median after one warm-up run. */
function analysis(dir: string) {
  const loaded = loadProtocol(dir);
  if (!loaded.protocol) throw new Error(`${dir} does not load`);
  const today = '2026-01-01';
  const times: number[] = [];
  let diagnostics = validateLoaded(loaded, { today });
  for (let run = 0; run < args.runs; run++) {
    // A fresh copy each run: nothing cached per protocol object carries over between runs.
    const copy = { ...loaded, protocol: structuredClone(loaded.protocol) };
    // Collect the garbage of the copy first (node --expose-gc), so its cost is not timed as analysis.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    diagnostics = validateLoaded(copy, { today });
    times.push(performance.now() - t0);
  }
  const steps = loaded.protocol.flows.reduce((n, f) => n + f.steps.length, 0);
  return { dir, steps, errors: hasErrors(diagnostics), findings: diagnostics.length, medianMs: median(times) };
}

const result = { engine: engine(), analysis: args.generated.map(analysis) };
process.stdout.write(`${JSON.stringify(result)}\n`);
