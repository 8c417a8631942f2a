import type { KnowledgeStore } from "../knowledge/store.js";

/** The /healthz body: what the bot serves now. The server calls this; it never sees the store. */
export function healthOf(store: KnowledgeStore): () => Record<string, unknown> {
  return () => {
    const s = store.status();
    return {
      status: s.version ? (s.lastError ? "degraded" : "ok") : "starting",
      version: s.version ?? null,
      facts: s.facts,
      curatedFacts: s.curatedFacts,
      sentences: s.sentences,
      loadedAt: s.loadedAt ?? null,
      lastReloadError: s.lastError ?? null,
    };
  };
}
