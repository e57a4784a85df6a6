// A `when:` condition in short Dutch, for diagrams and explanations: "leeftijd 12 t/m 17 en gevaar = ja".
import type { Condition, FactCondition } from '../model/core.js';
import { sanitize } from './sanitize.js';

export function describeCondition(condition: Condition): string {
  return describe(condition, false);
}

function describe(condition: Condition, nested: boolean): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if ('all' in condition) return condition.all.length === 1 ? describe(condition.all[0]!, nested) : wrap(condition.all.map((c) => describe(c, true)).join(' en '));
  if ('any' in condition) return condition.any.length === 1 ? describe(condition.any[0]!, nested) : wrap(condition.any.map((c) => describe(c, true)).join(' of '));
  if ('not' in condition) return `niet ${describe(condition.not, true)}`;
  return describeFact(condition);
}

function describeFact(fact: FactCondition): string {
  const step = sanitize(fact.step);
  const parts: string[] = [];
  if (fact.is !== undefined) {
    const values = (Array.isArray(fact.is) ? fact.is : [fact.is]).map((v) => sanitize(String(v)));
    parts.push(values.length === 1 ? `${step} = ${values[0]}` : `${step} is ${values.slice(0, -1).join(', ')} of ${values.at(-1)}`);
  }
  if (fact.min !== undefined || fact.max !== undefined) {
    const range =
      fact.min === undefined ? `t/m ${fact.max}` : fact.max === undefined ? `${fact.min} of meer` : fact.min === fact.max ? `= ${fact.min}` : `${fact.min} t/m ${fact.max}`;
    parts.push(`${step} ${range}`);
  }
  if (fact.answered !== undefined) parts.push(fact.answered ? `${step} beantwoord` : `${step} niet gevraagd`);
  return parts.length ? parts.join(' en ') : 'altijd';
}
