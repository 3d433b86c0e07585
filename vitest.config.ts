import { defineConfig } from 'vitest/config';

// The load test (200 concurrent requests, each acked inside Slack's 3 s) measures what
// the app does with the machine's two cores, so it runs last, alone; everything else
// runs first, two files at a time.
const ALONE = ['test/reliability/load.test.ts'];

export default defineConfig({
  test: {
    // End-to-end tests start real servers and databases; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
