import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests open real loopback servers; keep them in separate forks so ports and env never leak.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
