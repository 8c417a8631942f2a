import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_KNOWLEDGE_FILE } from "../../src/config.js";
import { buttonsOf, fixture, type Json } from "../adapters/slack/harness.js";
import { PG_AVAILABLE } from "./postgres-server.js";
import { adminMessage, cli, mention, type Replica, startReplica } from "./replica-process.js";
import { type ReplicaWorld, startWorld } from "./replica-world.js";

/**
 * Three real `serve` processes on one PostgreSQL database, as behind a load balancer: A and B read the
 * shared knowledge file, C its own copy (so C can be made to refuse a reload). Slack's retry of an
 * event sent to another replica is answered once; questions and votes on every replica land in one
 * report; an admin's reload on one reaches the others, and the reply says what each did.
 */

const PASSWORD = "pw-never-in-logs-7f3a";
let world: ReplicaWorld;
let dir: string;
let shared: string;
let env: Record<string, string>;
let a: Replica;
let b: Replica;
let c: Replica;

beforeAll(async () => {
  world = await startWorld("sb-replicas-");
  ({ dir, knowledge: shared } = world);
  copyFileSync(DEFAULT_KNOWLEDGE_FILE, join(dir, "c.yaml"));
  const url = (await world.pgs.freshDatabase()).replace("postgres@", `postgres:${PASSWORD}@`);
  env = { DATABASE_URL: url, SLACK_API_URL: world.slack.apiUrl, DATA_DIR: join(dir, "data") };
  [a, b, c] = await Promise.all([
    startReplica({ ...env, KNOWLEDGE_FILE: shared }),
    startReplica({ ...env, KNOWLEDGE_FILE: shared }),
    startReplica({ ...env, KNOWLEDGE_FILE: join(dir, "c.yaml") }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b, c].map((r) => r?.stop()));
  await world?.close();
}, 30_000);

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe.skipIf(!PG_AVAILABLE)("replicas on one PostgreSQL", () => {
  it("a Slack event sent to one replica and its retry sent to another is answered once", async () => {
    const ev = mention("What is CANN?", "C0RETRY1", "EvRETRY0001");
    expect((await a.event(ev)).status).toBe(200);
    expect((await b.event(ev, 1)).status).toBe(200);
    await world.answered("C0RETRY1");
    await settle();
    expect(world.postsTo("C0RETRY1")).toHaveLength(1);
    const ignored = `${a.stderr()}${b.stderr()}`.match(/duplicate event ignored[^\n]*EvRETRY0001/g);
    expect(ignored).toHaveLength(1);
  });

  it("50 concurrent retries across the replicas: still one answer", async () => {
    const ev = mention("What is Pangu?", "C0RETRY50", "EvRETRY0050");
    const replicas = [a, b, c];
    const sent = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (replicas[i % 3] as Replica).event(ev, i === 0 ? undefined : 1)),
    );
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    await world.answered("C0RETRY50");
    await settle();
    expect(world.postsTo("C0RETRY50")).toHaveLength(1);
  });

  it("questions and votes on every replica appear in one `report --json`", async () => {
    const asked: [Replica, string, string][] = [
      [a, "What is CANN?", "C0REPA"],
      [b, "What is the Ascend 910?", "C0REPB"],
      [c, "Who won the 1998 world cup?", "C0REPC"],
    ];
    for (const [r, q, ch] of asked) expect((await r.event(mention(q, ch, `Ev${ch}`))).status).toBe(200);
    const votes: [Replica, string, string][] = [
      [b, "C0REPA", "strategy_feedback_up"],
      [a, "C0REPB", "strategy_feedback_down"],
    ];
    for (const [r, ch, actionId] of votes) {
      const posted = await world.slack.waitFor(
        (x) => x.method === "chat.postMessage" && x.body.channel === ch,
        15_000,
      );
      const button = buttonsOf(posted.body).find((x) => x.action_id === actionId);
      const payload = {
        ...fixture("block_actions"),
        response_url: world.slack.responseUrl(`vote-${ch}`),
        actions: [{ action_id: actionId, value: button?.value, type: "button" }],
      };
      expect((await r.action(payload)).status).toBe(200);
      await world.slack.waitFor((x) => x.method === "respond" && x.id === `vote-${ch}`, 15_000);
    }
    const report = async () => {
      const run = await cli(["report", "--json", "--knowledge", shared], env);
      expect(run.err).toBe("");
      return JSON.parse(run.out) as { totals: Json; platforms: Json[]; unanswered: Json[] };
    };
    // Each replica writes through its queue; poll until the last vote is in.
    let r = await report();
    for (let i = 0; i < 50 && (r.totals.up !== 1 || r.totals.down !== 1); i++) {
      await new Promise((w) => setTimeout(w, 200));
      r = await report();
    }
    expect(r.totals).toMatchObject({ up: 1, down: 1 });
    expect(Number(r.totals.questions)).toBeGreaterThanOrEqual(5); // these three, and the two above
    expect(r.unanswered.map((g) => g.question)).toContain("Who won the 1998 world cup?");
  });

  it("an admin reload on one replica reaches the others; the reply says who refused and why", async () => {
    const before = (await a.health()).version;
    writeFileSync(shared, `${readFileSync(shared, "utf8")}\n# edited by the curator\n`);
    // C's own copy is broken: C keeps its old knowledge and says so.
    writeFileSync(join(dir, "c.yaml"), `${readFileSync(shared, "utf8")}\nfacts: [oops\n`);
    expect((await a.event(adminMessage("reload", "D0ADMIN1", "EvRELOAD01"))).status).toBe(200);
    const reply = await world.slack.waitFor(
      (x) => x.method === "chat.postMessage" && x.body.channel === "D0ADMIN1",
      15_000,
    );
    const version = (await a.health()).version as string;
    expect(version).not.toBe(before);
    const text = JSON.stringify(reply.body);
    expect(text).toContain(`2 of 3 replicas on ${version}, 1 refused: ${join(dir, "c.yaml")}:`);
    // B answered before the reply went out; C still serves the old version and says why.
    expect((await b.health()).version).toBe(version);
    const hc = await c.health();
    expect(hc.version).toBe(before);
    expect(String((hc.lastReloadError as Json).message)).toContain("c.yaml");
    // Every replica's /healthz lists them all, as of its last heartbeat (every 2 s).
    const settled = (rows: Json[]) => rows.filter((x) => x.version === version).length === 2;
    let rows = (await b.health()).replicas as Json[];
    for (let i = 0; i < 50 && !settled(rows); i++) {
      await new Promise((w) => setTimeout(w, 100));
      rows = (await b.health()).replicas as Json[];
    }
    expect(rows).toHaveLength(3);
    expect(rows.filter((x) => x.version === version && x.refused === null)).toHaveLength(2);
    expect(rows.find((x) => x.refused)?.version).toBe(before);
  });

  it("never logs the database password", () => {
    for (const r of [a, b, c]) {
      expect(r.stderr()).toContain("postgres://postgres:***@");
      expect(r.stderr()).not.toContain(PASSWORD);
    }
  });
});
