import { readFile, writeFile } from "node:fs/promises";
import { answerRanked } from "../core/answer.js";
import type { EvalQuestion, EvalRow } from "../core/evaluate.js";
import { MAX_TURNS } from "../core/follow-up.js";
import type { ConversationContext } from "../core/types.js";
import { parseCommandArgs } from "./args.js";
import { plotFile } from "./eval-plot.js";
import { formatSummary } from "./eval-summary.js";
import { explanationOf, renderExplanation } from "./explain-text.js";
import { indexFromFlags } from "./index-flags.js";
import { type CliIO, EXIT } from "./io.js";

const USAGE =
  "usage: strategy-bot eval --questions F.jsonl [--knowledge F] [--json] [--explain] [--plot F.svg|F.html] [--calibration F|none]";

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
        ...(typeof q.intent === "string" ? { intent: q.intent } : {}),
        ...(typeof q.kind === "string" ? { kind: q.kind } : {}),
        ...(typeof q.follows === "string" && q.follows ? { follows: q.follows } : {}),
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
    explain: { type: "boolean" },
    plot: { type: "string" },
    calibration: { type: "string" },
  });
  if ("error" in args || typeof args.flags.questions !== "string") {
    io.err(`${"error" in args ? args.error : "--questions is required"}\n${USAGE}`);
    return EXIT.usage;
  }
  const loaded = await indexFromFlags(args.flags, io);
  if (!loaded.ok) return loaded.exit;
  const { index, path } = loaded;
  const read = await readQuestions(args.flags.questions);
  if (!read.ok) {
    io.err(read.error);
    return EXIT.failure;
  }
  const rows: EvalRow[] = [];
  const byId = new Map<string, EvalRow>();
  for (const q of read.questions) {
    // A follow-up is asked with the conversation it continues as context, as a chat keeps it: the
    // turn it follows and the turns that one followed, oldest first (the core reads the last few).
    const turns: ConversationContext["turns"][number][] = [];
    for (let prev = q.follows ? byId.get(q.follows) : undefined; prev && turns.length < MAX_TURNS; ) {
      turns.unshift({ question: prev.q.question, answer: prev.answer });
      prev = prev.q.follows ? byId.get(prev.q.follows) : undefined;
    }
    const context: ConversationContext | undefined = turns.length > 0 ? { turns } : undefined;
    const t = performance.now();
    const { answer: a, ranked } = answerRanked(q.question, index, context);
    const ms = performance.now() - t;
    const row = { q, answer: a, ms };
    rows.push(row);
    byId.set(q.id, row);
    const explain = args.flags.explain && ranked ? explanationOf(a, ranked, index) : undefined;
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
          ...(a.gap ? { gap: a.gap } : {}),
          ...(explain ? { explain } : {}),
        }),
      );
    } else if (explain) {
      io.out(`# ${q.id}: ${q.question}\n${renderExplanation(explain)}\n`);
    }
  }
  if (typeof args.flags.plot === "string") {
    await writeFile(args.flags.plot, plotFile(rows, `${args.flags.questions} on ${path}`, args.flags.plot));
  }
  if (!args.flags.json) io.out(formatSummary(rows));
  return EXIT.ok;
}
