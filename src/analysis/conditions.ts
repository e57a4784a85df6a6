// Static checks of one fact condition against the step it names, independent of where it is used:
// values the step can never give, bounds that exclude every answer, a route step used as a question.
import { suggest } from '../diagnostics/index.js';
import { UNKNOWN, YES, NO, type Condition, type FactCondition, type Step } from '../model/core.js';
import type { Finding } from './rule.js';

/** Every fact condition in a tree, with whether it counts positively (not under an odd number of `not`s). */
export function factsWithPolarity(condition: Condition, positive = true): { fact: FactCondition; positive: boolean }[] {
  if ('all' in condition) return condition.all.flatMap((c) => factsWithPolarity(c, positive));
  if ('any' in condition) return condition.any.flatMap((c) => factsWithPolarity(c, positive));
  if ('not' in condition) return factsWithPolarity(condition.not, !positive);
  return [{ fact: condition, positive }];
}

/** Fact conditions a form check (`oneAlwaysHolds`) weighs at most: 2^12 assignments. */
const MAX_FORM_FACTS = 12;

/**
 * Whether one of these conditions holds whatever the answers, by their form alone: every way of
 * making each fact condition true or false makes one of them true ("A" next to "not A"; "not (A and
 * B)" next to "A and B"). What the facts mean is not weighed (age ≤ 17 next to age ≥ 18 is not seen),
 * so true is always right and false may be a miss. False beyond MAX_FORM_FACTS distinct facts.
 */
export function oneAlwaysHolds(conditions: readonly Condition[]): boolean {
  const facts = new Map<string, number>();
  const idOf = (fact: FactCondition) => {
    const key = JSON.stringify(
      Object.keys(fact)
        .sort()
        .map((k) => [k, fact[k as keyof FactCondition]]),
    );
    let id = facts.get(key);
    if (id === undefined) facts.set(key, (id = facts.size));
    return id;
  };
  type Form = { all: Form[] } | { any: Form[] } | { not: Form } | number;
  const formOf = (c: Condition): Form => ('all' in c ? { all: c.all.map(formOf) } : 'any' in c ? { any: c.any.map(formOf) } : 'not' in c ? { not: formOf(c.not) } : idOf(c));
  const forms = conditions.map(formOf);
  if (facts.size > MAX_FORM_FACTS) return false;
  const holds = (f: Form, truth: number): boolean =>
    typeof f === 'number' ? (truth & (1 << f)) !== 0 : 'all' in f ? f.all.every((g) => holds(g, truth)) : 'any' in f ? f.any.some((g) => holds(g, truth)) : !holds(f.not, truth);
  for (let truth = 0; truth < 1 << facts.size; truth++) if (!forms.some((f) => holds(f, truth))) return false;
  return true;
}

/** The answers a step can give, as condition values. */
export function answerValues(step: Step): string[] {
  const values = step.type === 'yes-no' ? [YES, NO] : step.type === 'choice' || step.type === 'multi' ? step.options.map((o) => o.value) : [];
  return step.type !== 'route' && step.unknown ? [...values, UNKNOWN] : values;
}

const TYPE_NAMES: Record<Step['type'], string> = {
  'yes-no': 'een ja/nee-vraag',
  choice: 'een keuzevraag',
  multi: 'een meerkeuzevraag',
  number: 'een getalvraag',
  route: 'een routestap',
};

/** Problems of a fact condition on its own. Empty when it can hold for some answer of its step. */
export function staticFactProblems(fact: FactCondition, step: Step): Finding[] {
  const out: Finding[] = [];
  const name = `stap "${step.id}"`;
  const asks = fact.is !== undefined || fact.min !== undefined || fact.max !== undefined;
  // A number step whose own min is above its max is the loader's error, at the step: no answer fits
  // any bound, and blaming every condition on the step would bury that one cause.
  const noNumbers = step.type === 'number' && step.min > step.max;
  if (step.type === 'route') {
    if (asks || fact.answered === true) {
      out.push({
        node: fact,
        key: 'step',
        message: `${name} is een routestap en krijgt nooit een antwoord; deze voorwaarde kan nooit gelden`,
        hint: 'Verwijs naar een vraag (yes-no, choice, multi of number), niet naar een routestap.',
      });
    }
    return out;
  }
  if (fact.answered === false && asks) {
    out.push({
      node: fact,
      key: 'answered',
      message: `"answered: false" samen met een waarde (is, min of max) kan nooit gelden: zonder antwoord is er geen waarde`,
      hint: 'Haal "answered: false" weg, of de waarde.',
    });
  }
  if (fact.is !== undefined) {
    const list = Array.isArray(fact.is) ? fact.is : [fact.is];
    const allowed = answerValues(step);
    list.forEach((value, i) => {
      const at = Array.isArray(fact.is) ? { node: fact.is as object, key: i } : { node: fact, key: 'is' };
      const text = String(value);
      if (text === UNKNOWN) {
        if (!step.unknown) {
          out.push({
            ...at,
            message: `${name} biedt geen "weet ik niet"; de waarde "${UNKNOWN}" komt daar nooit voor`,
            hint: `Geef stap "${step.id}" een "unknown:"-tak, of haal "${UNKNOWN}" hier weg.`,
          });
        }
        return;
      }
      if (step.type === 'number') {
        const n = typeof value === 'number' ? value : /^-?\d+$/.test(text) ? Number(text) : NaN;
        if (!Number.isInteger(n) || (!noNumbers && (n < step.min || n > step.max))) {
          out.push({
            ...at,
            message: `${name} vraagt een heel getal van ${step.min} t/m ${step.max}; het antwoord "${text}" komt nooit voor`,
            hint: 'Gebruik een getal binnen het bereik van de vraag, of min en max voor een reeks getallen.',
          });
        }
        return;
      }
      if (!allowed.includes(text)) {
        const guess = suggest(text, allowed);
        out.push({
          ...at,
          message: `${name} heeft geen antwoord "${text}"; deze waarde komt nooit voor`,
          hint: guess ? `Bedoel je "${guess}"? Mogelijk: ${allowed.join(', ')}.` : `Mogelijke waarden: ${allowed.join(', ')}.`,
        });
      }
    });
  }
  if (fact.min !== undefined || fact.max !== undefined) {
    const key = fact.min !== undefined ? 'min' : 'max';
    if (step.type !== 'number') {
      out.push({
        node: fact,
        key,
        message: `min en max werken alleen bij een getalvraag; ${name} is ${TYPE_NAMES[step.type]}`,
        hint: `Gebruik "is:" met een van: ${answerValues(step).join(', ')}.`,
      });
    } else if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
      out.push({
        node: fact,
        key: 'min',
        message: `min (${fact.min}) is groter dan max (${fact.max}); geen enkel getal past`,
        hint: 'Draai min en max om.',
      });
    } else if (!noNumbers && ((fact.min ?? -Infinity) > step.max || (fact.max ?? Infinity) < step.min)) {
      out.push({
        node: fact,
        key,
        message: `${name} vraagt een getal van ${step.min} t/m ${step.max}; deze grens sluit elk antwoord uit`,
        hint: `Kies min en max binnen ${step.min} t/m ${step.max}.`,
      });
    }
  }
  return out;
}
