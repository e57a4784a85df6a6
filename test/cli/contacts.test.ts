// `convenant contacts` in-process: flags missing and stale entries for a fixed date, three formats, --check.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

const mini = (...args: string[]) => runCli(['contacts', '--protocols', MINI_DIR, '--today', '2025-06-01', ...args]);

describe('convenant contacts', () => {
  it('shows who is in order, who is stale and who is missing, with the date to check again', async () => {
    const { code, stdout } = await mini();
    expect(code).toBe(0);
    expect(stdout).toContain('peildatum 2025-06-01');
    expect(stdout).toMatch(
      /in orde {2}De testschool \(school\)\n.*Sam Voorbeeld \(veiligheidscoördinator\) · 000-0000001 · sam@example.org\n.*gecontroleerd op 2025-03-01, opnieuw controleren uiterlijk 2026-03-01/,
    );
    expect(stdout).toMatch(/let op {3}Politie Testdorp \(politie\)[\s\S]*gecontroleerd op 2023-05-01[\s\S]*verouderd: langer dan 12 maanden niet gecontroleerd/);
    expect(stdout).toMatch(/let op {3}Het zorgteam \(zorgteam\)\n\s+ontbreekt: nog geen contactpersoon ingevuld/);
    expect(stdout).toContain('2 van de 3 contactpersonen vragen aandacht (verouderd: 1, ontbreekt: 1).');
    expect(stdout).toContain('partners.yaml');
  });

  it('does not call an entry stale a day too early: on 2024-05-01 the politie entry is exactly 12 months old', async () => {
    const { stdout } = await runCli(['contacts', '--protocols', MINI_DIR, '--today', '2024-05-01']);
    expect(stdout).toMatch(/in orde {2}Politie Testdorp/);
    const dayLater = await runCli(['contacts', '--protocols', MINI_DIR, '--today', '2024-05-02']);
    expect(dayLater.stdout).toMatch(/let op {3}Politie Testdorp/);
  });

  it('flags every core partner of the shipped protocol as missing (Bijlage 2 is not filled in yet)', async () => {
    const { code, stdout } = await runCli(['contacts', '--today', '2026-01-01']);
    expect(code).toBe(0);
    const core = shipped().protocol!.partners.filter((p) => p.kind === 'core');
    expect(stdout).toContain(`${core.length} van de ${core.length} contactpersonen vragen aandacht (ontbreekt: ${core.length}).`);
  });

  it('with --check exits 1 while something needs attention, and 0 when all is in order', async () => {
    expect((await mini('--check')).code).toBe(1);
    // On 2025-04-01 the school is in order but politie is stale and zorgteam missing: still 1.
    expect((await runCli(['contacts', '--protocols', MINI_DIR, '--today', '2025-04-01', '--check'])).code).toBe(1);

    // Fill in the missing person and re-check the stale one: then the list is in order.
    const dir = mkdtempSync(join(tmpdir(), 'convenant-contacts-'));
    try {
      cpSync(MINI_DIR, dir, { recursive: true });
      const file = join(dir, 'partners.yaml');
      const fixed = readFileSync(file, 'utf8')
        .replace('reviewed: "2023-05-01"', 'reviewed: "2025-05-20"')
        .replace(
          'person: { name: null, role: null, phone: null, email: null, reviewed: null }',
          'person: { name: Lou, role: null, phone: "000-0000002", email: null, reviewed: "2025-05-01" }',
        );
      writeFileSync(file, fixed);
      const { code, stdout } = await runCli(['contacts', '--protocols', dir, '--today', '2025-06-01', '--check']);
      expect(stdout).toContain('Alle 3 contactpersonen zijn ingevuld en in de afgelopen 12 maanden gecontroleerd.');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a markdown table for sharing, one row per partner', async () => {
    const { code, stdout } = await mini('--format', 'markdown');
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toBe('| Partner | Contactpersoon | Functie | Telefoon | E-mail | Gecontroleerd | Let op |');
    expect(rows.slice(2)).toEqual([
      '| De testschool | Sam Voorbeeld | veiligheidscoördinator | 000-0000001 | sam@example.org | 2025-03-01 | in orde |',
      '| Politie Testdorp | Kim Voorbeeld | wijkagent | – | kim@example.org | 2023-05-01 | verouderd |',
      '| Het zorgteam | – | – | – | – | – | ontbreekt |',
    ]);
  });

  it('gives JSON with a status and problem codes per entry', async () => {
    const data = JSON.parse((await mini('--format', 'json')).stdout);
    expect(data.today).toBe('2025-06-01');
    expect(data.summary).toEqual({ total: 3, ok: 1, attention: 2 });
    expect(data.entries.map((e: { partner: string; status: string; problems: { code: string }[] }) => [e.partner, e.status, e.problems.map((p) => p.code)])).toEqual([
      ['school', 'ok', []],
      ['politie', 'attention', ['stale']],
      ['zorgteam', 'attention', ['missing']],
    ]);
  });

  it.each([['2025-02-30'], ['1-6-2025'], ['gisteren']])('rejects --today %s with exit 2', async (today) => {
    const { code, stdout, stderr } = await runCli(['contacts', '--protocols', MINI_DIR, '--today', today]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('is geen geldige datum');
  });
});
