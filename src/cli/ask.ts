import { answerRanked } from "../core/answer.js";
import { parseCommandArgs } from "./args.js";
import { explanationOf, renderExplanation } from "./explain-text.js";
import { indexFromFlags } from "./index-flags.js";
import { type CliIO, EXIT } from "./io.js";
import { renderText } from "./render-text.js";

export async function askCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {
    json: { type: "boolean" },
    knowledge: { type: "string" },
    explain: { type: "boolean" },
    calibration: { type: "string" },
  });
  if ("error" in args) return usage(io, args.error);
  const question = args.positionals.join(" ").trim();
  if (!question) return usage(io, "ask needs a question");
  const loaded = await indexFromFlags(args.flags, io);
  if (!loaded.ok) return loaded.exit;
  const { index } = loaded;
  const { answer: a, ranked } = answerRanked(question, index);
  // A follow-up answered from the conversation has no ranking to explain; a lone question always has one.
  const explain = args.flags.explain && ranked ? explanationOf(a, ranked, index) : undefined;
  if (args.flags.json) {
    io.out(JSON.stringify(explain ? { ...a, explain } : a, null, 2));
  } else {
    io.out(renderText(a));
    if (explain) io.out(`\n${renderExplanation(explain)}`);
  }
  return EXIT.ok;
}

function usage(io: CliIO, why: string): number {
  io.err(
    `${why}\nusage: strategy-bot ask "question" [--json] [--explain] [--knowledge FILE] [--calibration FILE|none]`,
  );
  return EXIT.usage;
}
