import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import { startAnalytics } from "../analytics/start.js";
import { createBotDeps } from "../bot/deps.js";
import { type Asker, type BotDeps, handleText } from "../bot/handle.js";
import { welcome } from "../bot/welcome.js";
import { loadConfig } from "../config.js";
import { KnowledgeStore } from "../knowledge/store.js";
import { silentLogger } from "../log.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT, knowledgePath } from "./io.js";
import { CHAT_WORDING, renderReplyText } from "./render-reply.js";

/**
 * The terminal chat (`strategy-bot chat`, and `npm start` in a terminal). Questions go through the bot
 * layer like any other surface's (platform "cli", recorded for the curator's report). An empty line
 * just prompts again; "exit", "quit" or Ctrl-D end the chat and nothing else: under `serve` the server
 * keeps running until Ctrl-C or SIGTERM.
 */

export interface ChatOptions {
  deps: BotDeps;
  io: CliIO;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  /** Ctrl-C while chatting (readline takes it from the terminal): under `serve`, stop the server. */
  onInterrupt?: () => void;
}

/** The person at the terminal: they started the bot, so they may run its admin commands. */
export function terminalAsker(): Asker {
  let name = "user";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers): a generic name is fine, it is only hashed for the report
  }
  // One chat per process: follow-ups ("tell me more") read this session's earlier questions.
  return { platform: "cli", userId: `terminal:${name}`, channel: "dm", conversation: `cli:${process.pid}` };
}

export async function runChat(opts: ChatOptions): Promise<void> {
  const { io } = opts;
  const input = opts.input ?? process.stdin;
  const asker = terminalAsker();
  const deps: BotDeps = { ...opts.deps, admins: new Set([...opts.deps.admins, asker.userId]) };
  const { title, examples } = welcome(deps);
  io.out(CHAT_WORDING.greeting(title));
  if (examples.length) io.out(`For example: ${examples.map((e) => `"${e}"`).join(" · ")}`);
  io.out(CHAT_WORDING.keys);
  const rl = createInterface({
    input,
    output: opts.output ?? process.stdout,
    terminal: input.isTTY === true,
  });
  rl.on("SIGINT", () => {
    rl.close();
    opts.onInterrupt?.();
  });
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    const q = line.trim();
    if (q === "exit" || q === "quit") break;
    if (q !== "") io.out(`${renderReplyText(await handleText(q, asker, deps))}\n`);
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
  const cfg = loadConfig(io.env);
  // knowledgePath already reported a bad configuration; without one, nothing is recorded.
  const analytics = cfg.ok ? await startAnalytics(cfg.config, silentLogger) : undefined;
  const store = new KnowledgeStore({ file: path });
  const loaded = await store.reload();
  if (!loaded.ok) {
    analytics?.stop();
    io.err(`${path} was refused:\n${loaded.message}`);
    return EXIT.badKnowledge;
  }
  try {
    const deps = createBotDeps({
      store,
      log: silentLogger,
      ...(analytics ? { analytics: analytics.store } : {}),
    });
    await runChat({ deps, io });
  } finally {
    store.close();
    analytics?.stop();
  }
  return EXIT.ok;
}
