import type { BotDeps } from "./types.js";

/**
 * The one place an adapter asks "have we handled this delivery already?" (Slack's event_id, Teams'
 * conversation + activity id). Platforms re-send what they think failed; each delivery is answered once.
 * Async on purpose: with DATABASE_URL the replicas share one table (src/reliability/dedupe-postgres.ts).
 */
export async function claimDelivery(key: string, deps: BotDeps): Promise<boolean> {
  return deps.deliveries ? deps.deliveries.claim(key) : true;
}
