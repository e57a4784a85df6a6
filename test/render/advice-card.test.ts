// The "Nu en vandaag" card that opens the advice: for every shipped scenario and the four terminal
// sizes it fits the first screen (one line spare for a pager), no line is too wide, it starts with
// the first thing to do now, and every partner on it comes with the partner's number.
import { describe, expect, it } from 'vitest';
import { adviceOf, replay } from '../../src/engine/index.js';
import { adviceCard, renderAdviceText } from '../../src/render/advice-text.js';
import { nowAndToday, phoneOf } from '../../src/render/advice-view.js';
import { PLAIN } from '../../src/render/theme.js';
import { protocolFrom, yaml } from '../helpers/protocol.js';
import { failingScenarios, shipped } from '../helpers/shipped.js';

const SIZES = [
  [80, 24],
  [100, 30],
  [60, 12],
  [40, 30],
] as const;

describe('the "Nu en vandaag" card', () => {
  const loaded = shipped();

  it('fits the first screen, starts with the first thing to do and gives each partner its number: every shipped scenario at four terminal sizes', () => {
    const check = (answers: Record<string, unknown>) => {
      const advice = adviceOf(replay(loaded.protocol!, answers).state);
      for (const [columns, rows] of SIZES) {
        const width = columns - 1;
        const text = renderAdviceText({ advice, protocol: loaded.protocol! }, PLAIN, { width, rows });
        const todos = nowAndToday(advice);
        const at = `at ${columns}x${rows}`;
        const lines = text.split('\n');
        const end = lines.findIndex((l, i) => i > 0 && /^━+$/.test(l));
        const card = lines.slice(0, end + 1);
        expect(card[0], at).toMatch(/^━━ NU EN VANDAAG/);
        expect(card.length, at).toBeLessThanOrEqual(rows - 1);
        for (const line of card) expect([...line].length, `${at}: ${line}`).toBeLessThanOrEqual(width);
        const flat = card.join(' ').replace(/\s+/g, ' ');
        // Nothing to do now or today: the card fits and says so, with no first point.
        if (todos.length === 0) {
          expect(flat, at).not.toContain('1. ');
          continue;
        }
        const first = todos[0]!;
        expect(flat, at).toContain(`1. ${first.partner ? `${first.partner.name}: ` : ''}${first.text.split(' ').slice(0, 2).join(' ')}`);
        for (const p of advice.partners) {
          const phone = phoneOf(p.partner);
          if (phone && flat.includes(`${p.name}:`)) expect(flat, at).toContain(`Bel: ${phone}`.replace(/\s+/g, ' '));
        }
      }
    };
    expect(failingScenarios(check)).toEqual([]);
  });

  it('shortens a point that opens with a question to the question and what to do', () => {
    const { state } = replay(
      protocolFrom(yaml`
        flows:
          - id: main
            title: Hoofd
            steps:
              - id: a
                type: yes-no
                question: Brand?
                advice:
                  - { action: "Brandt het nog? Sla alarm en bel 112. Laat daarna de schade opnemen door de conciërge en noteer wat er gebeurde.", urgency: immediate, sources: [s1] }
                  - { action: "Schrijf op wat er gebeurde. Doe dat met datum en tijd, en met de namen van wie het zagen en wat zij vertelden.", urgency: today, sources: [s1] }
                  - { action: "Is er nu direct gevaar? Bel 112.", urgency: immediate, sources: [s1] }
                yes: { next: end }
                no: { next: end }
      `),
      { a: 'ja' },
    );
    const advice = adviceOf(state);
    const full = adviceCard(advice, PLAIN, 79, 40).join(' ');
    const short = adviceCard(advice, PLAIN, 79, 7).join(' ');
    expect(full).toContain('Laat daarna de schade opnemen');
    expect(short).toContain('Brandt het nog? Sla alarm en bel 112. …');
    expect(short).toContain('Schrijf op wat er gebeurde. …');
    // A question with only one sentence after it is kept whole, never cut to the bare question.
    expect(short).toContain('Is er nu direct gevaar? Bel 112.');
    expect(short).not.toContain('gevaar? …');
  });

  it('shortens before it leaves points out, and says how many are left', () => {
    const advice = adviceOf(replay(loaded.protocol!, { 'acuut-gevaar': 'ja', categorie: 'fysiek-geweld', 'fysiek-geweld-letsel': 'ja' }).state);
    const roomy = adviceCard(advice, PLAIN, 79, 40);
    const tight = adviceCard(advice, PLAIN, 59, 11);
    expect(roomy.some((l) => l.includes('…'))).toBe(false);
    expect(tight.length).toBeLessThanOrEqual(11);
    if (tight.length < roomy.length) expect(tight.join('\n')).toMatch(/…|\+ nog \d+ punt/);
  });
});
