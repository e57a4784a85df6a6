// Evaluates all / any / not / fact conditions over the answers given so far.
import type { Condition, FactCondition } from '../../../src/model/core.js';
import type { AnswerValue } from '../../../src/model/core.js';

export type AnswerLookup = (step: string) => AnswerValue | undefined;

export function evaluate(condition: Condition, lookup: AnswerLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, lookup));
  if ('not' in condition) return !evaluate(condition.not, lookup);
  return evaluateFact(condition, lookup(condition.step));
}

function evaluateFact(fact: FactCondition, value: AnswerValue | undefined): boolean {
  if (fact.answered !== undefined && fact.answered !== (value !== undefined)) return false;
  if (fact.is === undefined && fact.min === undefined && fact.max === undefined) return true;
  if (value === undefined) return false;
  if (fact.is !== undefined) {
    const wanted = (Array.isArray(fact.is) ? fact.is : [fact.is]).map(String);
    const given = Array.isArray(value) ? value.map(String) : [String(value)];
    if (!given.some((v) => wanted.includes(v))) return false;
  }
  if (fact.min !== undefined || fact.max !== undefined) {
    if (typeof value !== 'number') return false;
    if (fact.min !== undefined && value < fact.min) return false;
    if (fact.max !== undefined && value > fact.max) return false;
  }
  return true;
}
