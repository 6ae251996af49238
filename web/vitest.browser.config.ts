import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server as a child process (test/global-setup.ts)
 * driven through Debian Chromium with playwright-core. Files run one after
 * another: one server, one browser at a time, and sign-in throttling is per IP.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.browser.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
