import { recordAnswer } from "../analytics/record.js";
import { buildReport, parseSince } from "../analytics/report.js";
import type { ChannelKind } from "../analytics/types.js";
import type { Answer } from "../core/types.js";
import { previewFile } from "../knowledge/compare.js";
import type { ChangedSource, OverdueFact } from "../knowledge/stale.js";
import type { Asker, BotDeps, CurationCommand, CurationReply } from "./types.js";
import { WORDING } from "./wording.js";

/**
 * The curator's side of the bot: recording each answered question, and the admin commands `report`
 * (the digest of what people asked) and `reload --dry-run` (what a reload would change, without
 * swapping). handle.ts calls in here; the admin check stays there, with reload and status.
 * Types live in types.ts, so this file and handle.ts never import each other.
 */

export type { CurationCommand, CurationReply } from "./types.js";

const WEEK_MS = 7 * 86_400_000;

/** `report`, `report 30d`, `reload --dry-run` (also `reload dry-run`, `reload —dry-run` from autocorrect). */
export function curationCommandOf(text: string): CurationCommand | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  const report = /^report(?: (\d+ ?[hdw]))?$/.exec(t);
  if (report) {
    const ms = report[1] ? parseSince(report[1].replace(" ", "")) : WEEK_MS;
    return ms ? { command: "report", sinceMs: ms } : undefined;
  }
  if (/^reload (?:--|—|–)?dry-?run$/.test(t)) return { command: "reload-dry-run" };
  return undefined;
}

export async function runCuration(c: CurationCommand, deps: BotDeps): Promise<CurationReply> {
  const now = deps.now?.() ?? new Date();
  if (c.command === "reload-dry-run") {
    const file = deps.store.file;
    return {
      kind: "dry-run",
      file,
      result: await previewFile(file, deps.store.current(), deps.store.limits),
    };
  }
  const snapshot = await (deps.analytics?.report(new Date(now.getTime() - c.sinceMs)) ??
    Promise.resolve({ since: new Date(now.getTime() - c.sinceMs), questions: [], feedback: [] }));
  return { kind: "report", report: buildReport(snapshot, deps.store.current(), now) };
}

/** Records an answered question; the id it returns rides on the answer's feedback buttons. */
export function recordQuestion(a: Answer, asker: Asker, deps: BotDeps): { answerId?: string } {
  if (!deps.analytics || deps.analytics.kind === "off") return {};
  const channel: ChannelKind | undefined = asker.channel;
  const answerId = recordAnswer(
    deps.analytics,
    { platform: asker.platform, userId: asker.userId, ...(channel ? { channel } : {}) },
    a,
    deps.now?.() ?? new Date(),
  );
  return { answerId };
}

/** Lines for status and reload reports: facts past review_by, and facts citing a changed source. */
export function staleLines(overdue: OverdueFact[] = [], changed: ChangedSource[] = []): string[] {
  const lines: string[] = [];
  if (overdue.length) {
    const facts = overdue
      .slice(0, 15)
      .map((f) => `${f.factId} (review by ${f.reviewBy}${f.owner ? `, ${f.owner}` : ""})`)
      .join(", ");
    lines.push(WORDING.admin.overdue(overdue.length, `${facts}${overdue.length > 15 ? ", …" : ""}`));
  }
  for (const c of changed) lines.push(WORDING.admin.sourceChanged(c.source, c.facts.join(", ")));
  return lines;
}
