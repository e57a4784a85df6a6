// `convenant validate` in-process: exit codes, formats, --quiet, --fail-on, --output, usage errors.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/index.js';
import { runCli } from '../helpers/run-cli.js';
import { shipped } from '../helpers/shipped.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BROKEN = 'test/fixtures/validate/broken';
const WARNINGS = 'test/fixtures/validate/warnings';
const LOAD_ERROR = 'test/fixtures/validate/load-error';
const SKIPPED = 'Sommige controles (ongebruikte bronnen, onbereikbare stappen, paden) draaien pas als de fouten hierboven zijn opgelost.';
const validate = (...args: string[]) => runCli(['validate', '--today', '2026-04-01', ...args], { cwd: ROOT });

describe('convenant validate', () => {
  it('passes the shipped protocol by default, with only the Bijlage 2 warnings', async () => {
    const core = shipped().protocol!.partners.filter((p) => p.kind === 'core').length;
    const { code, stdout } = await validate();
    expect(code).toBe(0);
    expect(stdout).toMatch(/✖ \d+ problemen \(0 fouten, \d+ waarschuwingen\)/);
    // Grouped: one line with the count; every one of them with --verbose.
    expect(stdout).toContain(`${core}× waarschuwing`);
    expect(stdout.match(/ contact-person-missing\n/g)).toHaveLength(1);
    expect((await validate('--verbose')).stdout.match(/ contact-person-missing\n/g)).toHaveLength(core);
  });

  it('reports every finding with file:line:col, severity, message and code, and exits 1 on errors', async () => {
    const { code, stdout, stderr } = await validate(BROKEN);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('test/fixtures/validate/broken/flows.yaml\n');
    expect(stdout).toMatch(/ {2}6:13 +fout +antwoord "Nee" van stap "a" leidt nergens heen: er is geen "next:" {2}dead-end\n/);
    expect(stdout).toMatch(/12:13 +fout +stap "weg" wordt nooit bereikt.* {2}unreachable-step\n/);
    expect(stdout).toMatch(/6:11 +waarschuwing +bron "s2" wordt nergens genoemd {2}source-unused\n/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 3 problemen (2 fouten, 1 waarschuwing)');
  });

  it('--quiet shows errors only', async () => {
    const { code, stdout } = await validate(BROKEN, '--quiet');
    expect(code).toBe(1);
    expect(stdout).not.toContain('source-unused');
    expect(stdout).toContain('2 problemen (2 fouten, 0 waarschuwingen)');
  });

  it('--fail-on decides which findings fail the run', async () => {
    expect((await validate(WARNINGS)).code).toBe(0);
    expect((await validate(WARNINGS, '--fail-on', 'warning')).code).toBe(1);
    expect((await validate(WARNINGS, '--fail-on', 'warning', '--quiet')).code).toBe(0);
    expect((await validate(BROKEN, '--fail-on', 'never')).code).toBe(0);
  });

  it('--format github writes one annotation per finding', async () => {
    const { code, stdout } = await validate(BROKEN, '--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=test\/fixtures\/validate\/broken\/flows\.yaml,line=6,col=13,endLine=\d+,endColumn=\d+,title=dead-end::antwoord "Nee"/);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(1);
  });

  it('--format json, sarif and junit are machine-readable', async () => {
    const json = JSON.parse((await validate(BROKEN, '--format', 'json')).stdout);
    expect(json.summary).toEqual({ files: 2, errors: 2, warnings: 1, info: 0 });
    const sarif = JSON.parse((await validate(BROKEN, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['dead-end', 'source-unused', 'unreachable-step']);
    const junit = (await validate(BROKEN, '--format', 'junit')).stdout;
    expect(junit).toMatch(/<testsuites name="convenant validate" tests="3" failures="2" errors="0">/);
  });

  it('--output writes the report to a new file (mode 0600), never over an existing one without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'convenant-validate-'));
    const file = join(dir, 'rapport.sarif');
    const first = await validate(BROKEN, '--format', 'sarif', '--output', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe('2.1.0');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'oud');
    const again = await validate(BROKEN, '--output', file);
    expect(again.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('oud');
    expect((await validate(BROKEN, '--output', file, '--force')).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('dead-end');
  });

  it('says that some checks wait when the loader reported errors, and not when every check ran', async () => {
    const half = await validate(LOAD_ERROR);
    expect(half.code).toBe(1);
    expect(half.stdout).toMatch(/onbekende sleutel "questoin" {2}unknown-key\n/);
    // s2 is unused, but that check waits for the misspelt key to be fixed; the report says so.
    expect(half.stdout).not.toContain('source-unused');
    // One error for the misspelt key: not also "question ontbreekt" (issue 16: one cause, one error).
    expect(half.stdout).not.toContain('missing-key');
    expect(half.stdout.trimEnd().split('\n').slice(-2)).toEqual(['✖ 1 probleem (1 fout, 0 waarschuwingen)', SKIPPED]);
    expect((await validate(BROKEN)).stdout).not.toContain('Sommige controles');
    expect((await validate(WARNINGS)).stdout).not.toContain('Sommige controles');

    expect(JSON.parse((await validate(LOAD_ERROR, '--format', 'json')).stdout)).toMatchObject({ complete: false, note: SKIPPED });
    expect(JSON.parse((await validate(BROKEN, '--format', 'json')).stdout).complete).toBe(true);
    expect((await validate(LOAD_ERROR, '--format', 'github')).stdout.trimEnd().split('\n').at(-1)).toBe(`::notice::${SKIPPED}`);
    const sarif = JSON.parse((await validate(LOAD_ERROR, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(SKIPPED);
    expect((await validate(LOAD_ERROR, '--format', 'junit')).stdout).toContain(`<skipped message="${SKIPPED}"/>`);
  });

  it('--list-rules names every code with its severity and description', async () => {
    const { code, stdout } = await validate('--list-rules');
    expect(code).toBe(0);
    for (const c of CODES) expect(stdout).toContain(c.code);
    expect(stdout).toMatch(/^walk-without-advice +fout +Er is een volledige wandeling/m);
  });

  it('uses CONVENANT_PROTOCOLS when no folder is given', async () => {
    const { code, stdout } = await runCli(['validate', '--today', '2026-04-01'], { cwd: ROOT, env: { CONVENANT_PROTOCOLS: BROKEN } });
    expect(code).toBe(1);
    expect(stdout).toContain('test/fixtures/validate/broken/flows.yaml');
  });

  it.each([
    ['a folder that does not exist', ['test/fixtures/nergens'], /kan de protocolmap .*nergens niet lezen/],
    ['an unknown format', [WARNINGS, '--format', 'xml'], /onbekend formaat "xml"/],
    ['an unknown --fail-on', [WARNINGS, '--fail-on', 'warnings'], /onbekende ernst "warnings" bij --fail-on\n {2}Bedoel je "warning"\?/],
    ['an impossible date', [WARNINGS, '--today', '2026-02-30'], /"2026-02-30" is geen geldige datum/],
    ['a folder twice', [WARNINGS, '--protocols', BROKEN], /geef de protocolmap één keer op/],
    ['an unknown flag', [WARNINGS, '--strict'], /onbekende optie '--strict'/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const { code, stdout, stderr } = await validate(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
