import type { QuestionRecord } from "../../src/analytics/types.js";

/**
 * A recorded question for the store tests, shared by the SQLite-only tests and the contract suite run
 * against every store. Each call gets a fresh random answer id, so records never collide; the raw user
 * id U0RAWUSERID is what the tests look for to prove only its salted hash is kept.
 */
export const question = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  answerId: `a${Math.random().toString(36).slice(2, 10)}`,
  at: new Date("2025-06-02T10:00:00Z"),
  platform: "slack",
  channel: "dm",
  userId: "U0RAWUSERID",
  question: "What is CANN?",
  status: "answered",
  confidence: 0.9,
  factIds: ["cann"],
  version: "v1",
  ...over,
});
