import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests open real loopback servers in forks. Files share a fork's module cache
    // (isolate: false): importing Bolt, botbuilder and the core once per fork instead of once per file
    // cut `npm test`'s CPU time by two thirds. This is safe because no test mutates process.env, mocks
    // a module or keeps module state: configuration, clocks and loggers are injected, and every server
    // listens on port 0.
    pool: "forks",
    isolate: false,
    // Most of a test's time is spent waiting on loopback servers, so two forks overlap well even on a
    // 2-core machine (vitest's default there would be one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
