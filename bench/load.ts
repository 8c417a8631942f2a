import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";

/**
 * The load side of the HTTP benchmark, forked as its own process so that autocannon and the fake
 * platforms do not share the measured server's event loop. It serves the fakes (Slack's Web API, the
 * Bot Framework connector) and runs one autocannon job per message from the parent.
 */

export type LoadJob = {
  type: "run";
  kind: "teams" | "slack";
  url: string;
  seconds: number;
  connections: number;
  questions: string[];
  signingSecret: string;
};
export type LoadMessage = LoadJob | { type: "fakes" } | { type: "stop" };
export type LoadReply =
  | { type: "fakes"; slackApiUrl: string; connectorUrl: string }
  | {
      type: "result";
      rps: number;
      p50: number;
      p99: number;
      non2xx: number;
      errors: number;
      replies: number;
    };

/** Counts the replies a bot posts; answers every call the way the real service answers success. */
function fake(body: string): { server: Server; count: () => number } {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST" && /chat\.post|\/activities/.test(req.url ?? "")) n++;
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
  });
  return { server, count: () => n };
}

const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

let seq = 0;

function teamsActivity(question: string, serviceUrl: string): string {
  const id = `bench-${process.pid}-${++seq}`;
  return JSON.stringify({
    type: "message",
    id,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: "29:bench-user", name: "Bench User", aadObjectId: "00000000-0000-4000-8000-00000000be4c" },
    conversation: { id: "a:bench-conversation", conversationType: "personal", tenantId: "t-bench" },
    recipient: { id: "28:bench-bot", name: "strategy-bot" },
    text: question,
    textFormat: "plain",
    locale: "en-US",
  });
}

/** An app_mention event_callback with a fresh event_id (the bot drops redelivered event ids). */
function slackEvent(question: string): string {
  const n = ++seq;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, "0")}`;
  return JSON.stringify({
    token: "bench",
    team_id: "T0BENCH",
    api_app_id: "A0BENCH",
    type: "event_callback",
    event_id: `Ev${process.pid}x${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_mention", user: "U0ASKER", text: `<@U0BOT> ${question}`, ts, channel: "C0BENCH" },
    authorizations: [{ team_id: "T0BENCH", user_id: "U0BOT", is_bot: true }],
  });
}

/** Slack signs `v0:<timestamp>:<body>` with the signing secret (HMAC-SHA256, hex). */
function slackHeaders(body: string, secret: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return {
    "content-type": "application/json",
    "x-slack-request-timestamp": ts,
    "x-slack-signature": `v0=${sig}`,
  };
}

async function main(): Promise<void> {
  const slack = fake(
    JSON.stringify({
      ok: true,
      user_id: "U0BOT",
      bot_id: "B0BOT",
      team_id: "T0BENCH",
      channel: "C0BENCH",
      ts: "1.1",
    }),
  );
  const connector = fake(JSON.stringify({ id: "bench-reply" }));
  const slackApiUrl = `${await listen(slack.server)}/api/`;
  const connectorUrl = `${await listen(connector.server)}/`;
  const send = (m: LoadReply) => process.send?.(m);
  process.on("message", async (m: LoadMessage) => {
    if (m.type === "stop") process.exit(0);
    if (m.type === "fakes") {
      send({ type: "fakes", slackApiUrl, connectorUrl });
      return;
    }
    const counter = m.kind === "slack" ? slack : connector;
    const before = counter.count();
    let k = 0;
    const r = await autocannon({
      url: m.url,
      connections: m.connections,
      duration: m.seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const q = m.questions[k++ % m.questions.length] ?? "hello";
            const body = m.kind === "slack" ? slackEvent(q) : teamsActivity(q, connectorUrl);
            const headers =
              m.kind === "slack"
                ? slackHeaders(body, m.signingSecret)
                : { "content-type": "application/json" };
            return { ...req, body, headers };
          },
        },
      ],
    });
    // Slack replies are posted after the ack: give the last ones a moment to land before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    send({
      type: "result",
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      replies: counter.count() - before,
    });
  });
}

void main();
