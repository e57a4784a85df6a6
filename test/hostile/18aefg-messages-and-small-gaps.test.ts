// Finding 18 (low), parts a, e, f and g (b, c and d belong to the loader): clearer messages for
// `.inf`/`.nan` and for a bad id in a list, mode 0600 whatever the umask, and `test` without a
// scenarios folder says so before loading the protocol.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/cli/write-output.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDirs } from './hostile-dir.js';

const newDir = hostileDirs();
const folder = newDir;
type Doc = { diagnostics: { code: string; message: string }[] };
const NUMBER_STEP = `
      - id: leeftijd
        type: number
        question: Hoe oud?
        min: 0
        max: MAX
        next: end
`;

describe('18a: .inf and .nan as a number', () => {
  it.each([
    ['.inf', 'oneindig (.inf)'],
    ['-.inf', 'oneindig (.inf)'],
    ['.nan', 'geen getal (.nan)'],
  ])('max: %s → "moet een getal zijn, maar is %s"', async (value, shown) => {
    const h = folder();
    h.write('protocol.yaml', `${BASE_PROTOCOL.replace('        no:\n          next: end', '        no:\n          next: leeftijd')}${NUMBER_STEP.replace('MAX', value)}`);
    const { stdout } = await runCli(['validate', 'proto', '--format', 'json', '--today', '2025-12-01'], { cwd: h.root });
    const messages = (JSON.parse(stdout) as Doc).diagnostics.map((d) => d.message);
    expect(messages).toContain(`"max" moet een getal zijn, maar is ${shown}`);
    expect(messages.join('\n')).not.toMatch(/number null/);
  });
});

describe('18e: a bad id in a list is named by its value', () => {
  it('scenario rules: [constructor, __proto__]', async () => {
    const h = folder();
    h.write('scenarios/s.yaml', 'scenarios:\n  - name: b\n    answers: { gevaar: ja }\n    expect:\n      rules: [constructor, __proto__]\n');
    const { code, stderr } = await runCli(['test', 'proto'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stderr).toContain('"rules" (waarde "__proto__"): een id bestaat uit kleine letters');
    expect(stderr).not.toMatch(/"1": een id/);
  });
});

describe('18f: the output file is 0600 whatever the umask', () => {
  it.each([0o277, 0o777, 0o022, 0o000])('umask %s', (mask) => {
    const h = folder();
    const previous = process.umask(mask);
    try {
      writeOutputFile('uit.md', 'advies', { cwd: h.root });
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(h.root, 'uit.md')).mode & 0o777).toBe(0o600);
    expect(readdirSync(h.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('18g: test without a scenarios folder', () => {
  it('says so before loading the protocol (even a broken one)', async () => {
    const h = folder();
    h.write('kapot.yaml', 'foo: [\n');
    const { code, stderr } = await runCli(['test', 'proto'], { cwd: h.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(/geen scenariobestanden gevonden in .*proto\/scenarios/);
    expect(stderr).not.toMatch(/YAML-fout/);
  });
});
