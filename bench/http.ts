import { type ChildProcess, fork } from "node:child_process";
import { startBot } from "../src/main.js";
import { bareBolt, bareBotbuilder, type Running } from "./baselines.js";
import type { LoadJob, LoadMessage, LoadReply } from "./load.js";

/**
 * End-to-end throughput on loopback: the real bot (startBot, local mode for Teams, signed Slack
 * events) next to bare Bolt and bare botbuilder apps that reply with a constant, all against the same
 * fakes, with autocannon in a separate process (bench/load.ts). Targets take turns for several short
 * rounds and each reports its median round, so a busy moment on the machine does not land on one alone.
 */

type Result = Extract<LoadReply, { type: "result" }>;

export interface HttpRow extends Omit<Result, "type"> {
  route: string;
  server: string;
  /** req/s of every round, in order; `rps` and the rest are from the median round. */
  rounds: number[];
  /** The bot's req/s over the bare handler's (bot rows only). */
  ratio?: number;
}

export type HttpReport =
  | { status: "skipped"; reason: string }
  | {
      status: "measured";
      knowledge: string;
      connections: number;
      seconds: number;
      rows: HttpRow[];
      skipped: string[];
    };

export interface HttpOptions {
  knowledgeFile: string;
  questions: string[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
}

const SECRET = "bench-signing-secret";

export class LoadProcess {
  private child: ChildProcess = fork(new URL("./load.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  ask(m: LoadMessage): Promise<LoadReply> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the load process exited (${code})`));
      this.child.once("exit", exited);
      this.child.once("message", (r) => {
        this.child.off("exit", exited);
        resolve(r as LoadReply);
      });
      this.child.send(m);
    });
  }
  stop(): void {
    if (this.child.connected) this.child.send({ type: "stop" });
  }
}

/** Has the bot a route there? The server answers 405 to a GET on a POST route and 404 to no route. */
async function mounted(url: string): Promise<boolean> {
  const r = await fetch(url);
  await r.arrayBuffer();
  return r.status !== 404;
}

interface Target {
  route: string;
  kind: LoadJob["kind"];
  server: string;
  url: string;
}

async function targetsOf(botUrl: string, slackApiUrl: string, running: Running[]): Promise<Target[]> {
  const start = async (p: Promise<Running>, path: string) => {
    const r = await p;
    running.push(r);
    return `${r.url}${path}`;
  };
  const teams = { route: "POST /api/messages", kind: "teams" as const };
  const slack = { route: "POST /slack/events", kind: "slack" as const };
  return [
    { ...teams, server: "bot", url: `${botUrl}/api/messages` },
    { ...teams, server: "bare botbuilder", url: await start(bareBotbuilder(), "/api/messages") },
    { ...slack, server: "bot", url: `${botUrl}/slack/events` },
    {
      ...slack,
      server: "bare Bolt (ExpressReceiver)",
      url: await start(bareBolt("express", SECRET, slackApiUrl), "/slack/events"),
    },
    {
      ...slack,
      server: "bare Bolt (HTTPReceiver)",
      url: await start(bareBolt("http", SECRET, slackApiUrl), "/slack/events"),
    },
  ];
}

export async function measureHttp(opts: HttpOptions): Promise<HttpReport> {
  const load = new LoadProcess();
  const running: Running[] = [];
  try {
    const fakes = await load.ask({ type: "fakes" });
    if (fakes.type !== "fakes") throw new Error("the load process did not start its fakes");
    const started = await startBot({
      HOST: "127.0.0.1",
      PORT: "0",
      KNOWLEDGE_FILE: opts.knowledgeFile,
      LOG_LEVEL: "warn",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: fakes.slackApiUrl,
    });
    if (!started.ok) return { status: "skipped", reason: `startBot failed: ${started.message}` };
    const bot = started.bot;
    running.push({ url: "", close: () => bot.stop() });
    const all = await targetsOf(`http://127.0.0.1:${bot.address.port}`, fakes.slackApiUrl, running);
    const skipped: string[] = [];
    const targets: Target[] = [];
    for (const t of all) {
      if (t.server === "bot" && !(await mounted(t.url))) {
        skipped.push(`${t.route} on the bot: the ${t.kind} adapter is not mounted (404)`);
      } else targets.push(t);
    }
    const { seconds, connections, questions } = opts;
    const job = (t: Target, s: number): LoadJob => ({
      type: "run",
      kind: t.kind,
      url: t.url,
      signingSecret: SECRET,
      seconds: s,
      connections,
      questions,
    });
    // Not recorded: warms the JIT and the connection pools of every target alike.
    for (const t of targets) await load.ask(job(t, opts.warmupSeconds));
    const results = targets.map(() => [] as Result[]);
    for (let round = 0; round < opts.rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const r = await load.ask(job(t, seconds));
        if (r.type !== "result") throw new Error("the load process answered out of turn");
        results[i]?.push(r);
      }
    }
    const rows = targets.map((t, i) => rowOf(t, results[i] ?? []));
    for (const row of rows) {
      const bare = rows.find((r) => r.route === row.route && r.server !== "bot");
      if (row.server === "bot" && bare && bare.rps > 0) row.ratio = row.rps / bare.rps;
    }
    return { status: "measured", knowledge: opts.knowledgeFile, connections, seconds, rows, skipped };
  } catch (e) {
    return { status: "skipped", reason: `HTTP benchmark failed: ${(e as Error).stack ?? String(e)}` };
  } finally {
    for (const r of running.reverse()) await r.close();
    load.stop();
  }
}

function rowOf(t: Target, results: Result[]): HttpRow {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  const { type: _type, ...median } = sorted[Math.floor(sorted.length / 2)] as Result;
  return { route: t.route, server: t.server, ...median, rounds: results.map((r) => Math.round(r.rps)) };
}
