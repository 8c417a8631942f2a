import { breakdown, type EvalCounts, type EvalRow, summarise } from "../core/evaluate.js";
import { analyseQuestion } from "../core/question.js";

/** The `eval` summary table: the main figures over questions that stand alone, then breakdowns. */

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function brief(c: EvalCounts): string {
  const parts: string[] = [];
  if (c.answerable > 0)
    parts.push(
      `hit@1 ${pct(c.hit1)}, answered ${pct(c.answeredHit1)}, rank@1 ${pct(c.ranked1)} of ${c.answerable}`,
    );
  if (c.outOfScope > 0) parts.push(`declined ${pct(c.declined)} of ${c.outOfScope} unanswerable`);
  parts.push(`precision ${c.answered > 0 ? pct(c.precision) : "-"} of ${c.answered} answered`);
  return parts.join("; ");
}

export function formatSummary(rows: EvalRow[]): string {
  const alone = rows.filter((r) => !r.q.follows);
  const s = summarise(alone);
  const lines = [
    `questions        ${alone.length} (${s.answerable} answerable, ${s.outOfScope} out of scope)`,
    `hit@1            ${pct(s.hit1)}`,
    `hit@3            ${pct(s.hit3)}`,
    `ranking hit@1    ${pct(s.ranked1)} (top candidate, even when the bot abstained)`,
    `abstention       ${pct(s.abstained)} of out-of-scope questions answered "unknown"`,
    `false unknown    ${pct(s.falseUnknown)} of answerable questions`,
    `precision        ${pct(s.precision)} of ${s.answered} "answered" answers quote a gold sentence`,
    `answered hit@1   ${pct(s.answeredHit1)} of answerable questions answered confidently and right`,
    `declined         ${pct(s.declined)} of out-of-scope questions not "answered" (unknown or suggested)`,
    `latency          p50 ${s.p50ms.toFixed(3)} ms, p95 ${s.p95ms.toFixed(3)} ms, max ${s.maxMs.toFixed(3)} ms`,
  ];
  const followUps = rows.filter((r) => r.q.follows);
  if (followUps.length > 0)
    lines.push(`follow-ups       ${followUps.length}: ${brief(summarise(followUps))}`);
  if (alone.some((r) => r.q.kind)) {
    lines.push("by kind:");
    for (const [k, c] of breakdown(alone, (r) => r.q.kind ?? "-"))
      lines.push(`  ${k.padEnd(14)} ${brief(c)}`);
  }
  lines.push(`by intent (${alone.some((r) => r.q.intent) ? "labelled" : "analysed"}):`);
  for (const [k, c] of breakdown(alone, (r) => r.q.intent ?? analyseQuestion(r.q.question).intent)) {
    lines.push(`  ${k.padEnd(14)} ${brief(c)}`);
  }
  return lines.join("\n");
}
