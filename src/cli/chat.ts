import { createInterface } from "node:readline/promises";
import { answer } from "../core/answer.js";
import type { SearchIndex } from "../core/index-build.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT, knowledgePath, loadIndex } from "./io.js";
import { renderText } from "./render-text.js";

/** An interactive terminal session. `current` is read per question so reloads take effect. */
export async function runChat(current: () => SearchIndex, io: CliIO, input = process.stdin): Promise<void> {
  const rl = createInterface({ input, output: process.stdout, terminal: input.isTTY === true });
  io.out('Ask a strategy question (empty line or "exit" to quit).');
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (q === "" || q === "exit" || q === "quit") break;
    io.out(`${renderText(answer(q, current()))}\n`);
    rl.prompt();
  }
  rl.close();
}

export async function chatCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { knowledge: { type: "string" } });
  if ("error" in args) {
    io.err(`${args.error}\nusage: strategy-bot chat [--knowledge FILE]`);
    return EXIT.usage;
  }
  const path = knowledgePath(args.flags.knowledge, io);
  if (!path) return EXIT.config;
  const index = await loadIndex(path, io);
  if (!index) return EXIT.badKnowledge;
  await runChat(() => index, io);
  return EXIT.ok;
}
