import { WORDING as SAY } from "../bot/wording.js";
import type { Answer } from "../core/types.js";

/**
 * The terminal renderer: an Answer as plain text with [n] markers and a source list, in the words
 * every surface uses (src/bot/wording.ts): a gap ("I know about X, but not Y") before a hedged answer
 * and instead of "I don't know".
 */
export function renderText(a: Answer): string {
  const lines: string[] = [];
  if (a.status === "unknown") lines.push(SAY.notKnown(a.gap));
  if (a.status === "suggested") lines.push(...(a.gap ? [SAY.notKnown(a.gap)] : []), SAY.suggested);
  if (a.status !== "unknown") {
    const marks = a.citations.map((_, i) => `[${i + 1}]`).join("");
    lines.push(`${a.text} ${marks}`.trim(), "");
    a.citations.forEach((c, i) => {
      lines.push(`  [${i + 1}] "${c.quote}"`);
      lines.push(`      — ${c.title}${c.url ? ` <${c.url}>` : ""}, ${c.locator}`);
    });
  }
  if (a.suggestions.length > 0) {
    lines.push("", a.status === "unknown" ? SAY.didYouMean : SAY.orDidYouMean);
    a.suggestions.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${s.question}`);
    });
  }
  const asOf = a.asOf ? `, as of ${a.asOf}` : "";
  lines.push("", `(confidence ${a.confidence.toFixed(2)}, knowledge ${a.version}${asOf})`);
  return lines.join("\n");
}
