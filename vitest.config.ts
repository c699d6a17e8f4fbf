import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'bin/**/*.test.ts'],
    globalSetup: ['./scripts/testing/compile-setup.ts'],
    reporters: ['default', './scripts/testing/summary-line-reporter.ts'],
    // Tests that run the CLI as child processes start several at once; on a busy 2-core runner each can take tens of seconds.
    testTimeout: 60_000,
  },
});
