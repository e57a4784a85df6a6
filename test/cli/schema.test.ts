// The JSON Schemas: generated from the zod model, committed, accepted by plain JSON-Schema tools,
// and named by the first line of every shipped YAML file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderJsonSchema } from '../../src/render/json-schema.js';
import { runCli } from '../helpers/run-cli.js';
import { failing } from '../helpers/shipped.js';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as (ajv: unknown) => void;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = join(ROOT, 'protocols');
const SCHEMA = { protocol: join(ROOT, 'schema/protocol.schema.json'), scenario: join(ROOT, 'schema/scenario.schema.json') };

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
const kindOf = (file: string) => (file.split(/[\\/]/).includes('scenarios') ? 'scenario' : 'protocol');
const FILES = yamlFiles(SHIPPED).map((f) => [relative(ROOT, f), f] as const);

describe('JSON Schema', () => {
  it.each(['protocol', 'scenario'] as const)('the committed %s schema equals the generated one', (kind) => {
    expect(readFileSync(SCHEMA[kind], 'utf8'), 'run: npm run schema').toBe(renderJsonSchema(kind));
  });

  it('`convenant schema` prints it (and --scenarios the scenario schema)', async () => {
    expect((await runCli(['schema'])).stdout).toBe(readFileSync(SCHEMA.protocol, 'utf8'));
    const scenarios = await runCli(['schema', '--scenarios']);
    expect([scenarios.code, scenarios.stdout]).toEqual([0, readFileSync(SCHEMA.scenario, 'utf8')]);
  });

  describe('with ajv', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validators = {
      protocol: ajv.compile(JSON.parse(readFileSync(SCHEMA.protocol, 'utf8'))),
      scenario: ajv.compile(JSON.parse(readFileSync(SCHEMA.scenario, 'utf8'))),
    };

    it('accepts every shipped file', () => {
      expect(FILES.length).toBeGreaterThan(10);
      const failures = failing(
        FILES,
        ([name]) => name,
        ([, file]) => {
          const validate = validators[kindOf(file)];
          expect(validate(parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
        },
      );
      expect(failures).toEqual([]);
    });

    it('reports a misspelt key in the step the author meant, not "must match exactly one schema"', () => {
      const validate = validators.protocol;
      const ok = validate({ flows: [{ id: 'f', title: 'F', steps: [{ id: 'a', type: 'yes-no', questoin: 'A?', next: 'end' }] }] });
      expect(ok).toBe(false);
      const messages = validate.errors!.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
      expect(messages.some((m) => m.includes('questoin'))).toBe(true);
      expect(messages.filter((m) => m.includes("must have required property 'question'"))).toHaveLength(1);
      expect(messages.join('\n')).not.toMatch(/oneOf|anyOf/);
    });

    it('reports an advice item by the key it has (partner, action, rule, info)', () => {
      const validate = validators.protocol;
      validate({
        flows: [{ id: 'f', title: 'F', steps: [{ id: 'a', type: 'yes-no', question: 'A?', advice: [{ partner: 'politie', urgency: 'nu', task: 'Bel.', sources: ['s'] }] }] }],
      });
      const paths = validate.errors!.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}`);
      expect(paths).toEqual(['/flows/0/steps/0/advice/0/urgency enum']);
    });

    it('rejects what convenant rejects: an unknown key, a wrong step type', () => {
      expect(validators.protocol({ flows: [{ id: 'f', title: 'F', steps: [{ id: 'a', type: 'yes-no', question: 'A?', nxt: 'end' }] }] })).toBe(false);
      expect(validators.protocol({ flows: [{ id: 'f', title: 'F', steps: [{ id: 'a', type: 'ja-nee', question: 'A?' }] }] })).toBe(false);
    });
  });

  it.each(['protocol', 'scenario'] as const)('the %s schema names every part and explains every key in Dutch', (kind) => {
    const schema = JSON.parse(readFileSync(SCHEMA[kind], 'utf8'));
    expect(Object.keys(schema.$defs ?? {}).filter((name) => name.startsWith('__'))).toEqual([]);
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof value.description !== 'string' || value.description.length < 5) undocumented.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const key of ['items', 'additionalProperties', 'then']) walk(n[key], path);
      for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[key])) for (const inner of n[key] as unknown[]) walk(inner, path);
    };
    walk(schema, '');
    for (const [name, def] of Object.entries(schema.$defs ?? {})) walk(def, name);
    expect(undocumented).toEqual([]);
    for (const name of ['Flow', 'Step', 'ChoiceStep', 'Advice', 'PartnerAdvice', 'Partner', 'Source'].filter(() => kind === 'protocol')) {
      expect(schema.$defs[name].description, name).toMatch(/\w{4}/);
    }
  });

  it('every shipped file names the right schema on its first line', () => {
    const failures = failing(
      FILES,
      ([name]) => name,
      ([, file]) => {
        const first = readFileSync(file, 'utf8').split('\n')[0]!;
        const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
        expect(match, first).not.toBeNull();
        expect(resolve(dirname(file), match![1]!)).toBe(SCHEMA[kindOf(file)]);
      },
    );
    expect(failures).toEqual([]);
  });

  it('plain ajv on the command line accepts every shipped file (bench/ajv-validate.mjs, as a coordinator would run it)', () => {
    const run = (schema: string, files: string[]) => execFileSync(process.execPath, [join(ROOT, 'bench/ajv-validate.mjs'), schema, ...files], { cwd: ROOT, encoding: 'utf8' });
    const byKind = (kind: string) => FILES.map(([name]) => name).filter((name) => kindOf(name) === kind);
    const lines = `${run(SCHEMA.protocol, byKind('protocol'))}${run(SCHEMA.scenario, byKind('scenario'))}`.trim().split('\n');
    expect(lines).toEqual([...byKind('protocol'), ...byKind('scenario')].map((name) => `${name} valid`));
  });

  it('bench/ajv-validate.mjs rejects a file that does not match, with exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convenant-ajv-'));
    try {
      const bad = join(dir, 'protocol.yaml');
      writeFileSync(bad, 'flows:\n  - id: f\n    title: F\n    steps: [{ id: a, type: ja-nee, question: A? }]\n');
      const good = FILES.find(([name]) => kindOf(name) === 'protocol')![1];
      const r = spawnSync(process.execPath, [join(ROOT, 'bench/ajv-validate.mjs'), SCHEMA.protocol, good, bad], { cwd: ROOT, encoding: 'utf8' });
      expect([r.status, r.stdout]).toEqual([1, `${good} valid\n`]);
      expect(r.stderr.startsWith(`${bad} invalid\n[`), r.stderr).toBe(true);
      expect(r.stderr).toContain('"keyword"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
