// `convenant partners [id]` in-process, on the shipped protocol and on the mini fixture.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

const ESC = '\u001b';

describe('convenant partners (list)', () => {
  it('groups the shipped partners as kernpartners, samenwerkingspartners and externe instanties, in that order', async () => {
    const { code, stdout, stderr } = await runCli(['partners']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const core = stdout.indexOf('Kernpartners (');
    const cooperation = stdout.indexOf('Samenwerkingspartners (');
    const external = stdout.indexOf('Externe instanties en hulplijnen (');
    expect(core).toBeGreaterThan(-1);
    expect(cooperation).toBeGreaterThan(core);
    expect(external).toBeGreaterThan(cooperation);
    // Every partner of the protocol is listed once, under its own kind.
    for (const p of shipped().protocol!.partners) {
      const line = stdout.split('\n').find((l) => l.trim().startsWith(`${p.id} `));
      expect(line, p.id).toBeDefined();
      const at = stdout.indexOf(line!);
      const group = at > external ? 'external' : at > cooperation ? 'cooperation' : 'core';
      expect(group, p.id).toBe(p.kind);
    }
    expect(stdout).toContain('0800-2000'); // Veilig Thuis' public number
  });

  it('lists the partners of another protocol folder given with --protocols', async () => {
    const { code, stdout } = await runCli(['partners', '--protocols', MINI_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('Miniprotocol');
    expect(stdout).toMatch(/Kernpartners \(2\)[\s\S]*school\s+De testschool[\s\S]*politie\s+Politie Testdorp/);
    expect(stdout).toMatch(/Samenwerkingspartners \(1\)\n\s+zorgteam/);
    expect(stdout).toMatch(/Externe instanties en hulplijnen \(1\)\n\s+hulplijn/);
    expect(stdout).not.toContain('Veilig Thuis');
  });

  it('is plain without a terminal, coloured on one, and plain again with NO_COLOR or --no-color', async () => {
    expect((await runCli(['partners'])).stdout).not.toContain(ESC);
    expect((await runCli(['partners'], { stdoutTTY: true })).stdout).toContain(ESC);
    expect((await runCli(['partners'], { stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(['partners', '--no-color'], { stdoutTTY: true })).stdout).not.toContain(ESC);
  });
});

describe('convenant partners <id>', () => {
  it('shows the duties with their covenant article numbers, public contact data and the Bijlage 2 contact person', async () => {
    const { code, stdout } = await runCli(['partners', 'politie']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Politie-eenheid Limburg, basisteam Weert \(politie\)/);
    expect(stdout).toContain('Kernpartner');
    expect(stdout).toMatch(/Taken volgens het convenant\n/);
    expect(stdout).toMatch(/Organiseert een vast aanspreekpunt[^•]*\(art\. 2\.3/);
    expect(stdout).toMatch(/Telefoon: 112 bij spoed, 0900-8844 zonder spoed/);
    expect(stdout).toMatch(/Vaste contactpersoon \(Bijlage 2\)\n\s+Nog niet ingevuld/);
    expect(stdout).toContain('convenant explain politie');
  });

  it('shows a filled-in contact person with the date it was checked (mini fixture)', async () => {
    const { code, stdout } = await runCli(['partners', 'school', '--protocols', MINI_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('Zorgt voor een veilige school. (art. 1.1)');
    expect(stdout).toContain('Werkt volgens de meldcode. (Testwet over meldingen)');
    expect(stdout).toContain('Let op: Bel de receptie.');
    expect(stdout).toMatch(/Naam: Sam Voorbeeld\n\s+Functie: veiligheidscoördinator\n\s+Telefoon: 000-0000001\n\s+E-mail: sam@example.org\n\s+Gecontroleerd op: 2025-03-01/);
    // The school is never advised in the mini protocol, so there is nothing to explain.
    expect(stdout).not.toContain('convenant explain');
  });

  it('says so when a partner has no duties, contact data or contact person slot', async () => {
    const { stdout } = await runCli(['partners', 'hulplijn', '--protocols', MINI_DIR]);
    expect(stdout).toContain('Het protocol noemt geen taken voor deze partner.');
    expect(stdout).toContain('Bereikbaar: dag en nacht');
    expect(stdout).toContain('Het protocol houdt voor deze partner geen vaste contactpersoon bij.');
  });

  it('exits 2 with "bedoel je" for an unknown id, and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['partners', 'politei']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('onbekende partner "politei"');
    expect(stderr).toContain('Bedoel je "politie"?');
  });

  it('gives the data as JSON for scripts, with the article labels next to the source ids', async () => {
    const { code, stdout } = await runCli(['partners', 'politie', '--protocols', MINI_DIR, '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data).toMatchObject({
      id: 'politie',
      kind: 'core',
      duties: [{ text: 'Handhaaft de openbare orde.', sources: ['bron-afspraak'], refs: ['art. 1.1'] }],
      contact: { phone: '112 bij spoed' },
      person: { name: 'Kim Voorbeeld', reviewed: '2023-05-01' },
    });
    const all = JSON.parse((await runCli(['partners', '--format', 'json'])).stdout);
    expect(all.map((p: { id: string }) => p.id)).toEqual(shipped().protocol!.partners.map((p) => p.id));
  });

  it('rejects an unknown format with exit 2, in Dutch', async () => {
    const { code, stderr } = await runCli(['partners', '--format', 'jsn']);
    expect(code).toBe(2);
    expect(stderr).toContain('onbekend formaat "jsn"');
    expect(stderr).toContain('Bedoel je "json"?');
  });

  it('exits 2 when the protocol folder does not exist', async () => {
    const { code, stderr } = await runCli(['partners', '--protocols', 'bestaat-niet']);
    expect(code).toBe(2);
    expect(stderr).toContain('kan de protocolmap');
  });
});
