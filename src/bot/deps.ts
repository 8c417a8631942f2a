import { SeenEvents } from "../reliability/dedupe.js";
import { Conversations } from "./conversations.js";
import type { BotDeps } from "./types.js";

/**
 * The bot's dependencies for a surface that runs it: what the caller gives (store, log, admins,
 * analytics, rate limit) plus the bot's own memory, bounded: follow-up context per conversation
 * (10,000 conversations, 30 minutes idle) and delivery ids already handled (10 minutes).
 */
export function createBotDeps(
  base: Omit<BotDeps, "conversations" | "admins"> & { admins?: Iterable<string> },
): BotDeps {
  return {
    ...base,
    admins: new Set(base.admins ?? []),
    conversations: new Conversations(),
    // Several replicas pass the shared PostgreSQL dedupe; one process remembers in memory.
    deliveries: base.deliveries ?? new SeenEvents(),
  };
}
