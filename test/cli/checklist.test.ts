// `convenant checklist` in-process: every item once with a checkbox, sources and helpers; --output via
// the shared atomic writer.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { shipped } from '../helpers/shipped.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-checklist-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('convenant checklist', () => {
  it('shows every item of the shipped checklist once, under its section, with an empty box', async () => {
    const { code, stdout } = await runCli(['checklist']);
    expect(code).toBe(0);
    const checklist = shipped().protocol!.checklist;
    const items = checklist.flatMap((s) => s.items);
    expect(stdout.match(/^ {2}\[ \] /gm)).toHaveLength(items.length);
    for (const section of checklist) expect(stdout).toContain(`\n${section.title}\n`);
    expect(stdout).toContain(`${items.length} punten.`);
    expect(stdout).toMatch(/\[ \] De school heeft een veiligheidscoördinator aangesteld\.\n\s+Wie helpt: De school \(het bevoegd gezag\) · Bron: art\. 5\.2/);
  });

  it('prints printable markdown with task-list checkboxes, helpers and sources (mini fixture)', async () => {
    const { code, stdout } = await runCli(['checklist', '--protocols', MINI_DIR, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Checklist preventieve acties\n\nMiniprotocol · Testdorp · versie 0\.1\n/);
    expect(stdout).toContain('## Basis op orde');
    expect(stdout.match(/^- \[ \] /gm)).toHaveLength(2);
    expect(stdout).toContain('- [ ] De lijst met contactpersonen is bijgewerkt.  \n  *Wie helpt:* De testschool, Politie Testdorp · *Bron:* convenant, Uitgangspunten');
    expect(stdout).toContain('- [ ] Het team oefent het protocol één keer per jaar.  \n  *Bron:* art. 1.1');
  });

  it('escapes markdown in the shipped checklist so no item breaks the list', async () => {
    const { stdout } = await runCli(['checklist', '--format', 'markdown']);
    const items = shipped().protocol!.checklist.flatMap((s) => s.items);
    expect(stdout.match(/^- \[ \] /gm)).toHaveLength(items.length);
    expect(stdout).not.toMatch(/<[a-z]/i);
  });

  it('writes the markdown to a file with --output, and tells where on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['checklist', '--protocols', MINI_DIR, '--format', 'markdown', '--output', 'lijst.md'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('lijst.md');
    const written = readFileSync(join(dir, 'lijst.md'), 'utf8');
    expect(written).toContain('- [ ] Het team oefent het protocol één keer per jaar.');
    expect(statSync(join(dir, 'lijst.md')).isFile()).toBe(true);
  });

  it('refuses to overwrite an existing file without --force (exit 2), and replaces it with --force', async () => {
    writeFileSync(join(dir, 'lijst.md'), 'oud');
    const refused = await runCli(['checklist', '--protocols', MINI_DIR, '--output', 'lijst.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bestaat al');
    expect(readFileSync(join(dir, 'lijst.md'), 'utf8')).toBe('oud');
    const forced = await runCli(['checklist', '--protocols', MINI_DIR, '--output', 'lijst.md', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'lijst.md'), 'utf8')).toContain('[ ] Het team oefent');
  });

  it('writes plain text to a file even when the screen would get colour', async () => {
    await runCli(['checklist', '--protocols', MINI_DIR, '--output', 'lijst.txt'], { cwd: dir, stdoutTTY: true });
    expect(readFileSync(join(dir, 'lijst.txt'), 'utf8')).not.toContain('\u001b');
  });

  it('rejects --format json (exit 2)', async () => {
    const { code, stderr } = await runCli(['checklist', '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain('Kies uit: text, markdown.');
  });
});
