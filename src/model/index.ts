// The schemas' types only: the zod values load lazily through schema-lib.ts (dist/schema.cjs).
export type * from './schema.js';
export * from './types.js';
export * from './traverse.js';
