// In-process measurements for `npm run bench` (bundled by bench/run.mjs with esbuild, run in a
// child process): the engine's walk rate over the shipped protocol, and the analysis time of
// generated protocols. Prints one JSON object on stdout.
import { adviceOf, answer, next, start, type WalkState } from '../src/engine/index.js';
import { validateLoaded } from '../src/analysis/index.js';
import { hasErrors } from '../src/diagnostics/index.js';
import { loadProtocol } from '../src/loader/index.js';
import { UNKNOWN, type AnswerValue, type Protocol, type QuestionStep } from '../src/model/index.js';

interface Args {
  shipped: string;
  generated: string[];
  /** Timed runs per measurement (the median is reported). */
  runs: number;
}

const args: Args = JSON.parse(process.argv[2]!) as Args;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** A small deterministic PRNG (mulberry32), so the scripts are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
      // An exclusive option ("Niets hiervan") only on its own.
      return (ticked.length > 1 ? ticked.filter((o) => !o.exclusive) : ticked).map((o) => o.value);
    }
    case 'number': {
      if (step.unknown && r() < 0.1) return UNKNOWN;
      // A bound of every range, so each range is taken by some script.
      const points = [step.min, step.max, ...(step.ranges ?? []).flatMap((x) => [x.min, x.max])].filter(
        (n): n is number => n !== undefined && n >= step.min && n <= step.max,
      );
      return points[Math.floor(r() * points.length)]!;
    }
  }
}

/**
 * Answer scripts covering every category: for each option of the category question (the second
 * question of the entry flow), `perCategory` random complete walks. Each script is a list of raw
 * answers that the engine accepts in order and that finishes the walk.
 */
function scripts(protocol: Protocol, perCategory: number): AnswerValue[][] {
  const first = next(start(protocol));
  if (first.kind !== 'question') throw new Error('the protocol asks no question');
  const out: AnswerValue[][] = [];
  let seed = 1;
  // The categories: the options of the first question that offers more than yes/no/unknown.
  let probe = start(protocol);
  let categories: string[] = [];
  for (let guard = 0; guard < 10; guard++) {
    const q = next(probe);
    if (q.kind !== 'question') break;
    // The category question: a choice, or (incident model v2) a multi step.
    if (q.step.type === 'choice' || q.step.type === 'multi') {
      categories = q.options.map((o) => o.value).filter((v) => v !== UNKNOWN);
      break;
    }
    const r = answer(probe, q.options.find((o) => o.value !== UNKNOWN)?.value ?? UNKNOWN);
    if (!r.ok) throw new Error(r.message);
    probe = r.state;
  }
  if (categories.length === 0) throw new Error('no category question found');
  const categoryQuestion = (next(probe) as { step: QuestionStep }).step;
  const categoryStep = categoryQuestion.id;
  const asCategory = (c: string): AnswerValue => (categoryQuestion.type === 'multi' ? [c] : c);
  for (const category of categories) {
    for (let k = 0; k < perCategory; k++) {
      const r = random(seed++);
      let state: WalkState = start(protocol);
      const script: AnswerValue[] = [];
      for (let guard = 0; guard < 500; guard++) {
        const q = next(state);
        if (q.kind === 'done') break;
        const value = q.step.id === categoryStep ? asCategory(category) : pick(q.step, q.options, r);
        const result = answer(state, value);
        if (!result.ok) throw new Error(`script ${seed}: ${q.step.id}: ${result.message}`);
        script.push(value);
        state = result.state;
      }
      if (next(state).kind !== 'done') throw new Error(`script ${seed} does not finish`);
      out.push(script);
    }
  }
  return out;
}

/** Runs every script once: start, answer each in turn, then the advice. Returns the walks done. */
function walkAll(protocol: Protocol, all: readonly AnswerValue[][]): number {
  let items = 0;
  for (const script of all) {
    let state = start(protocol);
    for (const value of script) {
      const result = answer(state, value);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
    }
    const advice = adviceOf(state);
    items += advice.partners.length + advice.actions.length;
  }
  if (items === 0) throw new Error('the walks gave no advice');
  return all.length;
}

function engine() {
  const loaded = loadProtocol(args.shipped);
  if (!loaded.ok || !loaded.protocol) throw new Error('the shipped protocol does not load');
  const protocol = loaded.protocol;
  const all = scripts(protocol, 10);
  const categories = new Set(all.map((s) => String(s[1])));
  const answers = all.reduce((n, s) => n + s.length, 0);
  // Warm up, then time batches of at least 200 ms each.
  for (let i = 0; i < 20; i++) walkAll(protocol, all);
  const rates: number[] = [];
  for (let run = 0; run < args.runs; run++) {
    let walks = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < 200) {
      walks += walkAll(protocol, all);
      elapsed = performance.now() - t0;
    }
    rates.push((walks / elapsed) * 1000);
  }
  const first = next(start(protocol));
  return {
    walksPerSecond: median(rates),
    scripts: all.length,
    categories: categories.size,
    answersPerWalk: answers / all.length,
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
