import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_KNOWLEDGE_FILE } from "../../src/config.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../adapters/slack/fake-slack.js";
import { fixture, type Json } from "../adapters/slack/harness.js";
import { PG_AVAILABLE, type PgServer, startPostgres } from "./postgres-server.js";
import { ADMIN, assertBuilt, cli, mention, type Replica, startReplica } from "./replica-process.js";

/**
 * PostgreSQL stopped under two running replicas (and a third started while it is down): every
 * question is still answered, a retry to the same replica is still ignored (its memory), analytics
 * are buffered with one log line, and when the server is back everything recorded meanwhile reaches
 * the report, dedupe is shared again and reloads reach every replica again.
 */

let pgs: PgServer;
let slack: FakeSlack;
let dir: string;
let file: string;
let env: Record<string, string>;
let a: Replica;
let b: Replica;
let c: Replica | undefined;

beforeAll(async () => {
  assertBuilt();
  pgs = await startPostgres();
  slack = await startFakeSlack();
  dir = mkdtempSync(join(tmpdir(), "sb-outage-"));
  file = join(dir, "knowledge.yaml");
  copyFileSync(DEFAULT_KNOWLEDGE_FILE, file);
  env = { DATABASE_URL: await pgs.freshDatabase(), SLACK_API_URL: slack.apiUrl, KNOWLEDGE_FILE: file };
  [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((r) => r?.stop()));
  await slack?.close();
  pgs?.destroy();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const postsTo = (channel: string) =>
  slack.calls.filter((x) => x.method === "chat.postMessage" && x.body.channel === channel);
const answered = (channel: string) =>
  waitFor(() => (postsTo(channel).length ? true : undefined), 15_000, `the answer in ${channel}`);
const count = (text: string, needle: string) => text.split(needle).length - 1;
const questions = async () => {
  const run = await cli(["report", "--json", "--knowledge", file], env);
  return run.code === 0 ? Number((JSON.parse(run.out) as { totals: Json }).totals.questions) : -1;
};

describe.skipIf(!PG_AVAILABLE)("PostgreSQL goes away and comes back", () => {
  it("answers everything while it is down, and the store recovers when it restarts", async () => {
    expect((await a.event(mention("What is CANN?", "C0BEFORE", "EvBEFORE"))).status).toBe(200);
    await answered("C0BEFORE");
    for (let i = 0; i < 50 && (await questions()) !== 1; i++) await new Promise((r) => setTimeout(r, 100));

    pgs.stop();
    const channels = Array.from({ length: 10 }, (_, i) => `C0DOWN${i}`);
    const sent = await Promise.all(
      channels.map((ch, i) => (i % 2 ? b : a).event(mention("What is Pangu?", ch, `EvDOWN${i}`))),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    for (const ch of channels) await answered(ch);

    // Dedupe falls back to each replica's memory: a retry to the same replica is still ignored.
    expect((await a.event(mention("What is CANN?", "C0DOWNRETRY", "EvDOWNRETRY"))).status).toBe(200);
    expect((await a.event(mention("What is CANN?", "C0DOWNRETRY", "EvDOWNRETRY"), 1)).status).toBe(200);
    await answered("C0DOWNRETRY");

    // A replica started while the database is down comes up and answers too.
    c = await startReplica(env);
    expect((await c.event(mention("What is CANN?", "C0DOWNC", "EvDOWNC"))).status).toBe(200);
    await answered("C0DOWNC");
    // Health stays 200 and says the database is away (from the next heartbeat on).
    let health = await a.health();
    for (let i = 0; i < 50 && health.database !== "unavailable"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      health = await a.health();
    }
    expect(health).toMatchObject({ status: "ok", database: "unavailable" });
    expect(postsTo("C0DOWNRETRY")).toHaveLength(1);
    for (const r of [a, b]) {
      expect(count(r.stderr(), "analytics: PostgreSQL unavailable")).toBe(1);
    }
    expect(await questions()).toBe(-1); // `report` says it cannot reach the database, exit 1

    pgs.start();
    let n = await questions();
    for (let i = 0; i < 100 && n !== 13; i++) {
      await new Promise((r) => setTimeout(r, 200));
      n = await questions();
    }
    expect(n).toBe(13); // 1 before, 10 + 1 during, 1 on the replica started during the outage
    for (const r of [a, b]) expect(r.stderr()).toContain("analytics: PostgreSQL back");
  });

  it("after the restart dedupe is shared again and a reload reaches every replica", async () => {
    const ev = mention("What is CANN?", "C0AFTER", "EvAFTER");
    // Dedupe backs off for a moment after a failure; wait until each replica's health says shared.
    for (const r of [a, b]) {
      for (let i = 0; i < 50; i++) {
        await r.event(mention("What is CANN?", `C0PROBE${i}`, `EvPROBE${r.base}${i}`));
        if ((await r.health()).dedupe === "shared" && (await r.health()).database === "ok") break;
        await new Promise((w) => setTimeout(w, 200));
      }
    }
    expect((await a.event(ev)).status).toBe(200);
    expect((await b.event(ev, 1)).status).toBe(200);
    await answered("C0AFTER");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(postsTo("C0AFTER")).toHaveLength(1);

    writeFileSync(file, `${readFileSync(file, "utf8")}\n# after the outage\n`);
    const dm = { ...(fixture("message_im").event as Json), text: "reload", user: ADMIN, channel: "D0AFTER" };
    expect((await b.event({ ...fixture("message_im"), event: dm, event_id: "EvRELOADAFTER" })).status).toBe(
      200,
    );
    const reply = await slack.waitFor(
      (x) => x.method === "chat.postMessage" && x.body.channel === "D0AFTER",
      15_000,
    );
    const version = (await b.health()).version as string;
    expect(JSON.stringify(reply.body)).toContain(`3 of 3 replicas on ${version}`);
    expect((await a.health()).version).toBe(version);
  });
});
