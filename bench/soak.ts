import { createHmac } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { DEFAULT_KNOWLEDGE_FILE } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { startBot } from "../src/main.js";
import { startFakeSlack } from "../tests/adapters/slack/fake-slack.js";
import { fakeConnector } from "../tests/adapters/teams/helpers.js";

/**
 * `npm run soak [-- --seconds 60]`: the real bot on loopback under autocannon on both endpoints for a
 * while, mixing valid, forged and malformed requests, while the knowledge file is reloaded every few
 * seconds alternating good and broken versions. Then every reply the fake Slack and fake Bot connector
 * recorded is checked against the knowledge version it claims. Exits 1 on any 5xx or bad answer.
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 60);
const RELOAD_MS = arg("reload-ms", 3000);
const CONNECTIONS = arg("connections", 10);
const SECRET = "soak-signing-secret-0123456789abcdef";
const QUESTIONS = readFileSync(
  fileURLToPath(new URL("../tests/fixtures/questions.jsonl", import.meta.url)),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);

const dir = mkdtempSync(join(tmpdir(), "soak-"));
const file = join(dir, "knowledge.yaml");
copyFileSync(DEFAULT_KNOWLEDGE_FILE, file);
const GOOD_A = readFileSync(file, "utf8");
const GOOD_B = GOOD_A.replace(/^title: (.*)$/m, "title: $1 (soak B)");
const BROKEN = GOOD_A.slice(0, Math.floor(GOOD_A.length / 2));

const slack = await startFakeSlack();
const connector = await fakeConnector();
const levels: Record<string, number> = {};
const log = createLogger("info", (line) => {
  const l = (JSON.parse(line) as { level: string }).level;
  levels[l] = (levels[l] ?? 0) + 1;
});
const started = await startBot(
  {
    HOST: "127.0.0.1",
    PORT: "0",
    KNOWLEDGE_FILE: file,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-0000-soak-token",
    SLACK_API_URL: slack.apiUrl,
  },
  log,
);
if (!started.ok) throw new Error(started.message);
const bot = started.bot;
const base = `http://127.0.0.1:${bot.address.port}`;

/** Every version that was serving at some point, with its sentences (to check quotes against). */
const loaded = new Map<string, string>();
const remember = () => {
  const k = bot.store.current().knowledge;
  loaded.set(k.version, k.sentences.map((s) => s.text).join(" "));
};
remember();

let seq = 0;
const pick = () => QUESTIONS[seq % QUESTIONS.length] as string;
const sign = (body: string, ts: number) =>
  `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
const slackEvent = () => {
  const n = ++seq;
  return JSON.stringify({
    type: "event_callback",
    team_id: "T0001TEST",
    api_app_id: "A0001TEST",
    event_id: `EvSOAK${n}`,
    event: {
      type: "app_mention",
      user: `U0SOAK${n % 5000}`,
      text: `<@U0000BOT01> ${pick()}`,
      ts: `1715000000.${n}`,
      channel: `C0SOAK${n}`,
    },
  });
};
type Req = { method: string; path: string; headers: Record<string, string>; body: string };
const signed = (body: string, forge = false): Req => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    method: "POST",
    path: "/slack/events",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": forge ? sign(body, ts).replace(/.$/, "0") : sign(body, ts),
    },
    body,
  };
};
const teamsActivity = () => {
  const n = ++seq;
  return JSON.stringify({
    type: "message",
    id: `soak-${n}`,
    text: pick(),
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: `29:soak-${n % 5000}`, aadObjectId: `soak-${n % 5000}` },
    conversation: { id: `a:soak-${n}`, conversationType: "personal" },
    recipient: { id: "28:bot", name: "strategy-bot" },
  });
};
const json = { "content-type": "application/json" };
// autocannon cycles through these per connection: 4 valid, 1 forged, 1 malformed on each endpoint.
const slackMix = [
  () => signed(slackEvent()),
  () => signed(slackEvent()),
  () => signed(slackEvent(), true),
  () => signed(slackEvent()),
  () => signed("{not json"),
  () => signed(slackEvent()),
];
const teamsMix = [
  () => ({ method: "POST", path: "/api/messages", headers: json, body: teamsActivity() }),
  () => ({ method: "POST", path: "/api/messages", headers: json, body: "{not json" }),
  () => ({ method: "POST", path: "/api/messages", headers: json, body: teamsActivity() }),
  () => ({ method: "POST", path: "/api/messages", headers: { "content-type": "text/plain" }, body: "hi" }),
  () => ({ method: "POST", path: "/api/messages", headers: json, body: teamsActivity() }),
  () => ({ method: "POST", path: "/api/messages", headers: json, body: teamsActivity() }),
];
const requests = (mix: (() => Req)[]) => mix.map((make) => ({ setupRequest: () => make() }));

const statuses: Record<string, number> = {};
const count = (route: string) => (_c: unknown, status: number) => {
  const k = `${route} ${status}`;
  statuses[k] = (statuses[k] ?? 0) + 1;
};

globalThis.gc?.();
// Replies are checked as they arrive and then dropped, so the fakes (which run in this process) do
// not hold every reply: what the memory rows show is the bot's own growth.
const fromMrkdwn = (t: string) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/@\u2060/g, "@");
let checked = 0;
let slackReplies = 0;
let teamsReplies = 0;
const bad: string[] = [];
const checkQuote = (version: string, quote: string) => {
  const text = loaded.get(version);
  const q = quote.replace(/…$/, "");
  if (!text?.includes(q)) bad.push(`${version}: quote not verbatim: ${q.slice(0, 80)}`);
};
const drain = () => {
  for (const c of slack.calls.splice(0)) {
    if (c.method !== "chat.postMessage") continue;
    slackReplies++;
    const body = JSON.stringify(c.body);
    const version = /Knowledge `([^`]+)`/.exec(body)?.[1];
    if (!version) continue; // not an answer (help, rate limited)
    checked++;
    if (!loaded.has(version)) bad.push(`slack reply claims unknown version ${version}`);
    for (const b of (c.body.blocks ?? []) as { type: string; text?: { text: string } }[]) {
      const m = b.type === "section" ? /^> ([\s\S]*) \[\d+\]$/.exec(b.text?.text ?? "") : null;
      if (m) checkQuote(version, fromMrkdwn((m[1] as string).replace(/\n> /g, "\n")));
    }
  }
  for (const r of connector.received.splice(0)) {
    teamsReplies++;
    const body = JSON.stringify(r.body);
    // The feedback buttons carry the version the answer came from (answered facts only).
    const version = /"action":"feedback"[^}]*"version":"([^"]+)"/.exec(body)?.[1];
    if (!version) continue; // no feedback card: unknown answers, help
    checked++;
    if (!loaded.has(version)) bad.push(`teams reply claims unknown version ${version}`);
  }
};
const drainer = setInterval(drain, 250);
const rssStart = process.memoryUsage().rss;
const heapStart = process.memoryUsage().heapUsed;
const reloads = { ok: 0, refused: 0 };
let flip = 0;
const reloader = setInterval(() => {
  const texts = [BROKEN, GOOD_B, BROKEN, GOOD_A];
  writeFileSync(file, texts[flip++ % texts.length] as string);
  void bot.store.reload().then((r) => {
    if (r.ok) {
      reloads.ok++;
      remember();
    } else reloads.refused++;
  });
}, RELOAD_MS);

console.error(`soak: ${SECONDS}s, ${CONNECTIONS} connections per endpoint, reload every ${RELOAD_MS} ms ...`);
const run = (route: string, mix: (() => Req)[]) => {
  const inst = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    requests: requests(mix),
  });
  (inst as unknown as { on(e: string, f: (...a: never[]) => void): void }).on("response", count(route));
  return inst;
};
// Memory after a warm-up (JIT, caches filling up to their bounds) is the baseline for growth.
let rssWarm = 0;
let heapWarm = 0;
let externalWarm = 0;
let heapTotalWarm = 0;
const warm = setTimeout(
  () => {
    globalThis.gc?.();
    rssWarm = process.memoryUsage().rss;
    heapWarm = process.memoryUsage().heapUsed;
    externalWarm = process.memoryUsage().external;
    heapTotalWarm = process.memoryUsage().heapTotal;
  },
  Math.min(10, SECONDS / 4) * 1000,
);
const [s, t] = await Promise.all([run("slack", slackMix), run("teams", teamsMix)]);
clearInterval(reloader);
clearTimeout(warm);

// Replies to Slack go out after the ack: give the last ones a moment to arrive.
await new Promise((r) => setTimeout(r, 2000));
clearInterval(drainer);
drain();
globalThis.gc?.();
const rssEnd = process.memoryUsage().rss;
const heapEnd = process.memoryUsage().heapUsed;
const externalEnd = process.memoryUsage().external;
const heapTotalEnd = process.memoryUsage().heapTotal;

const fivexx = Object.entries(statuses)
  .filter(([k]) => /\s5\d\d$/.test(k))
  .reduce((n, [, v]) => n + v, 0);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const rows: [string, string][] = [
  ["duration", `${SECONDS} s, ${CONNECTIONS} connections per endpoint`],
  ["requests served (slack / teams)", `${s.requests.total} / ${t.requests.total}`],
  [
    "responses by status",
    Object.entries(statuses)
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(", "),
  ],
  ["5xx", String(fivexx)],
  ["socket errors / timeouts", `${s.errors + t.errors} / ${s.timeouts + t.timeouts}`],
  ["p99 latency (slack / teams)", `${s.latency.p99} ms / ${t.latency.p99} ms`],
  ["reloads ok / refused", `${reloads.ok} / ${reloads.refused}`],
  ["versions served", String(loaded.size)],
  ["replies recorded (slack / teams)", `${slackReplies} / ${teamsReplies}`],
  ["answers checked against their version", `${checked}, ${bad.length} bad`],
  ["log lines by level", JSON.stringify(levels)],
  [
    "RSS start / after warm-up / end",
    `${mb(rssStart)} / ${mb(rssWarm)} / ${mb(rssEnd)}${globalThis.gc ? " (after gc)" : ""}`,
  ],
  ["heap used start / after warm-up / end", `${mb(heapStart)} / ${mb(heapWarm)} / ${mb(heapEnd)}`],
  // Buffers and other memory V8 tracks outside the heap (sockets, HTTP parsers, autocannon's own).
  ["external after warm-up / end", `${mb(externalWarm)} / ${mb(externalEnd)}`],
  // Heap space V8 keeps committed after GC: part of RSS, not of what the program holds.
  ["heap committed after warm-up / end", `${mb(heapTotalWarm)} / ${mb(heapTotalEnd)}`],
];
console.log("| measure | value |\n|---|---|");
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
for (const b of bad.slice(0, 10)) console.error(b);

await bot.stop();
await slack.close();
await connector.close();
rmSync(dir, { recursive: true, force: true });
process.exit(fivexx === 0 && bad.length === 0 && checked > 0 ? 0 : 1);
