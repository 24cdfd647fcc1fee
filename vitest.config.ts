import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,integration,browser,emulators}/**/*.test.ts'],
    setupFiles: ['tests/setup/fail-on-console.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Integration suites start in-process servers on port 0; files run in parallel workers.
    pool: 'forks',
  },
});
