import { describeComparison, reportSections } from "../../bot/admin.js";
import type { CurationReply } from "../../bot/types.js";
import { escapeLines, escapeMarkdown } from "./escape.js";

/**
 * The admin digests as Teams markdown paragraphs: the curation report (bold titles, escaped lines:
 * questions are user text) and the reload dry-run. Returned as lines for render.ts's message().
 */

export function curationLines(c: CurationReply): string[] {
  if (c.kind === "report") {
    return reportSections(c.report).map(
      (s) => `**${escapeMarkdown(s.title)}**\n\n${escapeLines(s.lines.join("\n"))}`,
    );
  }
  if (!c.result.ok) {
    return [`**Dry run: ${escapeMarkdown(c.file)} would be refused**`, escapeLines(c.result.message)];
  }
  return [
    "**Knowledge reload dry run (nothing swapped)**",
    escapeLines(describeComparison(c.result.comparison)),
  ];
}
