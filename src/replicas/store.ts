import { KnowledgeStore, type ReloadResult } from "../knowledge/store.js";
import type { ReplicaSummary } from "./summary.js";

/**
 * The knowledge store of a replica among several (DATABASE_URL): every reload asked for here (chat,
 * web admin, SIGHUP, file watch) is also sent to the other replicas, and its result carries what they
 * did. A reload another replica asked for runs through `reloadHere`, which sends nothing on.
 */

export type SharedReloadResult = ReloadResult & { replicas?: ReplicaSummary };

export interface Broadcaster {
  broadcast(result: ReloadResult): Promise<ReplicaSummary>;
}

export class SharedKnowledgeStore extends KnowledgeStore {
  private broadcaster: Broadcaster | undefined;

  /** From now on reloads reach every replica (set after the first load: starting is not a reload). */
  shareWith(b: Broadcaster | undefined): void {
    this.broadcaster = b;
  }

  override async reload(): Promise<SharedReloadResult> {
    const result = await super.reload();
    if (!this.broadcaster) return result;
    return { ...result, replicas: await this.broadcaster.broadcast(result) };
  }

  reloadHere(): Promise<ReloadResult> {
    return super.reload();
  }
}
