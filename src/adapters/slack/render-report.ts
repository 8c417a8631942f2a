import { describeComparison, reportSections } from "../../bot/admin.js";
import type { CurationReply } from "../../bot/types.js";
import { WORDING } from "../../bot/wording.js";
import { type Block, context, LIMITS, message, type SlackMessage, section } from "./blocks.js";
import { codeBlock, escapeMrkdwn as esc, truncate } from "./escape.js";

/**
 * The admin digests as Block Kit: the curation report (one section per part, titles in bold, every
 * line escaped: questions are user text) and the reload dry-run (a heading and a code block).
 */

export function renderCuration(c: CurationReply): SlackMessage {
  if (c.kind === "report") {
    const sections = reportSections(c.report);
    const blocks: Block[] = sections.map((s, i) =>
      section(
        truncate(
          `${i === 0 ? ":bar_chart: " : ""}*${esc(s.title)}*\n${s.lines.map(esc).join("\n")}`,
          LIMITS.sectionText,
        ),
      ),
    );
    blocks.push(context(esc(WORDING.admin.reportFix)));
    return message(esc(sections[0]?.title ?? "Curation report"), blocks);
  }
  if (!c.result.ok) {
    const head = `:warning: *${esc(WORDING.admin.dryRunRefused(c.file))}*`;
    return message(esc(WORDING.admin.dryRunRefused(c.file)), [
      section(head),
      section(codeBlock(c.result.message)),
    ]);
  }
  const [first = "", ...rest] = describeComparison(c.result.comparison).split("\n");
  return message(esc(WORDING.admin.dryRun(first)), [
    section(`:mag: *${esc(WORDING.admin.dryRun(first))}*`),
    section(codeBlock(rest.join("\n"), LIMITS.sectionText)),
  ]);
}
