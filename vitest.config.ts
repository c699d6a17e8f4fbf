import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts'],
    reporters: ['default', './scripts/testing/summary-line-reporter.ts'],
    testTimeout: 20_000,
  },
});
