import { readFile } from "node:fs/promises";
import { answer } from "../core/answer.js";
import { type EvalQuestion, type EvalRow, summarise } from "../core/evaluate.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT, knowledgePath, loadIndex } from "./io.js";

/** Reads a JSONL question file; a bad line is reported with its line number, not skipped. */
export async function readQuestions(
  path: string,
): Promise<{ ok: true; questions: EvalQuestion[] } | { ok: false; error: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return { ok: false, error: `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  const questions: EvalQuestion[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      const q = JSON.parse(line) as Partial<EvalQuestion>;
      if (typeof q.question !== "string" || (q.expect !== undefined && !Array.isArray(q.expect))) {
        return {
          ok: false,
          error: `${path}:${i + 1}: each line needs "question" (string) and optional "expect" (array)`,
        };
      }
      questions.push({
        id: String(q.id ?? i + 1),
        question: q.question,
        ...(q.expect ? { expect: q.expect } : {}),
      });
    } catch {
      return { ok: false, error: `${path}:${i + 1}: not valid JSON` };
    }
  }
  return { ok: true, questions };
}

export async function evalCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {
    questions: { type: "string" },
    knowledge: { type: "string" },
    json: { type: "boolean" },
  });
  if ("error" in args || typeof args.flags.questions !== "string") {
    io.err(
      `${"error" in args ? args.error : "--questions is required"}\nusage: strategy-bot eval --questions F.jsonl [--knowledge F] [--json]`,
    );
    return EXIT.usage;
  }
  const path = knowledgePath(args.flags.knowledge, io);
  if (!path) return EXIT.config;
  const index = await loadIndex(path, io);
  if (!index) return EXIT.badKnowledge;
  const read = await readQuestions(args.flags.questions);
  if (!read.ok) {
    io.err(read.error);
    return EXIT.failure;
  }
  const rows: EvalRow[] = [];
  for (const q of read.questions) {
    const t = performance.now();
    const a = answer(q.question, index);
    const ms = performance.now() - t;
    rows.push({ q, answer: a, ms });
    if (args.flags.json) {
      io.out(
        JSON.stringify({
          id: q.id,
          question: q.question,
          status: a.status,
          confidence: a.confidence,
          citations: a.citations,
          suggestions: a.suggestions,
          ms: Math.round(ms * 1000) / 1000,
        }),
      );
    }
  }
  if (!args.flags.json) io.out(formatSummary(rows));
  return EXIT.ok;
}

function formatSummary(rows: EvalRow[]): string {
  const s = summarise(rows);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `questions        ${rows.length} (${s.answerable} answerable, ${s.outOfScope} out of scope)`,
    `hit@1            ${pct(s.hit1)}`,
    `hit@3            ${pct(s.hit3)}`,
    `ranking hit@1    ${pct(s.ranked1)} (top candidate, even when the bot abstained)`,
    `abstention       ${pct(s.abstained)} of out-of-scope questions answered "unknown"`,
    `false unknown    ${pct(s.falseUnknown)} of answerable questions`,
    `latency          p50 ${s.p50ms.toFixed(3)} ms, p95 ${s.p95ms.toFixed(3)} ms, max ${s.maxMs.toFixed(3)} ms`,
  ].join("\n");
}
