import type { BotDeps } from "./types.js";

/**
 * The one place an adapter asks "have we handled this delivery already?" (Slack's event_id, Teams'
 * conversation + activity id). Platforms re-send what they think failed; each delivery is answered once.
 * Async on purpose: a store shared by several replicas answers over the network.
 */
export async function claimDelivery(key: string, deps: BotDeps): Promise<boolean> {
  return deps.deliveries ? deps.deliveries.firstTime(key) : true;
}
