import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { createLogger, type Level, type Logger } from "../log.js";

/**
 * Where the server's JSON log lines go while a person chats in the same terminal: a file, so they never
 * land between a question and its answer. When the chat ends, lines go back to stderr.
 */

export const CHAT_LOG_FILE = "strategy-bot.log";

export interface ChatLog {
  logger: Logger;
  file: string;
  /** Back to stderr (the chat is over). */
  release(): void;
}

export function chatLog(dataDir: string, level: Level): ChatLog | undefined {
  const file = join(dataDir, CHAT_LOG_FILE);
  let stream: WriteStream;
  try {
    mkdirSync(dataDir, { recursive: true });
    stream = createWriteStream(file, { flags: "a" });
  } catch {
    return undefined; // an unwritable DATA_DIR: the caller keeps the stderr logger at warn
  }
  let write = (line: string) => void stream.write(`${line}\n`);
  stream.on("error", () => {
    write = (line) => void process.stderr.write(`${line}\n`);
  });
  return {
    logger: createLogger(level, (line) => write(line)),
    file,
    release: () => {
      write = (line) => void process.stderr.write(`${line}\n`);
      stream.end();
    },
  };
}
