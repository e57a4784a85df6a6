// The advice renderers: snapshots of text and markdown (colour off, fixed date) on a small fixture
// protocol that uses every section, the JSON contract checked with a zod schema over every
// shipped scenario, and the 80-column promise.
import { describe, expect, it } from 'vitest';
import { adviceOf, replay } from '../../src/engine/index.js';
import { hashFiles } from '../../src/loader/index.js';
import { renderAdviceJson } from '../../src/render/advice-json.js';
import { renderAdviceMarkdown } from '../../src/render/advice-markdown.js';
import { renderAdviceText } from '../../src/render/advice-text.js';
import type { AdviceInput } from '../../src/render/advice-view.js';
import { createTheme } from '../../src/cli/color-theme.js';
import { PLAIN } from '../../src/render/theme.js';
import { BASE as TEST_BASE, load, yaml } from '../helpers/protocol.js';
import { failingScenarios, shipped } from '../helpers/shipped.js';
import { expectAdviceContract } from '../helpers/advice-contract.js';
import { FLOWS as V2_FLOWS } from '../engine/v2-fixture.js';

// Dates in the markdown are local time; pin the zone so the snapshot is the same everywhere.
process.env.TZ = 'Europe/Amsterdam';
const GENERATED = new Date('2026-01-15T09:30:00Z');

const BASE = yaml`
  protocol:
    id: proef
    title: Proefprotocol
    region: Proefregio
    version: "3.1"
    signed: 2025-10-01
    evaluation: 2026-10-01
    start: main
  sources:
    - { id: s-112, kind: website, title: "Politie: spoed 112", url: "https://www.politie.nl/" }
    - { id: art-2.3, kind: covenant, title: "Convenant art. 2.3: vast aanspreekpunt", article: "2.3" }
    - { id: wet, kind: law, title: Wet op het voortgezet onderwijs, article: art. 3 }
    - { id: los, kind: guidance, title: Een handreiking met een lange titel die zeker over meer dan één regel loopt als je hem afdrukt, unconfirmed: true }
  partners:
    - id: politie
      name: Politie
      kind: core
      contact: { phone: "112 bij spoed, 0900-8844 zonder spoed", note: "Vraag naar de wijkagent." }
      person: { name: null, role: null, phone: null, email: null, reviewed: null }
    - id: cjg
      name: Centrum voor Jeugd en Gezin
      kind: core
      contact: { note: Zie Bijlage 2. }
      person: { name: J. Jansen, role: jeugdwerker, phone: "06-00000000", email: null, reviewed: 2026-01-01 }
  rules:
    - { id: meldcode, title: Meldcode, sources: [wet] }
`;

const FLOWS = yaml`
  flows:
    - id: main
      title: Proef
      steps:
        - id: gevaar
          type: yes-no
          question: Is er nu gevaar?
          yes:
            advice:
              - { action: Bel 112., urgency: immediate, order: 0, sources: [s-112] }
              - partner: politie
                urgency: immediate
                task: Vertel wat er gebeurt en waar.
                reason: Er is direct gevaar.
                sources: [s-112]
          next: zorg
        - id: zorg
          type: choice
          question: Zijn er zorgen over thuis?
          options:
            - value: ja
              label: Ja, er zijn signalen
              advice:
                - { partner: cjg, urgency: this-week, task: "Bespreek de zorgen met de jeugdwerker; die kent de weg naar hulp voor het gezin en kan meedenken.", reason: Hulp voor het gezin., sources: [art-2.3, los] }
                - rule: meldcode
                  conclusion: Werk volgens de meldcode.
                  steps: [Leg de signalen vast., "Overleg met een collega | of met de aandachtsfunctionaris."]
                  sources: [wet]
                - { info: "Het slachtoffer kan *gratis* hulp krijgen.", audience: slachtoffer, sources: [los] }
                - { action: Schrijf op wat je zag., urgency: today, sources: [wet] }
            - { value: nee, label: Nee }
          next: end
`;

const loadedFixture = load(FLOWS, BASE);
const protocol = loadedFixture.protocol!;

function inputFor(answers: Record<string, unknown>): AdviceInput {
  const { state, problems } = replay(protocol, answers);
  expect(problems).toEqual([]);
  return { advice: adviceOf(state), protocol, sha256: 'abc123', generated: GENERATED };
}

describe('advice as text', () => {
  it('renders a fixture protocol that loads cleanly', () => {
    expect(loadedFixture.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('matches the snapshot (colour off, 80 columns)', () => {
    expect(renderAdviceText(inputFor({ gevaar: 'ja', zorg: 'ja' }), PLAIN)).toMatchSnapshot();
  });

  it('says so when the answers lead to no advice', () => {
    expect(renderAdviceText(inputFor({ gevaar: 'nee', zorg: 'nee' }), PLAIN)).toContain('geeft bij deze antwoorden geen advies');
  });

  it('colours the urgent block when colour is on', () => {
    const text = renderAdviceText(inputFor({ gevaar: 'ja', zorg: 'nee' }), createTheme(1));
    expect(text).toMatch(/\u001b\[\d+m/);
    expect(text.replace(/\u001b\[\d+m/g, '')).toBe(renderAdviceText(inputFor({ gevaar: 'ja', zorg: 'nee' }), PLAIN));
  });

  it('neutralises control characters from the protocol', () => {
    const input = inputFor({ gevaar: 'ja', zorg: 'nee' });
    input.advice.actions[0]!.text = 'Bel 112.\u001b[2J';
    expect(renderAdviceText(input, PLAIN)).not.toContain('\u001b');
  });
});

describe('advice as markdown', () => {
  it('matches the snapshot: a record with date, protocol and version, answers, advice and sources', () => {
    expect(renderAdviceMarkdown(inputFor({ gevaar: 'ja', zorg: 'ja' }))).toMatchSnapshot();
  });

  it('escapes markdown in protocol text', () => {
    const md = renderAdviceMarkdown(inputFor({ gevaar: 'nee', zorg: 'ja' }));
    expect(md).toContain('\\*gratis\\*');
    expect(md).toContain('collega \\| of');
  });
});

// ------------------------------------------------------------------------------ the JSON contract

describe('advice as JSON', () => {
  const loaded = shipped();
  const sha256 = hashFiles(loaded.files);

  it('follows the contract for every shipped scenario', () => {
    const check = (answers: Record<string, unknown>) => {
      const { state } = replay(loaded.protocol!, answers);
      const text = renderAdviceJson({ advice: adviceOf(state), protocol: loaded.protocol!, sha256, generated: GENERATED });
      const doc = expectAdviceContract(text);
      expect(doc.protocol).toMatchObject({ id: loaded.protocol!.meta.id, version: loaded.protocol!.meta.version, sha256 });
      // Every answer of the file was asked, in order, except those a preset settled the same way.
      const settled = new Set(doc.answers.filter((a) => a.inferred).map((a) => a.step));
      expect(doc.answers.filter((a) => !a.inferred).map((a) => a.step)).toEqual(Object.keys(answers).filter((k) => !settled.has(k)));
      // The answers this walk settled without asking are the ones not in the answers file.
      for (const a of doc.answers) if (a.inferred) expect(Object.keys(answers)).not.toContain(a.step);
    };
    expect(failingScenarios(check)).toEqual([]);
  });

  it('fills the contact person only when Bijlage 2 is filled in', () => {
    const doc = JSON.parse(renderAdviceJson(inputFor({ gevaar: 'ja', zorg: 'ja' })));
    expect(doc.partners.find((p: { id: string }) => p.id === 'politie').contact).toMatchObject({ person: null, phone: '112 bij spoed, 0900-8844 zonder spoed' });
    expect(doc.partners.find((p: { id: string }) => p.id === 'cjg').contact.person).toEqual({
      name: 'J. Jansen',
      role: 'jeugdwerker',
      phone: '06-00000000',
      email: null,
      reviewed: '2026-01-01',
    });
  });

  it('writes control characters as \\u escapes, so the JSON is safe to print', () => {
    const input = inputFor({ gevaar: 'ja', zorg: 'nee' });
    input.advice.actions[0]!.text = 'Bel 112.\u009b2J';
    const text = renderAdviceJson(input);
    expect(text).not.toContain('\u009b');
    expect(JSON.parse(text).actions[0].text).toBe('Bel 112.\u009b2J');
  });
});

describe('readable at 80 columns', () => {
  const loaded = shipped();

  it('no line of the advice text is wider than 80 columns, for every shipped scenario', () => {
    const check = (answers: Record<string, unknown>) => {
      const { state } = replay(loaded.protocol!, answers);
      const text = renderAdviceText({ advice: adviceOf(state), protocol: loaded.protocol! }, PLAIN, { width: 80 });
      // Only a single word longer than the line (a web address) may stick out.
      const long = text.split('\n').filter((line) => [...line].length > 80 && !/\S{40,}/.test(line));
      expect(long).toEqual([]);
    };
    expect(failingScenarios(check)).toEqual([]);
  });
});

// ------------------------------------------------------------------------ urgency per task

describe('a partner with tasks of different urgency', () => {
  const mixed = load(
    yaml`
      flows:
        - id: main
          title: Proef
          steps:
            - id: overval
              type: yes-no
              question: Is er net iemand beroofd?
              known: Dat vertelt het slachtoffer.
              yes:
                advice:
                  - { partner: politie, urgency: today, task: Doe aangifte., key: aangifte, sources: [wet] }
                  - { partner: politie, urgency: immediate, task: Bel 112., sources: [s-112] }
                  - { partner: politie, urgency: this-week, task: Doe aangifte via 0900-8844., key: aangifte, reason: Geen spoed., sources: [wet] }
                  - { partner: cjg, urgency: when-needed, task: Bied hulp aan., sources: [art-2.3] }
              next: end
    `,
    BASE,
  );
  const input = (): AdviceInput => {
    const { state } = replay(mixed.protocol!, { overval: 'ja' });
    return { advice: adviceOf(state), protocol: mixed.protocol!, sha256: 'abc123', generated: GENERATED };
  };
  /** The lines under a heading, up to the next heading. */
  const section = (text: string, heading: RegExp) => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => heading.test(l));
    const end = lines.findIndex((l, i) => i > start && /^(━━|## )/.test(l));
    return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  };

  it('loads', () => expect(mixed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));

  it('text: the partner card stands under its most urgent task, once, each task labelled with its urgency', () => {
    const text = renderAdviceText(input(), PLAIN);
    const now = section(text, /━━ +NU DIRECT/);
    expect(now).toContain('● Politie');
    expect(now).toMatch(/- Nu direct: Bel 112\.\n +- Vandaag: Doe aangifte\./);
    // Not also under a later heading, where a stressed reader would take it for "later".
    expect(section(text, /━━ VANDAAG/)).not.toContain('Politie');
    expect(text).not.toContain('0900-8844.');
    expect(text.match(/● Politie/g)).toHaveLength(1);
    // One urgency for the other partner: no labels.
    expect(section(text, /━━ ALS HET NODIG IS/)).toMatch(/- Bied hulp aan\./);
    const summary = section(text, /━━ IN HET KORT/).replace(/\s+/g, ' ');
    expect(summary).toMatch(/▶ Politie( \([^)]*\))?: Bel 112\./);
    expect(summary).not.toMatch(/Schakel in:[^\n]*Politie/);
  });

  it('markdown: the same grouping', () => {
    const md = renderAdviceMarkdown(input());
    const now = section(md, /^## Nu direct/);
    expect(now).toMatch(/- \[ \] Nu direct: Bel 112\.\n- \[ \] Vandaag: Doe aangifte\./);
    expect(section(md, /^## Vandaag/)).not.toContain('Politie');
  });

  it('JSON: taskItems with their own urgency, tasks most urgent first, no task under two urgencies', () => {
    const doc = JSON.parse(renderAdviceJson(input()));
    const police = doc.partners.find((p: { id: string }) => p.id === 'politie');
    expect(police.urgency).toBe('immediate');
    expect(police.tasks).toEqual(['Bel 112.', 'Doe aangifte.']);
    expect(police.taskItems).toEqual([
      { text: 'Bel 112.', urgency: 'immediate', reasons: [], sources: ['s-112'], because: [{ step: 'overval', question: 'Is er net iemand beroofd?', answer: 'Ja' }] },
      { text: 'Doe aangifte.', urgency: 'today', reasons: [], sources: ['wet'], because: [{ step: 'overval', question: 'Is er net iemand beroofd?', answer: 'Ja' }] },
    ]);
    expect(police.reasons).toEqual([]);
  });
});

describe('answers a preset settled', () => {
  const v2 = load(V2_FLOWS, TEST_BASE);
  const input = (): AdviceInput => {
    const { state, problems } = replay(v2.protocol!, { gevaar: 'nee', categorie: ['online'], leeftijd: 14, beelden: 'ja' });
    expect(problems).toEqual([]);
    return { advice: adviceOf(state), protocol: v2.protocol!, sha256: 'abc123', generated: GENERATED };
  };

  it('loads', () => expect(v2.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));

  it('are marked in the markdown record and in the reasons of the text advice', () => {
    expect(renderAdviceMarkdown(input())).toContain('3. Wie deed het? **Onbekend** (afgeleid uit eerdere antwoorden, niet gevraagd)');
    expect(renderAdviceMarkdown(input())).toContain('4. Hoe oud is de leerling? **14**\n');
    const doc = JSON.parse(renderAdviceJson(input()));
    expect(doc.answers.map((a: { step: string; inferred: boolean }) => [a.step, a.inferred])).toEqual([
      ['gevaar', false],
      ['categorie', false],
      ['dader', true],
      ['leeftijd', false],
      ['beelden', false],
    ]);
  });
});
