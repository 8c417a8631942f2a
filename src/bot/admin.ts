import type { Knowledge } from "../core/knowledge.js";
import type { ReloadResult, StoreStatus } from "../knowledge/store.js";

/** The admin digests as plain text sections, for every renderer. */
export { describeReport, reportSections } from "../analytics/report-text.js";
export { describeComparison } from "../knowledge/compare.js";

import { replicaLines } from "../replicas/summary.js";
import { runCuration, staleLines } from "./curation.js";
import type { Asker, BotDeps, CurationReply } from "./types.js";
import { WORDING } from "./wording.js";

/**
 * The admin side, one function per command: status, reload, report. Chat surfaces reach them through
 * ask() after the ADMIN_USERS check; the web admin view calls them after its own token check.
 */

const WEEK_MS = 7 * 86_400_000;

export function adminStatus(deps: BotDeps): StoreStatus {
  return deps.store.status();
}

/** The knowledge being served, for the admin view's table of facts. */
export function adminKnowledge(deps: BotDeps): Knowledge {
  return deps.store.current().knowledge;
}

export async function adminReload(
  asker: Pick<Asker, "platform" | "userId">,
  deps: BotDeps,
): Promise<ReloadResult> {
  const result = await deps.store.reload();
  const by = { platform: asker.platform, user: asker.userId };
  if (result.ok) deps.log.info("knowledge reloaded", { version: result.version, ms: result.ms, ...by });
  else deps.log.warn("knowledge reload refused", { problems: result.problems.length, ...by });
  return result;
}

/** The curator's digest of what people asked (default: the last 7 days). */
export async function adminReport(deps: BotDeps, sinceMs = WEEK_MS): Promise<CurationReply> {
  return runCuration({ command: "report", sinceMs }, deps);
}

/** Plain-text admin reports, shared by every renderer (each wraps them in its own markup). */
export function describeReload(r: ReloadResult): string {
  const say = WORDING.admin;
  if (!r.ok) return [say.reloadRefused(r.serving, r.message), ...replicaLines(r)].join("\n");
  const list = (ids: string[]) =>
    ids.length ? `${ids.length} (${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""})` : "0";
  return [
    say.reloaded(r.version, r.previousVersion, r.ms),
    say.changes(list(r.added), list(r.removed), list(r.changed)),
    say.size(r.facts, r.sentences),
    ...staleLines([], r.changedSources),
    ...replicaLines(r),
  ].join("\n");
}

export function describeStatus(s: StoreStatus): string {
  const say = WORDING.admin;
  return [
    say.statusHead(s.version, s.title),
    say.statusCounts(s.facts, s.curatedFacts, s.sentences, s.sources),
    say.loadedFrom(s.loadedAt, s.file),
    s.lastError ? say.lastError(s.lastError.at, s.lastError.message) : say.noErrors,
    ...staleLines(s.overdue, s.changedSources),
  ].join("\n");
}
