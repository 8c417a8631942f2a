import { answer, answerFact } from "../core/answer.js";
import { classifySmallTalk } from "../core/register.js";
import { adminReload, adminStatus } from "./admin.js";
import { curationCommandOf, recordQuestion, runCuration } from "./curation.js";
import type { AdminCommand, Asker, BotDeps, BotReply } from "./types.js";
import { examples, presented } from "./welcome.js";

/**
 * What the bot does with a message, the same on every surface: a question gets an Answer (read
 * against the conversation so far), `help` gets examples, a greeting or thanks gets a polite word,
 * and admin commands run for configured admins only. Adapters parse into ask() and render its reply.
 */

export { describeReload, describeStatus } from "./admin.js";
export type { AdminCommand, Asker, BotDeps, BotReply, Platform } from "./types.js";

const ADMIN_COMMANDS = new Set<string>(["reload", "status"]);

/** The command word of a message ("reload", "status", "help"), if the whole message is one. */
export function commandOf(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, "");
  return /^[a-z-]+$/.test(t) ? t : undefined;
}

export async function ask(text: string, asker: Asker, deps: BotDeps): Promise<BotReply> {
  const limited = deps.limiter?.take(`${asker.platform}:${asker.userId}`);
  if (limited && !limited.ok) {
    deps.log.info("rate limited", { platform: asker.platform, user: asker.userId, ...limited });
    return { kind: "rate-limited", retryAfterSeconds: limited.retryAfterSeconds };
  }
  const command = commandOf(text);
  if (text.trim() === "") return { kind: "empty", examples: examples(deps) };
  if (command === "help" || command === "commands") return { kind: "help", examples: examples(deps) };
  // "hi", "thanks!", "what can you do?" typed alone: answered in kind, never searched.
  const talk = classifySmallTalk(text);
  if (talk === "help") return { kind: "help", examples: examples(deps) };
  if (talk) return { kind: "small-talk", talk, examples: talk === "greeting" ? examples(deps) : [] };
  const curation = curationCommandOf(text);
  if ((command && ADMIN_COMMANDS.has(command)) || curation) {
    const cmd = (curation?.command === "report" ? "report" : curation ? "reload" : command) as AdminCommand;
    if (!deps.admins.has(asker.userId)) {
      deps.log.warn("admin command refused", { command: cmd, platform: asker.platform, user: asker.userId });
      return { kind: "refused", command: cmd };
    }
    deps.log.info("admin command", { command: cmd, platform: asker.platform, user: asker.userId });
    if (cmd === "status") return { kind: "status", status: adminStatus(deps) };
    if (curation) return { kind: "curation", curation: await runCuration(curation, deps) };
    return { kind: "reload", result: await adminReload(asker, deps) };
  }
  const context = deps.conversations?.context(asker.conversation);
  const a = presented(answer(text, deps.store.current(), context), deps);
  deps.conversations?.remember(asker.conversation, text, a);
  return { kind: "answer", answer: a, ...recordQuestion(a, asker, deps) };
}

/** The name every surface has used so far; same function. */
export const handleText = ask;

/**
 * A clicked suggestion: that fact, answered directly (asked afresh when the fact is gone after a
 * reload). Recorded like a question, so the report counts clicks too, and remembered for follow-ups.
 */
export function askSuggestion(factId: string, question: string, asker: Asker, deps: BotDeps): BotReply {
  const index = deps.store.current();
  const a = presented(answerFact(factId, index) ?? answer(question, index), deps);
  deps.conversations?.remember(asker.conversation, question || a.question, a);
  return { kind: "answer", answer: a, ...recordQuestion(a, asker, deps) };
}

/** A fact's answer, unrecorded (a shared copy, or a card re-rendered after a vote). */
export function handleSuggestion(factId: string, question: string, deps: BotDeps) {
  const index = deps.store.current();
  return answerFact(factId, index) ?? answer(question, index);
}
