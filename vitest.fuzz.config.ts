// `npm run fuzz`: the property tests of the loader and the engine with 10,000 cases each (npm test
// runs a few hundred). FUZZ_RUNS and FUZZ_SEED override the count and the seed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/hostile/fuzz.test.ts',
      'test/engine/properties.test.ts',
      'test/engine/random-folders.test.ts',
      'test/hostile/escaping-properties.test.ts',
      'test/loader/plain-yaml.test.ts',
    ],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' },
    testTimeout: 1_800_000,
    reporters: ['default', './test/helpers/totals-reporter.ts'],
  },
});
