// Everything that needs zod at run time, in one module: the schemas and the zod functions the JSON
// Schema (`convenant schema`) uses. The build writes it, with zod, as its own CommonJS file
// (dist/schema.cjs) that src/model/schema-lib.ts requires only when it is needed: a valid protocol
// is checked by the generated validators (src/model/generated/valid.ts) without zod.
export * from './schema.js';
export { registry, toJSONSchema } from 'zod';
