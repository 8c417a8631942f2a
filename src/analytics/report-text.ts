import type { CurationReport, QuestionGroupReport } from "./report.js";

/**
 * The digest as titled sections of plain lines. The CLI prints them; the Slack and Teams renderers
 * escape each line for their markup and set the titles in bold. All report wording lives here.
 */

export interface ReportSection {
  title: string;
  lines: string[];
}

const day = (iso: string) => iso.slice(0, 10);

function groupLines(g: QuestionGroupReport, i: number): string[] {
  const asked = `${g.count}× by ${g.askers} ${g.askers === 1 ? "person" : "people"}`;
  const lines = [`${i + 1}. "${g.question}" (${asked})`];
  if (g.variants.length) lines.push(`   also asked as: ${g.variants.map((v) => `"${v}"`).join(", ")}`);
  if (g.nowAnswered && g.closest) lines.push(`   now answered by ${g.closest.factId} (fixed since)`);
  else if (g.closest)
    lines.push(
      `   closest fact: ${g.closest.factId} (confidence ${g.closest.confidence}): add the question to its questions, or add a fact`,
    );
  else lines.push("   no fact comes close: add a fact (and a source sentence) if the bot should answer it");
  return lines;
}

export function reportSections(r: CurationReport): ReportSection[] {
  const t = r.totals;
  const pct = (n: number) => (t.questions ? `${Math.round((100 * n) / t.questions)}%` : "0%");
  const none = (lines: string[], empty: string) => (lines.length ? lines : [empty]);
  return [
    {
      title: `Curation report ${day(r.since)} to ${day(r.until)} (knowledge ${r.version})`,
      lines: [
        `${t.questions} questions: ${t.answered} answered (${pct(t.answered)}), ${t.suggested} unsure (${pct(t.suggested)}), ${t.unknown} not answered (${pct(t.unknown)}); feedback ${t.up} 👍 ${t.down} 👎`,
        ...r.platforms.map((p) => `${p.platform}: ${p.questions} questions, ${p.up} 👍 ${p.down} 👎`),
      ],
    },
    {
      title: "Not answered (most asked first)",
      lines: none(
        r.unanswered.flatMap((g, i) => groupLines(g, i)),
        "none",
      ),
    },
    {
      title: 'Answered unsurely (shown as "this may answer it")',
      lines: none(
        r.lowConfidence.flatMap((g, i) => groupLines(g, i)),
        "none",
      ),
    },
    {
      title: "Facts with the most 👎",
      lines: none(
        r.disliked.flatMap((f) => [
          `${f.factId}: ${f.down} 👎 ${f.up} 👍`,
          ...f.comments.slice(0, 5).map((c) => `   "${c}"`),
        ]),
        "none",
      ),
    },
    {
      title: "Most asked facts",
      lines: none(
        r.mostAsked.map((f) => `${f.factId}: ${f.count}`),
        "none",
      ),
    },
    {
      title: "Facts past their review date",
      lines: none(
        r.overdue.map((f) => `${f.factId}: review by ${f.reviewBy}${f.owner ? ` (owner ${f.owner})` : ""}`),
        "none",
      ),
    },
  ];
}

export function describeReport(r: CurationReport): string {
  return reportSections(r)
    .map((s) => [s.title, ...s.lines.map((l) => `  ${l}`)].join("\n"))
    .join("\n\n");
}
