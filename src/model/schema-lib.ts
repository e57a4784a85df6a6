// The zod schemas, loaded the first time something needs them: to explain why an item is invalid
// (src/loader/zod-issues.ts), to parse scenario files, to write the JSON Schema. A valid protocol
// loads without them (src/model/generated/valid.ts), so the validate and incident start-up never
// evaluates zod or builds the schemas. The loader is synchronous, so this is a require: the build
// writes src/model/zod-lib.ts with zod as one CommonJS file next to the bundle (scripts/build.mjs),
// and this module's import of the sources is then dead code that esbuild leaves out.
import { createRequire } from 'node:module';
import * as sources from './zod-lib.js';

declare const __SCHEMA_BUNDLE__: string | undefined;

export type SchemaLib = typeof sources;

let lib: SchemaLib | undefined;

export function schemaLib(): SchemaLib {
  if (typeof __SCHEMA_BUNDLE__ !== 'string') return sources;
  lib ??= createRequire(import.meta.url)(__SCHEMA_BUNDLE__) as SchemaLib;
  return lib;
}
