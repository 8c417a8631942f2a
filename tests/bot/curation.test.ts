import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderReply as renderSlack } from "../../src/adapters/slack/render.js";
import { renderReply as renderTeams } from "../../src/adapters/teams/render.js";
import { openSqliteStore } from "../../src/analytics/sqlite.js";
import { curationCommandOf } from "../../src/bot/curation.js";
import { type BotDeps, describeStatus, handleText } from "../../src/bot/handle.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { silentLogger } from "../../src/log.js";
import { startBot } from "../../src/main.js";
import { runCli } from "../cli/capture.js";
import { fixturePath } from "../knowledge/fixtures.js";

/** Admin `report` and `reload --dry-run` from chat, `check --diff`, and stale facts. */

const dir = mkdtempSync(join(tmpdir(), "sb-curation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = readFileSync(fixturePath("small.yaml"), "utf8");
const NOW = new Date("2025-06-09T09:00:00Z");
const ADMIN = "U0ADMIN";

/** small.yaml with CANN due for review, a new fact, a changed answer and a changed source sentence. */
const NEXT = SMALL.replace(
  "    as_of: 2024-05\n",
  "    as_of: 2024-05\n    review_by: 2025-01\n    owner: ada@example.com\n",
)
  .replace("Developers still prefer Nvidia’s tools.", "Developers still prefer Nvidia’s tools today.")
  .replace(
    "  - id: ict-revenue\n    answer: In 2023 the ICT",
    `  - id: nvidia-tools
    answer: Developers still prefer Nvidia's tools.
    questions:
      - Which tools do developers prefer?
    cite:
      - source: memo
        quote: "Developers still prefer Nvidia’s tools today."
  - id: ict-revenue
    answer: In 2023, the ICT`,
  );

async function setup(text = SMALL) {
  const file = join(dir, `k-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const store = new KnowledgeStore({ file, now: () => NOW });
  const first = await store.reload();
  if (!first.ok) throw new Error(first.message);
  const analytics = openSqliteStore({ dir: mkdtempSync(join(dir, "db-")), log: silentLogger });
  const deps: BotDeps = { store, admins: new Set([ADMIN]), log: silentLogger, analytics, now: () => NOW };
  return { file, store, deps, analytics };
}

describe("admin commands", () => {
  it("parses report and reload --dry-run", () => {
    expect(curationCommandOf("report")).toEqual({ command: "report", sinceMs: 7 * 86_400_000 });
    expect(curationCommandOf("report 30d")).toEqual({ command: "report", sinceMs: 30 * 86_400_000 });
    expect(curationCommandOf("reload --dry-run")).toEqual({ command: "reload-dry-run" });
    expect(curationCommandOf("reload dry-run")).toEqual({ command: "reload-dry-run" });
    expect(curationCommandOf("report on the chip business")).toBeUndefined();
  });

  it("report is for admins only, and digests the questions asked, rendered for Slack and Teams", async () => {
    const { deps, analytics } = await setup();
    expect(await handleText("report", { platform: "slack", userId: "U0SOMEONE" }, deps)).toEqual({
      kind: "refused",
      command: "report",
    });
    for (const q of ["Who is the CEO?", "who is the ceo", "What is CANN?"]) {
      const r = await handleText(q, { platform: "teams", userId: "u1", channel: "dm" }, deps);
      expect(r.kind === "answer" && r.answerId).toBeTruthy();
    }
    const reply = await handleText("report", { platform: "slack", userId: ADMIN }, deps);
    if (reply.kind !== "curation" || reply.curation.kind !== "report") throw new Error(reply.kind);
    expect(reply.curation.report.totals).toMatchObject({ questions: 3, answered: 1, unknown: 2 });
    expect(reply.curation.report.unanswered[0]).toMatchObject({ question: "Who is the CEO?", count: 2 });
    const slack = JSON.stringify(renderSlack(reply, { surface: "message" }));
    expect(slack).toContain("Not answered (most asked first)");
    expect(slack).toContain("Who is the CEO?");
    const teams = renderTeams(reply).text;
    expect(teams).toContain("**Not answered (most asked first)**");
    analytics.close();
  });

  it("reload --dry-run shows the diff against the serving knowledge and swaps nothing", async () => {
    const { file, store, deps } = await setup();
    const before = store.current().knowledge.version;
    writeFileSync(file, NEXT);
    const reply = await handleText("reload --dry-run", { platform: "teams", userId: ADMIN }, deps);
    if (reply.kind !== "curation" || reply.curation.kind !== "dry-run") throw new Error(reply.kind);
    expect(store.current().knowledge.version).toBe(before);
    const text = renderTeams(reply).text;
    expect(text).toContain("Facts added 1: nvidia-tools");
    expect(text).toContain("Facts changed 2");
    expect(text).toContain("Which tools do developers prefer?");
    expect(JSON.stringify(renderSlack(reply, { surface: "ephemeral" }))).toContain(
      "Dry run (nothing swapped)",
    );
  });
});

describe("stale facts", () => {
  it("status lists facts past review_by; a reload flags facts citing a changed source", async () => {
    const { file, store } = await setup();
    writeFileSync(file, NEXT);
    const r = await store.reload();
    if (!r.ok) throw new Error(r.message);
    expect(r.changedSources).toEqual([
      { source: "memo", facts: ["ascend-chip", "cann", "nvidia-tools", "ict-revenue"] },
    ]);
    const status = describeStatus(store.status());
    expect(status).toContain("1 fact(s) past their review date: cann (review by 2025-01, ada@example.com)");
    expect(status).toContain('Source "memo" text changed');
  });

  it("a restart flags facts citing a source whose text changed since the last run (hashes in DATA_DIR)", async () => {
    const file = join(dir, "restart.yaml");
    const data = mkdtempSync(join(dir, "data-"));
    const start = async () => {
      const r = await startBot(
        { HOST: "127.0.0.1", PORT: "0", KNOWLEDGE_FILE: file, ANALYTICS: "on", DATA_DIR: data },
        silentLogger,
      );
      if (!r.ok) throw new Error(r.message);
      const status = r.bot.store.status();
      await r.bot.stop();
      return status;
    };
    writeFileSync(file, SMALL);
    expect((await start()).changedSources).toEqual([]);
    // Same text again: nothing changed since the last run.
    expect((await start()).changedSources).toEqual([]);
    // A sentence appended to the source (every quote still verifies).
    const appended = "Developers still prefer Nvidia’s tools. Huawei trains more developers each year.";
    writeFileSync(file, SMALL.replace("Developers still prefer Nvidia’s tools.", appended));
    const status = await start();
    expect(status.changedSources).toEqual([
      { source: "memo", facts: ["ascend-chip", "cann", "ict-revenue"] },
    ]);
    expect(describeStatus(status)).toContain(
      'Source "memo" text changed: check ascend-chip, cann, ict-revenue.',
    );
    // Flagged once: the next start compares with the hashes this one stored.
    expect((await start()).changedSources).toEqual([]);
  });

  it("without analytics a restart has no hashes to compare with, and flags nothing", async () => {
    const file = join(dir, "restart-off.yaml");
    writeFileSync(file, SMALL);
    const r = await startBot(
      { HOST: "127.0.0.1", PORT: "0", KNOWLEDGE_FILE: file, ANALYTICS: "off" },
      silentLogger,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.bot.store.status().changedSources).toEqual([]);
    await r.bot.stop();
  });
});

describe("strategy-bot check --diff", () => {
  it("shows facts added, removed, changed and the questions answered differently", async () => {
    const oldFile = join(dir, "old.yaml");
    const newFile = join(dir, "new.yaml");
    writeFileSync(oldFile, SMALL);
    writeFileSync(newFile, NEXT.replace(/ {2}- id: ict-revenue[\s\S]*?(?=synonyms:)/, ""));
    const r = await runCli(["check", "--diff", oldFile, newFile]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Facts added 1: nvidia-tools");
    expect(r.stdout).toContain("Facts removed 1: ict-revenue");
    expect(r.stdout).toContain('"How much did the ICT unit earn in 2023?": ict-revenue -> memo#p3.s1');
    expect(r.stdout).toContain("All test questions pass");
    const json = JSON.parse((await runCli(["check", "--diff", "--json", oldFile, newFile])).stdout);
    expect(json.removed).toEqual(["ict-revenue"]);
    expect((await runCli(["check", "--diff", oldFile])).code).toBe(2);
  });
});
