// The whole advice of the shipped protocol, for every one or two categories together: lines that
// contradict each other across categories. One says to inform the parents today, another not to
// contact the family; one says to talk to the perpetrator, another not to confront the suspect; one
// says to make screenshots where another category has nude images of a child.
// Each category is right on its own; keys and conditions must settle the pair. Seeded random
// answers, so the same walks on every run (as test/shipped-first-screen.test.ts does for the
// first screen).
import { describe, expect, it } from 'vitest';
import type { AnswerValue, ChoiceStep } from '../src/model/index.js';
import { randomWalk, shownAnswers } from './helpers/random-walk.js';
import { shipped } from './helpers/shipped.js';
import { seededRandom } from './helpers/seeded-random.js';

const protocol = shipped().protocol!;
const categories = (protocol.flows.flatMap((f) => f.steps).find((s) => s.id === 'categorie') as ChoiceStep).options.map((o) => o.value);
const DANGER = ['ja', 'nee', 'weet-niet'];
const WALKS_PER_CASE = 6;

/** Every line of one walk's advice: actions, partner tasks and info. */
function walk(categoriesTicked: string[], danger: string, random: () => number): { lines: string[]; answers: Record<string, AnswerValue> } {
  const { advice, answers } = randomWalk(protocol, categoriesTicked, danger, random);
  const lines = [...advice.actions.map((a) => a.text), ...advice.partners.flatMap((p) => p.taskItems.map((t) => t.text)), ...advice.info.map((i) => i.text)];
  return { lines, answers };
}

interface Conflict {
  what: string;
  one: RegExp;
  other: RegExp;
  /** Walks where both lines are right because they are about different people. */
  apart?: (answers: Record<string, AnswerValue>) => boolean;
}

const CONFLICTS: Conflict[] = [
  {
    what: 'inform the parents today, and do not contact the family',
    // A letter to the parents of the other pupils (overlijden) is about other families.
    one: /^Informeer (?:vandaag )?de ouders(?! van de minderjarige leerlingen die het aangaat)(?![^.]*\bniet\b)/,
    other: /Bel de ouders of familie niet|Informeer de ouders (?:dan |nu )?niet|de ouders nog niets/,
  },
  {
    what: 'talk to the perpetrator, and do not confront the suspect',
    one: /\b(?:Praat (?:apart )?met (?:het slachtoffer en met )?de dader|en met de dader)\b/,
    other: /\bniet zelf (?:op )?aan\b/,
    // A parent named as the perpetrator did not spread the images, a pupil did (sexting-volwassene "nee"):
    // the school talks to the pupil and leaves the parent to the police.
    apart: (a) => a['sexting-volwassene'] === 'nee' && a['sexting-dader'] === 'leerling',
  },
];

/**
 * Where nude images of a child may be in the chat (sexting, abuse images, grooming, a staff member's
 * misconduct, a partner who forces nudes), making screenshots or copies is itself a crime: no line may
 * tell staff to make them.
 */
const IMAGES_OF_A_CHILD = ['sexting', 'misbruikbeelden', 'zeden-extern', 'zeden-medewerker', 'relatiegeweld'];
const MAKE_SCREENSHOTS = /\bmaak screenshots\b|\bberichten, screenshots\b/i;

const short = (line: string) => (line.length > 100 ? `${line.slice(0, 100)}…` : line);
describe('the whole advice of the shipped protocol, one or two categories at a time', () => {
  const problems: string[] = [];
  const random = seededRandom(2027);
  let walks = 0;
  for (let i = 0; i < categories.length; i++) {
    for (let j = i; j < categories.length; j++) {
      const pair = i === j ? [categories[i]!] : [categories[i]!, categories[j]!];
      for (const danger of DANGER) {
        for (let k = 0; k < WALKS_PER_CASE; k++) {
          const { lines, answers } = walk(pair, danger, random);
          walks++;
          for (const { what, one, other, apart } of CONFLICTS) {
            const a = lines.find((l) => one.test(l));
            const b = lines.find((l) => other.test(l));
            if (a && b && !apart?.(answers)) problems.push(`${what}: ${short(a)} | ${short(b)}\n  ${shownAnswers(answers)}`);
          }
          const screenshots = lines.find((l) => MAKE_SCREENSHOTS.test(l));
          if (screenshots && pair.some((c) => IMAGES_OF_A_CHILD.includes(c))) {
            problems.push(`screenshots where nude images of a child may be: ${short(screenshots)}\n  ${shownAnswers(answers)}`);
          }
        }
      }
    }
  }

  it('walks every single category and every pair, for three answers to the danger question', () => {
    expect(walks).toBe(((categories.length * (categories.length + 1)) / 2) * DANGER.length * WALKS_PER_CASE);
  });

  it('never says both sides of a conflict', () => {
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
