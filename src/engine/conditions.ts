// Evaluates all / any / not / fact conditions over the answers given so far.
import type { Condition, FactCondition } from '../model/core.js';
import type { AnswerValue } from '../model/core.js';

export type AnswerLookup = (step: string) => AnswerValue | undefined;

// Index loops, not every/some/map or for-of: the analysis evaluates conditions for every combination
// of answers it checks, in code that runs too briefly to be optimised, where each closure, array or
// iterator is an allocation. They were a large share of what validate allocates.
export function evaluate(condition: Condition, lookup: AnswerLookup): boolean {
  if ('all' in condition) {
    const all = condition.all;
    for (let i = 0; i < all.length; i++) if (!evaluate(all[i]!, lookup)) return false;
    return true;
  }
  if ('any' in condition) {
    const any = condition.any;
    for (let i = 0; i < any.length; i++) if (evaluate(any[i]!, lookup)) return true;
    return false;
  }
  if ('not' in condition) return !evaluate(condition.not, lookup);
  return evaluateFact(condition, lookup(condition.step));
}

function evaluateFact(fact: FactCondition, value: AnswerValue | undefined): boolean {
  if (fact.answered !== undefined && fact.answered !== (value !== undefined)) return false;
  if (fact.is === undefined && fact.min === undefined && fact.max === undefined) return true;
  if (value === undefined) return false;
  if (fact.is !== undefined) {
    if (Array.isArray(value)) {
      const values = value as readonly unknown[];
      let hit = false;
      for (let i = 0; i < values.length && !hit; i++) hit = isOneOf(String(values[i]), fact.is);
      if (!hit) return false;
    } else if (!isOneOf(String(value), fact.is)) return false;
  }
  if (fact.min !== undefined || fact.max !== undefined) {
    if (typeof value !== 'number') return false;
    if (fact.min !== undefined && value < fact.min) return false;
    if (fact.max !== undefined && value > fact.max) return false;
  }
  return true;
}

/** Whether `given` is `is` or one of its values, compared as text (as the answers file writes them). */
function isOneOf(given: string, is: NonNullable<FactCondition['is']>): boolean {
  if (!Array.isArray(is)) return String(is) === given;
  const wanted = is as readonly unknown[];
  for (let i = 0; i < wanted.length; i++) if (String(wanted[i]) === given) return true;
  return false;
}

/** An answer as a compiled condition reads it: the step it answers and the value. */
export interface StepValue {
  readonly step: string;
  readonly value: AnswerValue;
}

/** Finds the position of a step's answer in a list of answers (-1 when not answered). */
export interface AnswerFinder {
  find(answers: readonly StepValue[], step: string): number;
}

/** A condition compiled once: true when it holds for these answers (the latest answer per step counts). */
export type CompiledCondition = (answers: readonly StepValue[], finder: AnswerFinder) => boolean;

/**
 * Compiles a condition into a closure with the same result as `evaluate` over a look-up of the
 * latest answer per step. `own` gives the step id as the protocol's steps spell it.
 */
export function compileCondition(condition: Condition, own: (id: string) => string = (id) => id): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, own));
    if (parts.length === 1) return parts[0]!;
    return (answers, finder) => {
      for (const part of parts) if (!part(answers, finder)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, own));
    if (parts.length === 1) return parts[0]!;
    return (answers, finder) => {
      for (const part of parts) if (part(answers, finder)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, own);
    return (answers, finder) => !inner(answers, finder);
  }
  return compileFact(condition, own(condition.step));
}

function compileFact(fact: FactCondition, step: string): CompiledCondition {
  const valueOf = (answers: readonly StepValue[], finder: AnswerFinder): AnswerValue | undefined => {
    const i = finder.find(answers, step);
    return i < 0 ? undefined : answers[i]!.value;
  };
  const { answered, min, max } = fact;
  const wanted = fact.is === undefined ? undefined : (Array.isArray(fact.is) ? fact.is : [fact.is]).map(String);
  if (wanted === undefined && min === undefined && max === undefined) {
    if (answered === undefined) return () => true;
    return (answers, finder) => (valueOf(answers, finder) !== undefined) === answered;
  }
  const matches = (value: AnswerValue): boolean => {
    if (wanted !== undefined) {
      let hit = false;
      if (typeof value === 'string') hit = wanted.includes(value);
      else if (Array.isArray(value)) {
        for (const v of value as readonly unknown[]) {
          if (wanted.includes(String(v))) {
            hit = true;
            break;
          }
        }
      } else hit = wanted.includes(String(value));
      if (!hit) return false;
    }
    if (min !== undefined || max !== undefined) {
      if (typeof value !== 'number') return false;
      if (min !== undefined && value < min) return false;
      if (max !== undefined && value > max) return false;
    }
    return true;
  };
  return (answers, finder) => {
    const value = valueOf(answers, finder);
    if (value === undefined) return false;
    // Answered here, so `answered: false` fails (and `answered: true` holds).
    if (answered === false) return false;
    return matches(value);
  };
}
