// The "Nu direct" screen of the shipped protocol, for every one or two categories together: what a
// person under stress reads first must say each thing once and never the opposite of itself. (Two
// "call the parents" lines can be right: with two categories they may be about two children.) Two
// categories each add their own lines (drugs: "Bel 112 als…", psychische nood: "Bel 112."); keys
// merge them, and this walks every pair to find the ones that do not (seeded random answers, so the
// same walks on every run).
import { describe, expect, it } from 'vitest';

import { categoriesOf, categoryCases, randomWalk, shownAnswers } from './helpers/random-walk.js';
import { shipped } from './helpers/shipped.js';
import { seededRandom } from './helpers/seeded-random.js';

const protocol = shipped().protocol!;
const categories = categoriesOf(protocol);
const DANGER = ['ja', 'dader-in-de-buurt', 'net-gebeurd-op-school', 'nee', 'weet-niet'];
const WALKS_PER_CASE = 12;

/** The immediate lines (actions and partner tasks) of one walk, and how it was answered. */
function firstScreen(categoriesTicked: string[], danger: string, random: () => number): { lines: string[]; answers: string } {
  const { advice, answers } = randomWalk(protocol, categoriesTicked, danger, random);
  const lines = [
    ...advice.actions.filter((a) => a.urgency === 'immediate').map((a) => a.text),
    ...advice.partners.flatMap((p) => p.taskItems.filter((t) => t.urgency === 'immediate').map((t) => t.text)),
  ];
  return { lines, answers: shownAnswers(answers) };
}

/** Lines that do the same thing: at most one of each on the first screen. */
const ONCE: [string, RegExp][] = [
  // A line that is only a call to 112: "Bel 112." or "Is … in gevaar? Bel 112.". A line with its own
  // trigger ("Bel 112 als de persoon niet goed wakker te krijgen is") may stand next to a danger one.
  ['a 112 call', /^(?:[^.]*\? )?Bel (?:dan )?112\.$/],
  ['first aid', /eerste hulp/i],
  ['staying with the pupil', /\bBlijf bij (?:de leerling|het kind|de persoon)\b/],
];
const CALL_PARENTS_NOW = /^(?:Bel|Informeer) (?:direct )?de ouders(?![^.]*\bniet\b)/;
const NOT_THE_PARENTS = /ouders[^.]*\bniet zelf\b/;
const short = (line: string) => (line.length > 90 ? `${line.slice(0, 90)}…` : line);

describe('the first screen of the shipped protocol, one or two categories at a time', () => {
  const problems: string[] = [];
  const random = seededRandom(2026);
  let walks = 0;
  for (const { ticked, danger } of categoryCases(categories, DANGER, WALKS_PER_CASE)) {
    const { lines, answers } = firstScreen(ticked, danger, random);
    walks++;
    for (const [what, pattern] of ONCE) {
      const hits = lines.filter((l) => pattern.test(l));
      if (hits.length > 1) problems.push(`${what} twice: ${hits.map(short).join(' | ')}\n  ${answers}`);
    }
    const call = lines.find((l) => CALL_PARENTS_NOW.test(l));
    const dont = lines.find((l) => NOT_THE_PARENTS.test(l));
    if (call && dont) problems.push(`parents now and not yourself: ${short(call)} | ${short(dont)}\n  ${answers}`);
  }

  it('walks every single category and every pair, for every answer to the danger question', () => {
    expect(walks).toBe(((categories.length * (categories.length + 1)) / 2) * DANGER.length * WALKS_PER_CASE);
  });

  it('says each first step once, and never both "call the parents now" and "not yourself"', () => {
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
