// `convenant explain` in-process: text and JSON, and every printed walk replays to its advice.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import type { Advice, Protocol } from '../../src/model/index.js';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR, mini } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

interface JsonWay {
  flow: string;
  step: string;
  branch: { label: string; value?: string } | null;
  advice: Advice;
  walk: { step: string; question: string; answer: string; value: unknown }[] | null;
  answers: Record<string, unknown> | null;
}
interface JsonExplanation {
  kind: 'partner' | 'rule';
  id: string;
  name: string;
  ways: JsonWay[];
}

/** The advice the replayed walk collects, compared by content (JSON has no object identity). */
const replayedAdvice = (protocol: Protocol, answers: Record<string, unknown>) => {
  const result = replay(protocol, answers);
  expect(result.problems.filter((p) => p.kind !== 'missing-answer')).toEqual([]);
  return result.state.collected.map((c) => JSON.stringify(c.advice));
};

describe('convenant explain', () => {
  it('shows each place the police is advised in the mini protocol with its shortest walk', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'politie', '--protocols', MINI_DIR]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Hoe komt iemand bij Politie Testdorp (partner politie)?');
    expect(stdout).toContain('De hulp noemt deze partner op 2 plekken.');
    expect(stdout).toContain(
      '1. Melding op school › vraag "Is er nu gevaar?" › antwoord: Ja\n   Advies (direct): Bel 112.\n   Kortste route (1 antwoord):\n     1. Is er nu gevaar? → Ja\n   Als antwoorden: {gevaar: ja}',
    );
    expect(stdout).toContain('2. Melding op school › automatische keuze: als leeftijd 12 t/m 17');
    expect(stdout).toContain('Kortste route (3 antwoorden):\n     1. Is er nu gevaar? → Nee\n     2. Wat is er gebeurd? → Ruzie of geweld\n     3. Hoe oud is de dader? → 12 jaar');
    expect(stdout).toContain('Als antwoorden: {gevaar: nee, soort: ruzie, leeftijd: 12}');
  });

  it('shows the condition of a conditional advice item and a multi answer as a list', async () => {
    const { stdout } = await runCli(['explain', 'zorgteam', '--protocols', MINI_DIR]);
    expect(stdout).toContain('alleen als leeftijd niet gevraagd');
    expect(stdout).toContain('Als antwoorden: {gevaar: nee, soort: zorgen, signalen: [letsel]}');
  });

  it('explains halt both as a partner and as a rule on the shipped protocol, or one of them with --kind', async () => {
    const both = await runCli(['explain', 'halt']);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('Hoe komt iemand bij Stichting Halt (partner halt)?');
    expect(both.stdout).toMatch(/Hoe komt iemand bij .* \(regel halt\)\?/);
    const rule = await runCli(['explain', 'halt', '--kind', 'rule']);
    expect(rule.stdout).not.toContain('(partner halt)');
    expect(rule.stdout).toContain('(regel halt)');
    const notARule = await runCli(['explain', 'politie', '--kind', 'rule']);
    expect(notARule.code).toBe(2);
    expect(notARule.stderr).toContain('"politie" is geen regel');
  });

  it('every walk in the JSON output for the shipped meldcode rule and police replays to that advice', async () => {
    const protocol = shipped().protocol!;
    for (const id of ['meldcode', 'politie']) {
      const { code, stdout } = await runCli(['explain', id, '--format', 'json']);
      expect(code).toBe(0);
      const [explanation] = JSON.parse(stdout) as JsonExplanation[];
      expect(explanation!.id).toBe(id);
      expect(explanation!.ways.length).toBeGreaterThan(3);
      for (const way of explanation!.ways) {
        expect(way.answers, `${way.step}`).not.toBeNull();
        expect(replayedAdvice(protocol, way.answers!)).toContain(JSON.stringify(way.advice));
        expect(way.walk!.map((w) => w.step)).toEqual(Object.keys(way.answers!));
      }
    }
  });

  it('works on the mini protocol in JSON, with the branch and the questions', async () => {
    const { stdout } = await runCli(['explain', 'meldcode', '--protocols', MINI_DIR, '--format', 'json']);
    const [explanation] = JSON.parse(stdout) as JsonExplanation[];
    expect(explanation!.ways.map((w) => [w.flow, w.step, w.branch?.label])).toEqual([
      ['melding', 'soort', 'Zorgen over thuis'],
      ['leeftijd', 'leeftijd', '12 t/m 17'],
    ]);
    expect(explanation!.ways[1]!.walk!.at(-1)).toEqual({ step: 'leeftijd', question: 'Hoe oud is de dader?', answer: '12 jaar', value: 12 });
    for (const way of explanation!.ways) expect(replayedAdvice(mini(), way.answers!)).toContain(JSON.stringify(way.advice));
  });

  it('says so for a partner the help never advises', async () => {
    const { code, stdout } = await runCli(['explain', 'hulplijn', '--protocols', MINI_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('De hulp adviseert deze partner nergens.');
  });

  it('exits 2 for an unknown id with a suggestion and the rule ids', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'meldcod']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('onbekende partner of regel "meldcod"');
    expect(stderr).toContain('Bedoel je "meldcode"?');
    expect(stderr).toContain('De regels zijn: meldcode, ');
  });

  it('requires an id (exit 2)', async () => {
    expect((await runCli(['explain'])).code).toBe(2);
  });
});
