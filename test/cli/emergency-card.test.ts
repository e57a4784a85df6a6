// A broken protocol never leaves staff empty-handed: the wizard shows the emergency card with the
// numbers of the built-in protocol, says the local protocol is broken and who repairs it, exit 1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIncident } from '../../src/cli/commands/incident-run.js';
import { emergencyNumbers, emergencyPartners, renderEmergencyCard } from '../../src/render/emergency-card.js';
import { PLAIN } from '../../src/render/theme.js';
import { FakePrompter } from '../helpers/fake-prompter.js';
import { load, yaml } from '../helpers/protocol.js';
import { memoryIo } from '../helpers/run-cli.js';
import { shipped } from '../helpers/shipped.js';

const BASE = yaml`
  protocol: { id: t, title: T, region: Testregio, version: "7", signed: 2025-10-01, evaluation: 2026-10-01, start: main }
  sources: [{ id: s1, kind: covenant, title: Bron }]
  partners:
    - { id: politie, name: Politie, kind: core, contact: { phone: "112 bij spoed, 0900-8844 zonder spoed" } }
    - { id: hulplijn, name: Hulplijn, kind: external, contact: { phone: "0800-0113", hours: 24/7 } }
    - { id: cjg, name: CJG, kind: core, contact: { phone: "0495-000000" } }
    - { id: stil, name: Zonder nummer, kind: core }
`;
const FLOWS = yaml`
  flows:
    - id: main
      title: Main
      steps:
        - id: gevaar
          type: yes-no
          question: Gevaar?
          yes:
            advice:
              - { partner: politie, task: Bel de politie., urgency: immediate, sources: [s1] }
              - { action: "Geef het nummer van de hulplijn (0800-0113).", urgency: immediate, sources: [s1] }
              - { partner: stil, task: Bel ze., urgency: immediate, sources: [s1] }
          no:
            advice:
              - { partner: cjg, task: Overleg met het CJG., urgency: today, sources: [s1] }
`;

describe('emergencyPartners', () => {
  it('takes partners with an immediate task and those whose number an immediate action names; only with a number', () => {
    const loaded = load(FLOWS, BASE);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(emergencyPartners(loaded.protocol!).map((p) => p.id)).toEqual(['politie', 'hulplijn']);
  });

  it('in the shipped protocol: the police (112, 0900-8844), Veilig Thuis (0800-2000) and 113', () => {
    const protocol = shipped().protocol!;
    const card = renderEmergencyCard({ fallback: emergencyNumbers(protocol), dir: 'protocol', broken: true, errors: 1 }, PLAIN, 80);
    for (const number of ['112', '0900-8844', '0800-2000', '0800-0113']) expect(card).toContain(number);
    // Every number on the card is one of the protocol's own.
    const phones = protocol.partners.map((p) => p.contact?.phone ?? '').join(' ');
    for (const number of card.match(/\d{3,4}(-\d+)?/g) ?? []) if (number !== '2025') expect(phones).toContain(number);
  });

  it('without any protocol it still says to call 112', () => {
    const card = renderEmergencyCard({ fallback: undefined, dir: 'x', broken: false, errors: 0 }, PLAIN, 60);
    expect(card).toContain('Bel 112');
    expect(card).toContain('niet te lezen');
  });
});

describe('convenant incident with a protocol folder that does not load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convenant-emergency-'));
    mkdirSync(join(dir, 'kapot'));
    writeFileSync(join(dir, 'kapot', 'protocol.yaml'), 'protocol:\n  id: kapot\n  titel: x\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const wizard = async (protocols: string) => {
    const io = memoryIo({ cwd: dir, stdoutTTY: true, stdinTTY: true, columns: 80 });
    const prompter = new FakePrompter([]);
    const code = await runIncident(io, { format: 'text', protocols }, { prompter }).catch((e: unknown) => e);
    return { code, stdout: io.out(), stderr: io.err(), asked: prompter.asked.length };
  };

  it('shows the emergency card from the built-in protocol, says who repairs it, exits 1 and asks nothing', async () => {
    const { code, stdout, stderr, asked } = await wizard('kapot');
    expect(code).toBe(1);
    expect(asked).toBe(0);
    expect(stderr).toMatch(/^kapot\/protocol\.yaml:\d+:\d+$/m);
    expect(stdout).toContain('NOODKAART');
    for (const number of ['112', '0900-8844', '0800-2000', '113']) expect(stdout).toContain(number);
    expect(stdout).toMatch(/Het protocol in kapot bevat \d+ fouten?/);
    expect(stdout).toContain('beheerder van het protocol');
    expect(stdout).toContain('convenant validate kapot');
    // The numbers come last: in a short terminal they are what stays on screen.
    expect(stdout.lastIndexOf('0800-2000')).toBeGreaterThan(stdout.indexOf('convenant validate'));
    for (const line of stripVTControlCharacters(stdout).split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(79);
  });

  it('a folder that cannot be read: the card too, saying once why, then the usual exit 2', async () => {
    const { code, stdout, stderr } = await wizard('nergens');
    expect(code).toBe(2);
    expect(stdout).toContain('0900-8844');
    expect(stdout).toContain('De protocolmap nergens is niet te lezen: de map bestaat niet.');
    // No nergens:1:1 above the card and no second message below it.
    expect(stderr).toBe('');
  });
});
