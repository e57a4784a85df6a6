// Finding 09 (low): `validate --format json|sarif` and `test --format json` wrote file names with
// raw bidi overrides and C1 controls to the terminal. Every JSON output now \u-escapes them: a
// JSON reader gets the very same name, the terminal never sees the raw character.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { hostileDirs } from './hostile-dir.js';

const NAME = 'evil\u202Eyaml.\u009B31m\u2066x';
// Raw bidi controls, C1 controls and escape: none may reach the terminal.
const RAW = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u001b]/;

const newDir = hostileDirs();
const folder = () => {
  const h = newDir();
  h.write(`${NAME}.yaml`, 'foo: [\n');
  return h;
};

describe('JSON formats escape control and bidi characters of file names', () => {
  it.each([
    ['validate --format json', ['validate', 'proto', '--format', 'json', '--today', '2025-12-01']],
    // SARIF writes file names as URIs (percent-encoded); messages may still quote them.
    ['validate --format sarif', ['validate', 'proto', '--format', 'sarif', '--today', '2025-12-01']],
  ])('%s: no raw character, and still valid JSON', async (_name, args) => {
    const h = folder();
    const { code, stdout } = await runCli(args, { cwd: h.root });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });

  it('validate --format json: escaped as \\u202e, and the file field decodes to the real name', async () => {
    const h = folder();
    const { stdout } = await runCli(['validate', 'proto', '--format', 'json', '--today', '2025-12-01'], { cwd: h.root });
    expect(stdout).toContain('\\u202e');
    const files = (JSON.parse(stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
    expect(files).toContain(`proto/${NAME}.yaml`);
  });

  it('test --format json', async () => {
    const h = newDir();
    h.write(`scenarios/${NAME}.yaml`, 'scenarios:\n  - name: s\n    answers: { gevaar: nee }\n    expect: { text: [niet-aanwezig] }\n');
    const { code, stdout } = await runCli(['test', 'proto', '--format', 'json'], { cwd: h.root });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW);
    expect((JSON.parse(stdout) as { scenarios: { file: string }[] }).scenarios[0]!.file).toBe(`proto/scenarios/${NAME}.yaml`);
  });
});
