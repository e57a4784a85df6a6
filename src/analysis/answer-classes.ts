// The answers a step can have, split into the classes that conditions can tell apart: each
// option, "ja"/"nee", "weet ik niet", "niet beantwoord", and for number steps the intervals between
// the thresholds that the protocol's conditions and ranges use (so one number per interval decides
// every condition exactly). A set of classes is a bigint bit mask.
import { conditionsOf, factsOf, UNKNOWN, YES, NO, type AnswerValue, type Condition, type Protocol, type Step } from '../model/core.js';
import type { Out } from './graph.js';

export interface AnswerClass {
  /** For messages: `ja`, `fysiek-geweld`, `12 t/m 17 jaar`, `weet ik niet`, `niet beantwoord`. */
  label: string;
  /** A representative answer (undefined = not answered). Multi steps: see `multi`. */
  value: AnswerValue | undefined;
  /** The "answered" class of a multi step: expanded into subsets of the values conditions name. */
  multi?: true;
}

export const UNANSWERED_BIT = 1n;
/** Multi steps with more values named in conditions than this are not expanded exactly. */
export const MAX_MULTI_VALUES = 12;

const bit = (i: number) => 1n << BigInt(i);

export class AnswerClasses {
  readonly classes: AnswerClass[] = [{ label: 'niet beantwoord', value: undefined }];
  /** Each class as a one-bit mask, by class index: made once, not per mask that is taken apart. */
  readonly bits: bigint[] = [UNANSWERED_BIT];
  /** All classes of an answer (everything but "niet beantwoord"). */
  answered = 0n;
  /** Values of a multi step that conditions name, in option order. */
  readonly mentioned: string[] = [];
  private readonly byValue = new Map<string, number>();
  private readonly intervals: { lo: number; hi: number; bit: bigint }[] = [];

  constructor(
    readonly step: Step,
    thresholds: ReadonlySet<number>,
    mentioned: ReadonlySet<string>,
  ) {
    const add = (label: string, value: AnswerValue | undefined, key?: string, multi?: true) => {
      const i = this.classes.length;
      this.classes.push({ label, value, ...(multi ? { multi } : {}) });
      const b = bit(i);
      this.bits.push(b);
      this.answered |= b;
      if (key !== undefined) this.byValue.set(key, i);
      return b;
    };
    switch (step.type) {
      case 'route':
        return;
      case 'yes-no':
        add(YES, YES, YES);
        add(NO, NO, NO);
        break;
      case 'choice':
        for (const o of step.options) if (!this.byValue.has(o.value)) add(o.value, o.value, o.value);
        break;
      case 'multi':
        for (const o of step.options) if (mentioned.has(o.value) && !this.mentioned.includes(o.value)) this.mentioned.push(o.value);
        add('beantwoord', [], undefined, true);
        break;
      case 'number': {
        const cuts = [...thresholds, step.min, step.max + 1].filter((c) => c >= step.min && c <= step.max + 1).sort((a, b) => a - b);
        const unit = step.unit ? ` ${step.unit}` : '';
        for (let i = 0; i < cuts.length - 1; i++) {
          const lo = cuts[i]!;
          const hi = cuts[i + 1]! - 1;
          if (hi < lo) continue;
          const b = add(lo === hi ? `${lo}${unit}` : `${lo} t/m ${hi}${unit}`, lo);
          this.intervals.push({ lo, hi, bit: b });
        }
        break;
      }
    }
    if (step.unknown) add('weet ik niet', UNKNOWN, UNKNOWN);
  }

  get full(): bigint {
    return this.answered | UNANSWERED_BIT;
  }

  /** Bits of the classes that take this out of the step (for the step's own answer). */
  select(out: Out): bigint {
    if (out.kind === 'option') return this.answered & ~this.unknownBit();
    if (out.branch?.path[0] === 'unknown') return this.unknownBit();
    const step = this.step;
    switch (step.type) {
      case 'yes-no':
        return this.valueBit(out.branch!.path[0] === 'yes' ? YES : NO);
      case 'choice':
        return this.valueBit(out.branch!.value!);
      case 'number': {
        const ranges = step.ranges ?? [];
        const rangeIndex = out.kind === 'fallthrough' ? -1 : (out.branch!.path[1] as number);
        let mask = 0n;
        for (const interval of this.intervals) {
          const first = ranges.findIndex((r) => (r.min === undefined || interval.lo >= r.min) && (r.max === undefined || interval.lo <= r.max));
          if (first === rangeIndex) mask |= interval.bit;
        }
        return mask;
      }
      default:
        return 0n;
    }
  }

  unknownBit(): bigint {
    const i = this.byValue.get(UNKNOWN);
    return i === undefined ? 0n : bit(i);
  }

  private valueBit(value: string): bigint {
    const i = this.byValue.get(value);
    return i === undefined ? 0n : bit(i);
  }

  /** The class of an actual answer (undefined = not answered), as the engine stores it. */
  classOf(value: AnswerValue | undefined): number | undefined {
    if (value === undefined) return 0;
    if (value === UNKNOWN) return this.byValue.get(UNKNOWN);
    if (Array.isArray(value)) return this.classes.findIndex((c) => c.multi);
    if (typeof value === 'number') {
      const interval = this.intervals.find((i) => value >= i.lo && value <= i.hi);
      return interval ? this.indices(interval.bit)[0] : undefined;
    }
    return this.byValue.get(String(value));
  }

  /** The class indices in a mask. */
  indices(mask: bigint): number[] {
    const out: number[] = [];
    const bits = this.bits;
    for (let i = 0; i < bits.length; i++) if ((mask & bits[i]!) !== 0n) out.push(i);
    return out;
  }

  labels(mask: bigint): string[] {
    return this.indices(mask).map((i) => this.classes[i]!.label);
  }
}

/**
 * Per step: the number thresholds and multi values that conditions (and number ranges) use.
 * `conditions` lists a step's conditions (the graph's shared list, or conditionsOf).
 */
export function collectThresholds(
  protocol: Protocol,
  conditions: (step: Step) => readonly { condition: Condition }[] = conditionsOf,
): {
  thresholds: Map<string, Set<number>>;
  mentioned: Map<string, Set<string>>;
} {
  const thresholds = new Map<string, Set<number>>();
  const mentioned = new Map<string, Set<string>>();
  const cut = (step: string, n: number) => {
    let set = thresholds.get(step);
    if (!set) thresholds.set(step, (set = new Set()));
    set.add(n);
  };
  for (const flow of protocol.flows) {
    for (const step of flow.steps) {
      if (step.type === 'number') {
        for (const r of step.ranges ?? []) {
          if (r.min !== undefined) cut(step.id, r.min);
          if (r.max !== undefined) cut(step.id, r.max + 1);
        }
      }
      for (const { condition } of conditions(step)) {
        for (const fact of factsOf(condition)) {
          if (fact.min !== undefined) cut(fact.step, Math.ceil(fact.min));
          if (fact.max !== undefined) cut(fact.step, Math.floor(fact.max) + 1);
          if (fact.is === undefined) continue;
          for (const v of Array.isArray(fact.is) ? fact.is : [fact.is]) {
            const n = typeof v === 'number' ? v : /^-?\d+$/.test(v) ? Number(v) : NaN;
            if (Number.isInteger(n)) {
              cut(fact.step, n);
              cut(fact.step, n + 1);
            }
            let set = mentioned.get(fact.step);
            if (!set) mentioned.set(fact.step, (set = new Set()));
            set.add(String(v));
          }
        }
      }
    }
  }
  return { thresholds, mentioned };
}
