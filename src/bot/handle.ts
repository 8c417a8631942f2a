import type { ChannelKind } from "../analytics/types.js";
import { answer, answerFact } from "../core/answer.js";
import { exampleQuestions } from "../core/examples.js";
import type { Answer } from "../core/types.js";
import type { KnowledgeStore, ReloadResult, StoreStatus } from "../knowledge/store.js";
import type { Logger } from "../log.js";
import type { Dedupe } from "../reliability/dedupe.js";
import type { RateLimiter } from "../reliability/rate-limit.js";
import { replicaLines } from "../replicas/summary.js";
import {
  type CurationDeps,
  type CurationReply,
  curationCommandOf,
  recordQuestion,
  runCuration,
  staleLines,
} from "./curation.js";

/**
 * What the bot does with a message, independent of platform: a question gets an Answer, `help` gets
 * examples, and admin commands (`reload`, `status`) run for configured admins only. Adapters turn
 * platform events into `handleText` calls and render the BotReply it returns.
 */

export type Platform = "slack" | "teams" | "web" | "cli";

export interface Asker {
  platform: Platform;
  /** Slack user id or Teams AAD object id. */
  userId: string;
  /** Where it was asked, for the curator's report. */
  channel?: ChannelKind;
}

export type BotReply =
  | {
      kind: "answer";
      answer: Answer;
      /** The recorded answer's id (analytics on): feedback buttons carry it. */
      answerId?: string;
    }
  | { kind: "help"; examples: string[] }
  | { kind: "reload"; result: ReloadResult }
  | { kind: "status"; status: StoreStatus }
  | { kind: "refused"; command: AdminCommand }
  | { kind: "empty"; examples: string[] }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "curation"; curation: CurationReply };

export type AdminCommand = "reload" | "status" | "report";
const ADMIN_COMMANDS = new Set<string>(["reload", "status"]);

export interface BotDeps extends CurationDeps {
  store: KnowledgeStore;
  admins: ReadonlySet<string>;
  log: Logger;
  /** Per-user rate limit on messages; none when absent. */
  limiter?: RateLimiter;
  /** Delivery ids shared by every replica (DATABASE_URL); each adapter keeps its own in memory when absent. */
  dedupe?: Dedupe;
}

/** The command word of a message ("reload", "status", "help"), if the whole message is one. */
export function commandOf(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, "");
  return /^[a-z-]+$/.test(t) ? t : undefined;
}

export async function handleText(text: string, asker: Asker, deps: BotDeps): Promise<BotReply> {
  const limited = deps.limiter?.take(`${asker.platform}:${asker.userId}`);
  if (limited && !limited.ok) {
    deps.log.info("rate limited", { platform: asker.platform, user: asker.userId, ...limited });
    return { kind: "rate-limited", retryAfterSeconds: limited.retryAfterSeconds };
  }
  const index = deps.store.current();
  const command = commandOf(text);
  if (text.trim() === "") return { kind: "empty", examples: exampleQuestions(index) };
  if (command === "help") return { kind: "help", examples: exampleQuestions(index) };
  const curation = curationCommandOf(text);
  if ((command && ADMIN_COMMANDS.has(command)) || curation) {
    const cmd = (curation?.command === "report" ? "report" : curation ? "reload" : command) as AdminCommand;
    if (!deps.admins.has(asker.userId)) {
      deps.log.warn("admin command refused", { command: cmd, platform: asker.platform, user: asker.userId });
      return { kind: "refused", command: cmd };
    }
    deps.log.info("admin command", { command: cmd, platform: asker.platform, user: asker.userId });
    if (cmd === "status") return { kind: "status", status: deps.store.status() };
    if (curation) return { kind: "curation", curation: await runCuration(curation, deps) };
    const result = await deps.store.reload();
    if (result.ok) deps.log.info("knowledge reloaded", { version: result.version, ms: result.ms });
    else deps.log.warn("knowledge reload refused", { problems: result.problems.length });
    return { kind: "reload", result };
  }
  const a = answer(text, index);
  return { kind: "answer", answer: a, ...recordQuestion(a, asker, deps) };
}

/** A clicked suggestion: answer that fact directly (falls back to asking when the fact is gone). */
export function handleSuggestion(factId: string, question: string, deps: BotDeps): Answer {
  const index = deps.store.current();
  return answerFact(factId, index) ?? answer(question, index);
}

/** Plain-text admin reports, shared by every renderer (each wraps them in its own markup). */
export function describeReload(r: ReloadResult): string {
  if (!r.ok) {
    return [`Reload refused; still serving ${r.serving ?? "nothing"}.`, r.message, ...replicaLines(r)].join(
      "\n",
    );
  }
  const list = (label: string, ids: string[]) =>
    ids.length
      ? `${label} ${ids.length} (${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})`
      : `${label} 0`;
  return [
    `Reloaded knowledge ${r.version}${r.previousVersion ? ` (was ${r.previousVersion})` : ""} in ${r.ms} ms.`,
    `${list("added", r.added)}; ${list("removed", r.removed)}; ${list("changed", r.changed)}.`,
    `${r.facts} facts, ${r.sentences} sentences.`,
    ...staleLines([], r.changedSources),
    ...replicaLines(r),
  ].join("\n");
}

export function describeStatus(s: StoreStatus): string {
  return [
    `Knowledge ${s.version ?? "(none)"}: "${s.title ?? ""}"`,
    `${s.facts} facts (${s.curatedFacts} curated), ${s.sentences} sentences, ${s.sources} source(s).`,
    `Loaded at ${s.loadedAt ?? "never"} from ${s.file}.`,
    s.lastError ? `Last reload error (${s.lastError.at}):\n${s.lastError.message}` : "No reload errors.",
    ...staleLines(s.overdue, s.changedSources),
  ].join("\n");
}
