// The whole advice of the shipped protocol, for every one or two categories together: lines that
// contradict each other across categories. One says to inform the parents today, another not to
// contact this pupil's family; one says to talk to the perpetrator, another not to confront the
// suspect; one says to make screenshots where another category has nude images of a child. And the
// lines a category must always give (a merge or a condition must not lose them).
// Each category is right on its own; keys and conditions must settle the pair. Seeded random
// answers, so the same walks on every run (as test/shipped-first-screen.test.ts does for the
// first screen).
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../src/model/index.js';
import { categoriesOf, categoryCases, randomWalk, shownAnswers } from './helpers/random-walk.js';
import { shipped } from './helpers/shipped.js';
import { seededRandom } from './helpers/seeded-random.js';

const protocol = shipped().protocol!;
const categories = categoriesOf(protocol);
const DANGER = ['ja', 'nee', 'weet-niet'];
const WALKS_PER_CASE = 6;

/** Every line of one walk's advice: actions, partner tasks, info, and the rules' conclusions and steps. */
function walk(categoriesTicked: string[], danger: string, random: () => number): { lines: string[]; answers: Record<string, AnswerValue> } {
  const { advice, answers } = randomWalk(protocol, categoriesTicked, danger, random);
  const lines = [
    ...advice.actions.map((a) => a.text),
    ...advice.partners.flatMap((p) => p.taskItems.map((t) => t.text)),
    ...advice.info.map((i) => i.text),
    ...advice.rules.flatMap((r) => [...r.conclusions, ...r.steps]),
  ];
  return { lines, answers };
}

interface Conflict {
  what: string;
  one: RegExp;
  other: RegExp;
  /** When these two lines are both right because they are about different people. */
  apart?: (one: string, other: string, answers: Record<string, AnswerValue>) => boolean;
}

/** Lines about the parents of other pupils than the one whose home may be the danger. */
const OTHER_PUPILS = /betrokken leerling|van de pester|van pesters|van wie iets gestolen|van slachtoffer en dader|van de gepeste/;

const CONFLICTS: Conflict[] = [
  {
    what: "inform or call the parents, and do not contact this pupil's family",
    // A letter to the parents of the other pupils (overlijden) is about other families; "pas na overleg"
    // says when, not now. The "not" side is the lines that say it without a condition: psychische nood's
    // "nu niet zelf" and the meldcode's "als dat het kind in gevaar kan brengen" leave the other lines
    // standing on purpose and are not checked here.
    one: /^(?:Informeer|Bel) (?:vandaag |direct )?de ouders(?! van de minderjarige leerlingen die het aangaat)(?![^.]*\b(?:niet|pas na)\b)/,
    other: /Bel de ouders of familie van deze leerling niet|Bel de ouders nog niet zelf|de ouders nog niets/,
    // The "not" line says the other pupils' parents may be told, and the other line is about them.
    apart: (one, other) => /Ouders van andere betrokken leerlingen/.test(other) && OTHER_PUPILS.test(one),
  },
  {
    what: 'talk to the perpetrator, and do not confront the suspect',
    one: /\bPraat\b[^.]*\bde daders?\b|\ben met de dader\b|\bPraat met de dader/,
    other: /\bniet zelf (?:op )?aan\b/,
    // sexting: a parent named as the perpetrator did not spread the images, a pupil did ("Is er een
    // volwassene die de beelden verspreidde?" nee): the school talks to the pupil, the police to the parent.
    apart: (one, other, a) =>
      one.startsWith('Praat met de dader(s) en, bij minderjarigen') && other.startsWith('Spreek de ouder er niet zelf op aan') && a['sexting-volwassene'] === 'nee',
  },
];

/** Lines that must be there whenever their category is ticked (so a merge or a condition cannot lose them). */
const ALWAYS: [category: string, line: RegExp][] = [
  ['eergerelateerd', /^Bel de ouders of familie van deze leerling niet/],
  ['relatiegeweld', /^Praat apart en rustig met de leerling/],
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
  for (const { ticked: pair, danger } of categoryCases(categories, DANGER, WALKS_PER_CASE)) {
    const { lines, answers } = walk(pair, danger, random);
    walks++;
    for (const { what, one, other, apart } of CONFLICTS) {
      for (const a of lines.filter((l) => one.test(l))) {
        const b = lines.find((l) => other.test(l) && !apart?.(a, l, answers));
        if (b) problems.push(`${what}: ${short(a)} | ${short(b)}\n  ${shownAnswers(answers)}`);
      }
    }
    for (const [category, line] of ALWAYS) {
      if (pair.includes(category) && !lines.some((l) => line.test(l))) problems.push(`${category} without its line ${String(line)}\n  ${shownAnswers(answers)}`);
    }
    const screenshots = lines.find((l) => MAKE_SCREENSHOTS.test(l));
    if (screenshots && pair.some((c) => IMAGES_OF_A_CHILD.includes(c))) {
      problems.push(`screenshots where nude images of a child may be: ${short(screenshots)}\n  ${shownAnswers(answers)}`);
    }
  }

  it('walks every single category and every pair, for three answers to the danger question', () => {
    expect(walks).toBe(((categories.length * (categories.length + 1)) / 2) * DANGER.length * WALKS_PER_CASE);
  });

  it('never says both sides of a conflict', () => {
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
