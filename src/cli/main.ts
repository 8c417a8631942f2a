import { shortMessage } from "../errors.js";
import { closest } from "../knowledge/closest.js";
import { askCommand } from "./ask.js";
import { chatCommand } from "./chat.js";
import { checkCommand } from "./check.js";
import { evalCommand } from "./eval.js";
import { type CliIO, EXIT, quietOnClosedPipe } from "./io.js";
import { migrateCommand } from "./migrate.js";
import { reportCommand } from "./report.js";
import { serveCommand } from "./serve.js";

export const HELP = `strategy-bot: answers strategy questions with cited source sentences

usage: strategy-bot <command> [options]

commands:
  ask "question" [--json] [--knowledge F]   answer one question (--json: the Answer object)
  chat [--knowledge F]                      interactive terminal chat
  check [F]                                 validate a knowledge file (exit 0, or 3 listing every problem)
  check --diff OLD NEW [--json]             facts added/removed/changed, questions answered differently
  report [--since 7d] [--json]              what people asked (unanswered first), 👎 and comments, stale facts
  eval --questions F.jsonl [--knowledge F] [--json]
                                            score questions (hit@1, hit@3, abstention, latency)
  migrate                                   bring the analytics schema up to date (DATABASE_URL, else DATA_DIR)
  serve                                     run the bot: HTTP server for Slack and Teams (what npm start runs)

The knowledge file is --knowledge, else $KNOWLEDGE_FILE, else knowledge/huawei-ai-strategy.yaml.
Exit codes: 0 ok, 1 failure, 2 usage error, 3 knowledge file refused, 78 configuration error.`;

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  ask: askCommand,
  chat: chatCommand,
  check: checkCommand,
  eval: evalCommand,
  serve: serveCommand,
  report: (argv, io) => reportCommand(argv, io),
  migrate: migrateCommand,
};

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run) {
    const guess = closest(command, Object.keys(COMMANDS));
    const hint = guess ? `: did you mean "strategy-bot ${guess}"?` : "";
    io.err(`unknown command "${command}"${hint}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP);
    return EXIT.ok;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    // A bug or an environment failure: one line a person can act on, never a stack (exit 1).
    const code = (e as { code?: unknown }).code;
    io.err(
      `strategy-bot ${command} failed: ${shortMessage(e)}${typeof code === "string" ? ` (${code})` : ""}`,
    );
    return EXIT.failure;
  }
}

export function defaultIO(): CliIO {
  quietOnClosedPipe(process.stdout);
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env,
  };
}
