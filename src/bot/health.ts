import { publicError } from "../knowledge/public-error.js";
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
      // Unauthenticated: short, printable, and without the server's folders.
      lastReloadError: s.lastError
        ? { at: s.lastError.at, message: publicError(s.lastError.message, store.file) }
        : null,
    };
  };
}
