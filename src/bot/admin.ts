import type { ReloadResult, StoreStatus } from "../knowledge/store.js";

/** The admin digests as plain text sections, for every renderer. */
export { describeReport, reportSections } from "../analytics/report-text.js";
export { describeComparison } from "../knowledge/compare.js";

import { runCuration, staleLines } from "./curation.js";
import type { Asker, BotDeps, CurationReply } from "./types.js";

/**
 * The admin side, one function per command: status, reload, report. Chat surfaces reach them through
 * ask() after the ADMIN_USERS check; the web admin view calls them after its own token check.
 */

const WEEK_MS = 7 * 86_400_000;

export function adminStatus(deps: BotDeps): StoreStatus {
  return deps.store.status();
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
  if (!r.ok) {
    return `Reload refused; still serving ${r.serving ?? "nothing"}.\n${r.message}`;
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
