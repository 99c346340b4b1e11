import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // expect.poll waits on a page that fetches and re-renders; the 1 s default failed under CI load
    // (two cores, Chromium and PostgreSQL beside the suite), so a waiting assertion gets 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
