import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../adapters/slack/harness.js";
import { PG_AVAILABLE } from "./postgres-server.js";
import { adminMessage, cli, mention, type Replica, startReplica } from "./replica-process.js";
import { type ReplicaWorld, startWorld } from "./replica-world.js";

/**
 * PostgreSQL stopped under two running replicas (and a third started while it is down): every
 * question is still answered, a retry to the same replica is still ignored (its memory), analytics
 * are buffered with one log line, and when the server is back everything recorded meanwhile reaches
 * the report, dedupe is shared again and reloads reach every replica again.
 */

let world: ReplicaWorld;
let env: Record<string, string>;
let a: Replica;
let b: Replica;
let c: Replica | undefined;

beforeAll(async () => {
  world = await startWorld("sb-outage-");
  env = {
    DATABASE_URL: await world.pgs.freshDatabase(),
    SLACK_API_URL: world.slack.apiUrl,
    KNOWLEDGE_FILE: world.knowledge,
  };
  [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((r) => r?.stop()));
  await world?.close();
}, 30_000);

const count = (text: string, needle: string) => text.split(needle).length - 1;
const questions = async () => {
  const run = await cli(["report", "--json", "--knowledge", world.knowledge], env);
  return run.code === 0 ? Number((JSON.parse(run.out) as { totals: Json }).totals.questions) : -1;
};

describe.skipIf(!PG_AVAILABLE)("PostgreSQL goes away and comes back", () => {
  it("answers everything while it is down, and the store recovers when it restarts", async () => {
    expect((await a.event(mention("What is CANN?", "C0BEFORE", "EvBEFORE"))).status).toBe(200);
    await world.answered("C0BEFORE");
    for (let i = 0; i < 50 && (await questions()) !== 1; i++) await new Promise((r) => setTimeout(r, 100));

    world.pgs.stop();
    const channels = Array.from({ length: 10 }, (_, i) => `C0DOWN${i}`);
    const sent = await Promise.all(
      channels.map((ch, i) => (i % 2 ? b : a).event(mention("What is Pangu?", ch, `EvDOWN${i}`))),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    for (const ch of channels) await world.answered(ch);

    // Dedupe falls back to each replica's memory: a retry to the same replica is still ignored.
    expect((await a.event(mention("What is CANN?", "C0DOWNRETRY", "EvDOWNRETRY"))).status).toBe(200);
    expect((await a.event(mention("What is CANN?", "C0DOWNRETRY", "EvDOWNRETRY"), 1)).status).toBe(200);
    await world.answered("C0DOWNRETRY");

    // A replica started while the database is down comes up and answers too.
    c = await startReplica(env);
    expect((await c.event(mention("What is CANN?", "C0DOWNC", "EvDOWNC"))).status).toBe(200);
    await world.answered("C0DOWNC");
    // Health stays 200 and says the database is away (from the next heartbeat on).
    let health = await a.health();
    for (let i = 0; i < 50 && health.database !== "unavailable"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      health = await a.health();
    }
    expect(health).toMatchObject({ status: "ok", database: "unavailable" });
    expect(world.postsTo("C0DOWNRETRY")).toHaveLength(1);
    for (const r of [a, b]) {
      expect(count(r.stderr(), "analytics: PostgreSQL unavailable")).toBe(1);
    }
    expect(await questions()).toBe(-1); // `report` says it cannot reach the database, exit 1

    world.pgs.start();
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
    await world.answered("C0AFTER");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(world.postsTo("C0AFTER")).toHaveLength(1);

    writeFileSync(world.knowledge, `${readFileSync(world.knowledge, "utf8")}\n# after the outage\n`);
    expect((await b.event(adminMessage("reload", "D0AFTER", "EvRELOADAFTER"))).status).toBe(200);
    const reply = await world.slack.waitFor(
      (x) => x.method === "chat.postMessage" && x.body.channel === "D0AFTER",
      15_000,
    );
    const version = (await b.health()).version as string;
    expect(JSON.stringify(reply.body)).toContain(`3 of 3 replicas on ${version}`);
    expect((await a.health()).version).toBe(version);
  });
});
