// Finding 12 (low): replaying a saved JSON advice (`--answers advies.json`) ignored schemaVersion,
// the protocol it was made with, and steps listed twice (the last one won). Now an unknown
// schemaVersion and a step listed twice are usage errors (exit 2), and a different protocol id,
// version or fingerprint gives a clear warning before the advice.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDir, type HostileDir } from './hostile-dir.js';

let h: HostileDir;
let saved: Record<string, unknown>;
beforeEach(async () => {
  h = hostileDir();
  writeFileSync(join(h.root, 'a.yaml'), 'gevaar: nee\n');
  const { code, stdout } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml', '--format', 'json'], { cwd: h.root });
  expect(code).toBe(0);
  saved = JSON.parse(stdout) as Record<string, unknown>;
});
afterEach(() => h.cleanup());

const replay = (advice: unknown, protocols = 'proto') => {
  writeFileSync(join(h.root, 'advies.json'), JSON.stringify(advice));
  return runCli(['incident', '--protocols', protocols, '--answers', 'advies.json', '--format', 'json'], { cwd: h.root });
};

describe('replaying a saved JSON advice', () => {
  it('the same protocol: exit 0, no warning, the same answers', async () => {
    const { code, stdout, stderr } = await replay(saved);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { answers: unknown }).answers).toEqual(saved.answers);
  });

  it.each([99, 0, '1', null])('schemaVersion %s: exit 2, nothing on stdout', async (version) => {
    const { code, stdout, stderr } = await replay({ ...saved, schemaVersion: version });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`advies.json: onbekende schemaVersion ${JSON.stringify(version)} van een bewaard advies`);
  });

  it('a step listed twice (nee, then ja): exit 2, not the last one silently', async () => {
    const answers = saved.answers as { step: string }[];
    const { code, stdout, stderr } = await replay({ ...saved, answers: [...answers, { step: 'gevaar', question: 'x', answer: 'Ja', value: 'ja' }] });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('advies.json: vraag "gevaar" staat twee keer in answers');
  });

  it('another version of the protocol: a warning naming both versions, then the advice', async () => {
    h.write('protocol.yaml', BASE_PROTOCOL.replace('version: "1"', 'version: "2"'));
    const { code, stdout, stderr } = await replay(saved);
    expect(code).toBe(0);
    expect(stderr).toContain('Let op: advies.json is gemaakt met protocol hostile-base versie 1; nu is het hostile-base versie 2.');
    expect(stdout).not.toBe('');
  });

  it('the same version with changed files: a warning about the fingerprint', async () => {
    h.write('protocol.yaml', `${readFileSync(join(h.dir, 'protocol.yaml'), 'utf8')}# gewijzigd\n`);
    const { code, stderr } = await replay(saved);
    expect(code).toBe(0);
    expect(stderr).toContain('de protocolbestanden zijn sindsdien veranderd (andere vingerafdruk)');
  });

  it('another protocol altogether: a warning naming it', async () => {
    const other = mkdtempSync(join(tmpdir(), 'convenant-other-'));
    try {
      writeFileSync(join(other, 'protocol.yaml'), BASE_PROTOCOL.replace('id: hostile-base', 'id: ander-protocol'));
      const { stderr } = await replay(saved, other);
      expect(stderr).toContain('gemaakt met protocol hostile-base versie 1; nu is het ander-protocol versie 1');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
