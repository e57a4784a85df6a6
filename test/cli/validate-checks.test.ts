// `checks:` in protocol.yaml, grouped repeated findings, --verbose and what --quiet hid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** A clean protocol with `unused` sources nobody cites (one source-unused warning each). */
function protocolDir(checks: string, unused = 5): string {
  const dir = mkdtempSync(join(tmpdir(), 'convenant-checks-'));
  const extra = Array.from({ length: unused }, (_, i) => `  - { id: extra-${i}, kind: covenant, title: Niet gebruikt ${i} }`).join('\n');
  writeFileSync(
    join(dir, 'protocol.yaml'),
    `protocol:
  id: checks
  title: Checks
  region: Test
  version: "1"
  signed: "2025-10-01"
  evaluation: "2030-10-01"
  start: main
${checks}
sources:
  - { id: s1, kind: covenant, title: Bron 1 }
${extra}
flows:
  - id: main
    title: Hoofd
    steps:
      - id: a
        type: yes-no
        question: Is er iets gebeurd?
        unknown: { next: end }
        advice: [{ action: Schrijf het op, urgency: today, sources: [s1] }]
        next: end
`,
  );
  return dir;
}

const validate = (dir: string, ...args: string[]) => runCli(['validate', '--today', '2026-04-01', dir, ...args]);

describe('checks: in protocol.yaml', () => {
  it('turns a check off', async () => {
    const { code, stdout } = await validate(protocolDir('  checks: { source-unused: off }'));
    expect(code).toBe(0);
    expect(stdout).not.toContain('source-unused');
  });

  it('raises a check to an error, so CI fails on it', async () => {
    const { code, stdout } = await validate(protocolDir('  checks: { source-unused: error }', 1));
    expect(code).toBe(1);
    expect(stdout).toMatch(/fout +bron "extra-0" wordt nergens genoemd +source-unused/);
  });

  it('reports a misspelt check at its key, with the likely meant one', async () => {
    const { code, stdout } = await validate(protocolDir('  checks:\n    sorce-unused: off', 1));
    expect(code).toBe(1);
    expect(stdout).toMatch(/10:5 +fout +"sorce-unused" is geen controle van convenant +invalid-value/);
    expect(stdout).toContain('Bedoel je "source-unused"?');
  });

  it('refuses to turn off a check that guards the protocol shape', async () => {
    const { code, stdout } = await validate(protocolDir('  checks: { dangling-ref: off }', 0));
    expect(code).toBe(1);
    expect(stdout).toContain('controle "dangling-ref" kan niet worden aangepast');
  });

  it('rejects a level that does not exist', async () => {
    const { code, stdout } = await validate(protocolDir('  checks: { source-unused: uit }', 0));
    expect(code).toBe(1);
    expect(stdout).toMatch(/invalid-value/);
    expect(stdout).toMatch(/off|warning/);
  });
});

describe('repeated findings', () => {
  it('shows more than three warnings of one check as one line with the count', async () => {
    const { stdout } = await validate(protocolDir('', 5));
    expect(stdout.match(/ source-unused\n/g)).toHaveLength(1);
    expect(stdout).toMatch(/5× waarschuwing +bron "extra-0" wordt nergens genoemd \(en 4 andere\) +source-unused/);
    expect(stdout).toContain('checks: { source-unused: off }');
    expect(stdout).toContain('✖ 5 problemen (0 fouten, 5 waarschuwingen)');
  });

  it('lists three or fewer one by one, and all of them with --verbose', async () => {
    expect((await validate(protocolDir('', 3))).stdout.match(/ source-unused\n/g)).toHaveLength(3);
    expect((await validate(protocolDir('', 5), '--verbose')).stdout.match(/ source-unused\n/g)).toHaveLength(5);
  });

  it('--quiet says how many warnings it did not show', async () => {
    const { code, stdout } = await validate(protocolDir('', 5), '--quiet');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ Geen fouten gevonden in 1 bestand.');
    expect(stdout).toContain('5 meldingen (waarschuwing of info) niet getoond door --quiet.');
  });
});
