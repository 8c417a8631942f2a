import type { Answer } from "../core/types.js";

/** The terminal renderer: an Answer as plain text with [n] markers and a source list. */

const STATUS_LINE: Record<Answer["status"], string> = {
  answered: "",
  suggested: "I'm not sure, but this may answer it:",
  unknown: "I don't know: nothing in the knowledge answers that.",
};

export function renderText(a: Answer): string {
  const lines: string[] = [];
  if (STATUS_LINE[a.status]) lines.push(STATUS_LINE[a.status]);
  if (a.status !== "unknown") {
    const marks = a.citations.map((_, i) => `[${i + 1}]`).join("");
    lines.push(`${a.text} ${marks}`.trim(), "");
    a.citations.forEach((c, i) => {
      lines.push(`  [${i + 1}] "${c.quote}"`);
      lines.push(`      — ${c.title}${c.url ? ` <${c.url}>` : ""}, ${c.locator}`);
    });
  }
  if (a.suggestions.length > 0) {
    lines.push("", a.status === "unknown" ? "Closest topics:" : "Or did you mean:");
    a.suggestions.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${s.question}`);
    });
  }
  const asOf = a.asOf ? `, as of ${a.asOf}` : "";
  lines.push("", `(confidence ${a.confidence.toFixed(2)}, knowledge ${a.version}${asOf})`);
  return lines.join("\n");
}
