// Opt-in system tests against a real spreadsheet (npm run test:system); not part of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/system/**/*.test.ts'],
    setupFiles: ['tests/setup/fail-on-console.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
