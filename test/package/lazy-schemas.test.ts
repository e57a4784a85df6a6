// The built program checks a valid protocol with the generated validators, without zod: the zod
// schemas (dist/schema.cjs) are required only when an item is invalid, to say why. Checked with a
// preload that writes down every CommonJS file the program requires.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { SHIPPED_DIR } from '../helpers/shipped.js';

const work = mkdtempSync(join(tmpdir(), 'convenant-lazy-schemas-'));
const PRELOAD = join(work, 'record.cjs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  writeFileSync(
    PRELOAD,
    "const Module = require('node:module');\nconst { appendFileSync } = require('node:fs');\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request.endsWith('.cjs')) appendFileSync(process.env.REQUIRED_LOG, `${request}\\n`);\n  return load.call(this, request, ...rest);\n};\n",
  );
  cpSync(SHIPPED_DIR, join(work, 'proto'), { recursive: true });
  const flow = join(work, 'proto', 'flows', 'algemeen.yaml');
  writeFileSync(flow, readFileSync(flow, 'utf8').replace('urgency: today', 'urgency: vandaag'));
}, 120_000);

/** Runs validate on `dir`; returns its result and the .cjs files it required. */
function validate(dir: string) {
  const log = join(work, 'required.log');
  writeFileSync(log, '');
  const result = runBuilt(['validate', dir, '--today', '2025-12-01'], { cwd: work, nodeArgs: ['--require', PRELOAD], env: { REQUIRED_LOG: log } });
  const required = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((file) => basename(file));
  return { ...result, required };
}

describe('the zod schemas at run time', () => {
  it('are not loaded to validate the shipped protocol', () => {
    const run = validate(SHIPPED_DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(run.required).not.toContain('schema.cjs');
  });

  it('are loaded for an invalid item, and explain it at its line and column', () => {
    const run = validate('proto');
    expect(run.code).toBe(1);
    expect(run.required).toContain('schema.cjs');
    expect(run.stdout).toMatch(/proto\/flows\/algemeen\.yaml\n\s+\d+:\d+\s+fout\s+ongeldige waarde "vandaag" voor "urgency"/);
  });
});
