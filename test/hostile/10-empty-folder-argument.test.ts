// Finding 10 (low): `validate ""`, `test ""` and `--protocols ""` (a CI variable that is not set)
// checked the shipped protocol and exited 0: a false green. An empty folder is a usage error now;
// only a missing argument means the shipped protocol.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('an empty protocol folder argument is a usage error', () => {
  it.each([
    ['validate ""', ['validate', '']],
    ['validate "  "', ['validate', '  ']],
    ['test ""', ['test', '']],
    ['validate --protocols ""', ['validate', '--protocols', '']],
    ['test --protocols ""', ['test', '--protocols', '']],
    ['explain politie --protocols ""', ['explain', 'politie', '--protocols', '']],
    ['partners --protocols ""', ['partners', '--protocols', '']],
  ])('%s: exit 2 with a clear message, nothing on stdout', async (_name, args) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('de protocolmap is leeg opgegeven');
  });

  it('without an argument the shipped protocol is still checked', async () => {
    const { code, stderr } = await runCli(['validate', '--fail-on', 'error']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
