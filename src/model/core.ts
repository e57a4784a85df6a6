// The model without the zod schemas: the types, the plain constants and the structural helpers.
// The engine, the renderers and the analysis import this, so zod (and building the schemas) is
// loaded only where files are parsed (test/startup-chunks.test.ts).
export type * from './schema.js';
export * from './types.js';
export * from './traverse.js';
