import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_KNOWLEDGE_FILE } from "../../src/config.js";
import { type Call, type FakeSlack, startFakeSlack, waitFor } from "../adapters/slack/fake-slack.js";
import { type PgServer, startPostgres } from "./postgres-server.js";
import { assertBuilt } from "./replica-process.js";

/**
 * What the multi-replica tests stand on: a real throwaway PostgreSQL server, a fake Slack, and a
 * temporary directory holding a copy of the shipped knowledge file (so a test may edit it and reload).
 * The replicas themselves are each test's own; stop them before `close`.
 */
export interface ReplicaWorld {
  pgs: PgServer;
  slack: FakeSlack;
  dir: string;
  /** The copy of the shipped knowledge file in `dir`. */
  knowledge: string;
  /** The messages posted to `channel` so far. */
  postsTo(channel: string): Call[];
  /** Resolves once something was posted to `channel` (15 s at most). */
  answered(channel: string): Promise<true>;
  close(): Promise<void>;
}

export async function startWorld(tmpPrefix: string): Promise<ReplicaWorld> {
  assertBuilt();
  const pgs = await startPostgres();
  let slack: FakeSlack;
  try {
    slack = await startFakeSlack();
  } catch (e) {
    // Nothing else holds the server yet: a half-built world must not leave a cluster running.
    pgs.destroy();
    throw e;
  }
  const dir = mkdtempSync(join(tmpdir(), tmpPrefix));
  const knowledge = join(dir, "knowledge.yaml");
  copyFileSync(DEFAULT_KNOWLEDGE_FILE, knowledge);
  const postsTo = (channel: string) =>
    slack.calls.filter((x) => x.method === "chat.postMessage" && x.body.channel === channel);
  return {
    pgs,
    slack,
    dir,
    knowledge,
    postsTo,
    answered: (channel) =>
      waitFor(() => (postsTo(channel).length ? true : undefined), 15_000, `the answer in ${channel}`),
    close: async () => {
      await slack.close();
      pgs.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
