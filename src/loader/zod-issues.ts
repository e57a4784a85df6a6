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

  /** A required key that is not there: `what` says what it takes. */
  const missingKey = (what: string) => {
    // A misspelled key ("questoin") is reported once, as an unknown key with "did you mean": a hint
    // to add the key would make the author write it twice.
    const missing = String(path.at(-1));
    const owner = valueAt(ctx.data, path.slice(0, -1));
    if (owner && typeof owner === 'object' && Object.keys(owner).some((k) => k !== missing && suggest(k, [missing]) === missing)) return;
    out.push({
      code: 'missing-key',
      severity: 'error',
      ...at(ctx.locate(full)),
      message: `verplichte sleutel "${clip(missing)}" ontbreekt`,
      hint: `Voeg "${clip(missing)}:" toe (${what}).`,
    });
  };

  const notOneOf = (options: readonly string[]) => {
    const actual = valueAt(ctx.data, path);
    if (actual === undefined) return missingKey(`kies uit: ${options.join(', ')}`);
    const guess = typeof actual === 'string' ? suggest(actual, options) : undefined;
    out.push({
      code: 'invalid-value',
      severity: 'error',
      ...at(ctx.locate(full)),
      message: actual === null ? `${subject(full)} is leeg` : `ongeldige waarde ${show(actual)} voor ${subject(full)}`,
      hint: guess ? `Bedoel je "${guess}"? Kies uit: ${options.join(', ')}.` : `Kies uit: ${options.join(', ')}.`,
    });
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
      notOneOf((issue as { options?: unknown[] }).options?.map(String) ?? []);
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
      if (actual === undefined) return missingKey(typeName(issue.expected));
      out.push({
        code: 'wrong-type',
        severity: 'error',
        ...at(ctx.locate(full)),
        message: `${subject(full)} moet ${typeName(issue.expected)} zijn, maar is ${describe(actual)}`,
        hint: typeHint(issue.expected, requiredKeys(ctx.schema, ctx.data, path), actual, full.at(-1)),
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
      notOneOf(issue.values.map(String));
      return;
    }
    default: {
      // An item of a list is named by its value, not by its index ("1").
      const last = path.at(-1);
      const item = valueAt(ctx.data, path);
      const name = typeof last === 'number' && typeof item === 'string' ? `"${clip(String(full.at(-2) ?? 'lijst'))}" (waarde "${clip(item)}")` : subject(full);
      out.push({
        code: 'invalid-value',
        severity: 'error',
        ...at(ctx.locate(full)),
        message: `${name}: ${dutchMessage(issue)}`,
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
        ? `de lijst moet minstens ${issue.minimum === 1 ? 'één waarde' : `${String(issue.minimum)} waarden`} hebben`
        : issue.origin === 'string'
          ? 'de tekst mag niet leeg zijn'
          : `de waarde moet minstens ${String(issue.minimum)} zijn`;
    case 'too_big':
      return `de waarde is te groot (hoogstens ${String(issue.maximum)})`;
    // zod's own messages are English (and all start with "Invalid"); the schema's own are Dutch.
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'de tekst heeft niet de vorm die hier hoort';
    default:
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'deze waarde is hier niet toegestaan';
  }
}

/** What a wrong value is, for the message: its key, or for an item of a list, which item of which key. */
function subject(full: JsonPath): string {
  const last = full.at(-1);
  if (typeof last === 'string') return `"${clip(last)}"`;
  if (last === undefined) return 'de waarde';
  const list = full.at(-2);
  return `item ${last + 1}${typeof list === 'string' ? ` van "${clip(list)}"` : ''}`;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'een getal',
    int: 'een geheel getal',
    boolean: 'true of false',
    array: 'een lijst (regels die beginnen met "- ")',
    object: 'een map (sleutel: waarde)',
    record: 'een map (sleutel: waarde)',
  };
  // zod's other types (date, set, tuple, ...) are not in the schema; its English name is never shown.
  return names[expected] ?? 'een andere soort waarde';
}

/** How to write the expected type; for a map, with the keys it needs. */
function typeHint(expected: string, required: readonly string[], actual: unknown, key: PropertyKey | undefined): string {
  if (expected === 'array') return 'Schrijf een lijst: elke waarde op een eigen regel die begint met "- ".';
  if (expected === 'object' || expected === 'record') {
    const keys = required.length > 0 ? `, bijvoorbeeld de verplichte ${required.map((k) => `"${k}:"`).join(', ')}` : '';
    return `Schrijf sleutels met een dubbele punt, ingesprongen onder deze regel${keys}.`;
  }
  if (expected === 'string') {
    // YAML reads 2025.1, true or 12:30 as a number, a yes/no value or a time: quoting keeps it text.
    const named = typeof key === 'string' ? `${clip(key)}: ` : '';
    if (actual === null) return named ? `Vul een tekst in achter "${named.trim()}".` : 'Vul een tekst in.';
    if (typeof actual === 'number' || typeof actual === 'boolean') return `Zet de waarde tussen aanhalingstekens, zodat het tekst is: ${named}"${String(actual)}".`;
    return 'Schrijf hier een tekst. Begint die met een teken als : { [ of #, zet hem dan tussen aanhalingstekens.';
  }
  return `Geef ${typeName(expected)}.`;
}

function describe(value: unknown): string {
  if (value === null) return 'leeg';
  // YAML's .inf and .nan are numbers to JavaScript, but not ones a protocol can use.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'geen getal (.nan)' : 'oneindig (.inf)';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'object') return 'een map';
  if (typeof value === 'string') return `tekst ${show(value)}`;
  if (typeof value === 'number') return `het getal ${show(value)}`;
  if (typeof value === 'boolean') return `de ja/nee-waarde ${show(value)}`;
  return `de waarde ${show(value)}`;
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

/** The schema that applies at `path` of `data`, as written there (a union not yet resolved). */
function schemaAt(schema: AnySchema, data: unknown, path: JsonPath): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  let value: unknown = data;
  for (const seg of path) {
    if (!s) return undefined;
    const d = defOf(resolve(s, value));
    if (d.type === 'object' && d.shape) s = Object.hasOwn(d.shape, String(seg)) ? d.shape[String(seg)] : undefined;
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
    value = valueAt(value, [seg]);
  }
  return s;
}

export function allowedKeys(schema: AnySchema, data: unknown, path: JsonPath): string[] {
  const s = schemaAt(schema, data, path);
  const shape = s && defOf(resolve(s, valueAt(data, path))).shape;
  return shape ? Object.keys(shape) : [];
}

/** The keys a map at `path` must have; none when it may be one of several kinds (a step's type decides). */
function requiredKeys(schema: AnySchema, data: unknown, path: JsonPath): string[] {
  const s = schemaAt(schema, data, path);
  const shape = s && defOf(unwrap(s)).shape;
  return shape ? Object.keys(shape).filter((key) => defOf(shape[key]!).type !== 'optional') : [];
}
