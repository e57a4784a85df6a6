// zod issues → located Diagnostics, in Dutch, with "did you mean" for misspelled keys and values.
import type { z } from 'zod';
import { suggest, type Diagnostic } from '../diagnostics/index.js';
import { clip } from './clip.js';
import type { JsonPath, Span } from './yaml-positions.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export interface IssueContext {
  file: string;
  /** The schema the data was parsed with, to find the allowed keys at a path. */
  schema: AnySchema;
  data: unknown;
  /** Path of `data` inside the file. */
  base: JsonPath;
  locate(path: JsonPath, atKey?: boolean): Span;
}

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) collect(issue, [], ctx, out);
  return out;
}

function collect(issue: Issue, prefix: JsonPath, ctx: IssueContext, out: Diagnostic[]): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const full = [...ctx.base, ...path];
  const at = (span: Span) => ({ file: ctx.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn });

  const notOneOf = (options: readonly string[]): Diagnostic => {
    const actual = valueAt(ctx.data, path);
    const guess = typeof actual === 'string' ? suggest(actual, options) : undefined;
    return {
      code: 'invalid-value',
      severity: 'error',
      ...at(ctx.locate(full)),
      message: `ongeldige waarde ${show(actual)} voor "${clip(String(path.at(-1) ?? ''))}"`,
      hint: guess ? `Bedoel je "${guess}"? Kies uit: ${options.join(', ')}.` : `Kies uit: ${options.join(', ')}.`,
    };
  };

  switch (issue.code) {
    case 'invalid_union': {
      if (issue.errors.length > 0) {
        // Report only the branch the author most likely meant: the one their keys fit best.
        const branch = bestBranch(issue.errors);
        for (const inner of branch) collect(inner, path, ctx, out);
        return;
      }
      // A discriminator value that matches no branch, e.g. an unknown step `type`.
      out.push(notOneOf((issue as { options?: unknown[] }).options?.map(String) ?? []));
      return;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(ctx.schema, ctx.data, path);
      for (const key of issue.keys) {
        if (key === '__proto__') continue; // reported by parseYaml, at the key
        const guess = suggest(key, allowed);
        out.push({
          code: 'unknown-key',
          severity: 'error',
          ...at(ctx.locate([...full, key], true)),
          message: `onbekende sleutel "${clip(key)}"`,
          hint: guess ? `Bedoel je "${guess}"?` : allowed.length > 0 ? `Toegestaan op deze plek: ${allowed.join(', ')}.` : 'Haal deze sleutel weg.',
        });
      }
      return;
    }
    case 'invalid_type': {
      const actual = valueAt(ctx.data, path);
      if (actual === undefined) {
        // A misspelled key ("questoin") is reported once, as an unknown key with "did you mean":
        // a hint to add the key would make the author write it twice.
        const missing = String(path.at(-1));
        const owner = valueAt(ctx.data, path.slice(0, -1));
        if (owner && typeof owner === 'object' && Object.keys(owner).some((k) => k !== missing && suggest(k, [missing]) === missing)) return;
        out.push({
          code: 'missing-key',
          severity: 'error',
          ...at(ctx.locate(full)),
          message: `verplichte sleutel "${clip(String(path.at(-1)))}" ontbreekt`,
          hint: `Voeg "${clip(String(path.at(-1)))}:" toe (${typeName(issue.expected)}).`,
        });
        return;
      }
      out.push({
        code: 'wrong-type',
        severity: 'error',
        ...at(ctx.locate(full)),
        message: `"${clip(String(path.at(-1) ?? 'waarde'))}" moet ${typeName(issue.expected)} zijn, maar is ${describe(actual)}`,
        hint: typeHint(issue.expected),
      });
      return;
    }
    case 'invalid_key': {
      // A key of a record (scenario answers, expected partners) that is not a valid id.
      const inner = issue.issues[0]?.message;
      out.push({
        code: 'invalid-value',
        severity: 'error',
        ...at(ctx.locate(full, true)),
        message: `ongeldige sleutel "${clip(String(path.at(-1) ?? ''))}"`,
        hint: inner && !inner.startsWith('Invalid') ? `${inner[0]!.toUpperCase()}${inner.slice(1)}.` : 'Gebruik een id van een stap of partner.',
      });
      return;
    }
    case 'invalid_value': {
      out.push(notOneOf(issue.values.map(String)));
      return;
    }
    default: {
      // An item of a list is named by its value, not by its index ("1").
      const last = path.at(-1);
      const item = valueAt(ctx.data, path);
      const name =
        typeof last === 'number' && typeof item === 'string' ? `${clip(String(path.at(-2) ?? 'lijst'))}" (waarde "${clip(item)}")` : `${clip(String(last ?? 'waarde'))}"`;
      out.push({
        code: 'invalid-value',
        severity: 'error',
        ...at(ctx.locate(full)),
        message: `"${name}: ${dutchMessage(issue)}`,
        hint: 'Pas de waarde aan zoals de melding zegt (zie protocols/README.md).',
      });
    }
  }
}

function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  let best = branches[0] ?? [];
  let bestScore = Infinity;
  for (const branch of branches) {
    // Keys the branch does not know are strong evidence the author meant another branch.
    const score = branch.reduce((s, i) => s + (i.code === 'unrecognized_keys' ? 10 * i.keys.length : 1), 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function dutchMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? `de lijst moet minstens ${String(issue.minimum)} element(en) hebben`
        : issue.origin === 'string'
          ? 'de tekst mag niet leeg zijn'
          : `de waarde moet minstens ${String(issue.minimum)} zijn`;
    case 'too_big':
      return `de waarde is te groot (hoogstens ${String(issue.maximum)})`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : `ongeldig formaat (${issue.format})`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'een getal',
    int: 'een geheel getal',
    boolean: 'true of false',
    array: 'een lijst (regels die beginnen met "- ")',
    object: 'een map (sleutel: waarde)',
  };
  return names[expected] ?? expected;
}

function typeHint(expected: string): string {
  if (expected === 'array') return 'Schrijf een lijst: elke waarde op een eigen regel die begint met "- ".';
  if (expected === 'object') return 'Schrijf sleutels met een dubbele punt, ingesprongen onder deze regel.';
  if (expected === 'string') return 'Zet de tekst tussen aanhalingstekens als hij begint met een teken als : { [ of #.';
  return `Geef ${typeName(expected)}.`;
}

function describe(value: unknown): string {
  if (value === null) return 'leeg';
  // YAML's .inf and .nan are numbers to JavaScript, but not ones a protocol can use.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'geen getal (.nan)' : 'oneindig (.inf)';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'object') return 'een map';
  if (typeof value === 'string') return `tekst ${show(value)}`;
  return `${typeof value} ${show(value)}`;
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function valueAt(data: unknown, path: JsonPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  innerType?: AnySchema;
  valueType?: AnySchema;
  getter?: () => AnySchema;
  discriminator?: string;
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

/** The schema that applies to `value`: for a union, the object branch whose keys fit `value` best. */
function resolve(schema: AnySchema, value: unknown): AnySchema {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return s;
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  let best = d.options[0]!;
  let bestScore = -Infinity;
  for (const option of d.options) {
    const o = unwrap(option);
    const shape = defOf(o).shape;
    if (!shape) continue;
    const known = keys.filter((k) => Object.hasOwn(shape, k)).length;
    const discriminator = d.discriminator;
    const tag = discriminator && value && typeof value === 'object' ? (value as Record<string, unknown>)[discriminator] : undefined;
    const literal = discriminator ? (defOf(unwrap(shape[discriminator]!)) as { values?: unknown[] }).values : undefined;
    const score = known - (keys.length - known) + (literal && literal.includes(tag) ? 100 : 0);
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

export function allowedKeys(schema: AnySchema, data: unknown, path: JsonPath): string[] {
  let s: AnySchema | undefined = schema;
  let value: unknown = data;
  for (const seg of path) {
    if (!s) return [];
    const d = defOf(resolve(s, value));
    if (d.type === 'object' && d.shape) s = Object.hasOwn(d.shape, String(seg)) ? d.shape[String(seg)] : undefined;
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return [];
    value = valueAt(value, [seg]);
  }
  if (!s) return [];
  const shape = defOf(resolve(s, value)).shape;
  return shape ? Object.keys(shape) : [];
}
