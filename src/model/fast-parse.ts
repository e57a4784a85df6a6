// A fast path through the zod schemas for input that is valid. Each schema is compiled once into
// plain closures that follow zod's own rules (the type test of each kind, the schema's checks run
// through zod's own check functions, the first union option that accepts, object keys in schema
// order), without zod's per-value bookkeeping and without the issue objects a failing union option
// builds. It answers exactly as zod does: the parsed value, or "invalid". Input it calls invalid
// goes to zod's safeParse, which explains why; a schema kind it does not know is handed to zod
// for that part. The schemas stay the single source of truth.
import type * as z from 'zod';

/** What a compiled schema returns for input zod rejects. */
const INVALID: unique symbol = Symbol('invalid');
type Compiled = (value: unknown) => unknown;

interface Internals {
  def: Record<string, unknown> & { type: string; checks?: readonly Check[] };
  traits: Set<string>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: Set<unknown>;
  innerType?: Schema;
}
interface Schema {
  _zod: Internals;
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
interface Check {
  _zod: {
    def: { check: string; when?: (payload: Payload) => boolean };
    check(payload: Payload): unknown;
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const compiled = new WeakMap<object, Compiled>();

/** `schema.safeParse(value)` when the value is valid; undefined when zod must say why it is not. */
export function parseValid<T>(schema: z.ZodType<T>, value: unknown): { success: true; data: T } | undefined {
  const data = compile(schema as unknown as Schema)(value);
  return data === INVALID ? undefined : { success: true, data: data as T };
}

function compile(schema: Schema): Compiled {
  let fn = compiled.get(schema);
  if (!fn) {
    // Recursive schemas (z.lazy) reach themselves while compiling: they find this forward.
    const forward: { body?: Compiled } = {};
    compiled.set(schema, (value) => forward.body!(value));
    const body = withChecks(schema, build(schema));
    forward.body = body;
    compiled.set(schema, body);
    fn = body;
  }
  return fn;
}

/** The schema's own checks (min, regex, int, refine, a string format), run as zod runs them on a value of the right type. */
function withChecks(schema: Schema, parse: Compiled): Compiled {
  const zod = schema._zod;
  const checks: Check[] = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...(zod.def.checks ?? [])];
  if (checks.length === 0) return parse;
  const quick = checks.map(surePass);
  const slow = (parsed: unknown): unknown => {
    const payload: Payload = { value: parsed, issues: [] };
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      // An asynchronous check: zod's safeParse throws for it; let zod do that.
      if (check._zod.check(payload) instanceof Promise) return INVALID;
      if (payload.issues.length > 0) return INVALID;
    }
    return payload.value;
  };
  return (value) => {
    const parsed = parse(value);
    if (parsed === INVALID) return INVALID;
    for (const pass of quick) if (!pass?.(parsed)) return slow(parsed);
    return parsed;
  };
}

/**
 * For the common checks, a test that the check surely passes (and leaves the value as it is); when
 * it says no, or for other checks, the check itself runs. Skipped or passed, zod reports nothing.
 */
function surePass(check: Check): ((value: unknown) => boolean) | undefined {
  const def = check._zod.def as Check['_zod']['def'] & { minimum?: number; format?: string; pattern?: RegExp };
  if (def.check === 'min_length' && typeof def.minimum === 'number') {
    const minimum = def.minimum;
    // A code point is one or two UTF-16 units: twice the minimum in units is surely enough.
    return (v) => (typeof v === 'string' ? v.length >= 2 * minimum : Array.isArray(v) && v.length >= minimum);
  }
  if (def.check === 'string_format' && def.format === 'regex' && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (v) => {
      if (typeof v !== 'string') return false;
      pattern.lastIndex = 0;
      return pattern.test(v);
    };
  }
  return undefined;
}

/** Parses with zod itself: for kinds this file does not compile. */
const byZod =
  (schema: Schema): Compiled =>
  (value) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : INVALID;
  };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function build(schema: Schema): Compiled {
  const zod = schema._zod;
  const def = zod.def;
  if (def.coerce) return byZod(schema);
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : INVALID);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : INVALID);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : INVALID);
    case 'literal':
    case 'enum': {
      const values = zod.values;
      if (!values) return byZod(schema);
      return (v) => (values.has(v) ? v : INVALID);
    }
    case 'optional': {
      const inner = def.innerType as Schema;
      if (inner._zod.optin === 'defaulted' || !zod.traits.has('$ZodOptional') || zod.traits.has('$ZodExactOptional')) return byZod(schema);
      const parse = compile(inner);
      return (v) => (v === undefined ? v : parse(v));
    }
    case 'nullable': {
      const parse = compile(def.innerType as Schema);
      return (v) => (v === null ? v : parse(v));
    }
    case 'lazy': {
      let parse: Compiled | undefined;
      return (v) => (parse ??= compile(zod.innerType!))(v);
    }
    case 'array': {
      const parse = compile(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return INVALID;
        const out = new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = parse(v[i]);
          if (item === INVALID) return INVALID;
          out[i] = item;
        }
        return out;
      };
    }
    case 'union': {
      if (def.unionFallback) return byZod(schema);
      if (zod.traits.has('$ZodDiscriminatedUnion')) return buildDiscriminated(schema);
      if (def.inclusive === false) return byZod(schema);
      const options = (def.options as Schema[]).map(compile);
      return (v) => {
        for (const option of options) {
          const parsed = option(v);
          if (parsed !== INVALID) return parsed;
        }
        return INVALID;
      };
    }
    case 'object':
      return buildObject(schema);
    default:
      return byZod(schema);
  }
}

/** A discriminated union: the option whose discriminator value the input has, as zod picks it. */
function buildDiscriminated(schema: Schema): Compiled {
  const discriminator = schema._zod.def.discriminator as string;
  const byValue = new Map<unknown, Compiled | null>();
  for (const option of schema._zod.def.options as (Schema & { _zod: { propValues?: Record<string, Set<unknown>> } })[]) {
    const values = option._zod.propValues?.[discriminator];
    if (!values || values.size === 0) return byZod(schema);
    // A value two options share (only `undefined` may be) selects neither.
    for (const value of values) byValue.set(value, byValue.has(value) ? null : compile(option));
  }
  return (v) => {
    if (!isObject(v)) return INVALID;
    const option = byValue.get(v[discriminator]);
    return option ? option(v) : INVALID;
  };
}

/** An object: every key of the shape in shape order, as zod builds it; unknown keys fail a strict object and are dropped by a plain one. */
function buildObject(schema: Schema): Compiled {
  const def = schema._zod.def;
  const shape = def.shape as Record<string, Schema>;
  const catchall = def.catchall as Schema | undefined;
  const strict = catchall?._zod.def.type === 'never';
  if (catchall && !strict) return byZod(schema);
  const keys = Object.keys(shape);
  if (keys.includes('__proto__') || Object.getOwnPropertySymbols(shape).length > 0) return byZod(schema);
  const known = new Set(keys);
  const fields = keys.map((key) => {
    const { optin, optout } = shape[key]!._zod;
    return { key, optional: optin === 'optional' && optout === 'optional', required: optin === undefined, parse: compile(shape[key]!) };
  });
  // Defaults and other absent-key rules: zod's own handling.
  if (fields.some((f) => !f.optional && !f.required)) return byZod(schema);
  return (v) => {
    if (!isObject(v)) return INVALID;
    const out: Record<string, unknown> = {};
    let present = 0;
    for (const field of fields) {
      if (field.key in v) {
        const parsed = field.parse(v[field.key]);
        if (parsed === INVALID) return INVALID;
        out[field.key] = parsed;
        if (Object.hasOwn(v, field.key)) present++;
      } else if (!field.optional) {
        return INVALID;
      }
    }
    // As many own keys as known own keys: no unknown key (zod walks for-in, which also sees
    // enumerable inherited keys; only a polluted Object.prototype has those).
    if (strict && Object.keys(v).length !== present) for (const key in v) if (!known.has(key)) return INVALID;
    return out;
  };
}
