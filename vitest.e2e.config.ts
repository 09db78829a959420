import { defineConfig } from 'vitest/config';

/** Browser tests (npm run test:e2e): real server in demo mode + one shared headless Chromium. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two files at a time (2 cores); sign-ins of the same user are serialised by a lock (helpers.ts).
    fileParallelism: true,
    maxWorkers: 2,
    // Modules (playwright, axe, helpers) are loaded once per worker, not once per file.
    isolate: false,
    // generous: a journey step on a loaded 2-core machine took 53 s (quiet: about 10 s)
    testTimeout: 120_000,
    hookTimeout: 150_000,
    teardownTimeout: 30_000,
    // expect.poll waits 1 s by default: too little for a page that answers after a second request on a
    // loaded 2-core machine (the referral tab's "not opened yet" column flaked there).
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
