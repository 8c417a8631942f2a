import { reportSections } from "../../analytics/report-text.js";
import type { CurationReply } from "../../bot/curation.js";
import { describeComparison } from "../../knowledge/compare.js";
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
    blocks.push(
      context(
        "Fix: add a question to the closest fact (or a new fact), run `strategy-bot check`, then `reload`.",
      ),
    );
    return message(esc(sections[0]?.title ?? "Curation report"), blocks);
  }
  if (!c.result.ok) {
    const head = `:warning: *Dry run: ${esc(c.file)} would be refused*`;
    return message(`Dry run: ${c.file} would be refused`, [
      section(head),
      section(codeBlock(c.result.message)),
    ]);
  }
  const [first = "", ...rest] = describeComparison(c.result.comparison).split("\n");
  return message(`Dry run: ${first}`, [
    section(`:mag: *Dry run (nothing swapped): ${esc(first)}*`),
    section(codeBlock(rest.join("\n"), LIMITS.sectionText)),
  ]);
}
