import { answer } from "../core/answer.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT, knowledgePath, loadIndex } from "./io.js";
import { renderText } from "./render-text.js";

export async function askCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { json: { type: "boolean" }, knowledge: { type: "string" } });
  if ("error" in args) return usage(io, args.error);
  const question = args.positionals.join(" ").trim();
  if (!question) return usage(io, "ask needs a question");
  const path = knowledgePath(args.flags.knowledge, io);
  if (!path) return EXIT.config;
  const index = await loadIndex(path, io);
  if (!index) return EXIT.badKnowledge;
  const a = answer(question, index);
  io.out(args.flags.json ? JSON.stringify(a, null, 2) : renderText(a));
  return EXIT.ok;
}

function usage(io: CliIO, why: string): number {
  io.err(`${why}\nusage: strategy-bot ask "question" [--json] [--knowledge FILE]`);
  return EXIT.usage;
}
