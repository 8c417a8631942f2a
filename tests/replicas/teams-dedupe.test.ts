import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
  until,
} from "../adapters/teams/helpers.js";
import { PG_AVAILABLE, type PgServer, startPostgres } from "./postgres-server.js";

/**
 * Teams through two bots on one database (in-process, real HTTP on loopback): the Bot Framework
 * channel re-posting an activity to the other replica gets one answer, keyed by conversation + id.
 */

let pgs: PgServer;
let connector: FakeConnector;
let one: StartedBot;
let two: StartedBot;

beforeAll(async () => {
  if (!PG_AVAILABLE) return;
  pgs = await startPostgres();
  connector = await fakeConnector();
  const url = await pgs.freshDatabase();
  [one, two] = await Promise.all([
    startTeamsBot({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0" }),
    startTeamsBot({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0" }),
  ]);
}, 60_000);
afterAll(async () => {
  await one?.bot.stop();
  await two?.bot.stop();
  await connector?.close();
  pgs?.destroy();
});

const message = (id: string, conversation: string) => {
  const f = fixture("personal-message");
  return {
    ...f,
    id,
    text: "what is CANN?",
    serviceUrl: connector.url,
    conversation: { ...(f.conversation as object), id: conversation },
  };
};

describe.skipIf(!PG_AVAILABLE)("Teams on two replicas", () => {
  it("a re-delivered activity sent to the other replica is answered once", async () => {
    const a = message("act-shared-1", "a:conv-1");
    expect((await post(one.base, a)).status).toBe(200);
    expect((await post(two.base, a)).status).toBe(200);
    await until(() => connector.received.length > 0, 10_000, "a reply");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(connector.received).toHaveLength(1);
    expect(two.logs.filter((l) => l.msg === "duplicate activity ignored")).toHaveLength(1);
  });

  it("the same activity id in another conversation is a different delivery", async () => {
    connector.received.length = 0;
    expect((await post(one.base, message("act-shared-2", "a:conv-2"))).status).toBe(200);
    expect((await post(two.base, message("act-shared-2", "a:conv-3"))).status).toBe(200);
    await until(() => connector.received.length === 2, 10_000, "two replies");
  });
});
