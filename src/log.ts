import { createHash, randomBytes } from "node:crypto";

/**
 * Structured logs: one JSON object per line with a level, to stderr (stdout is the terminal chat's).
 * Fields that look like secrets are masked here, once, so no call site can leak a token.
 */

export type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const SECRET_KEY = /secret|password|token|authorization|signature|cookie/i;
const SECRET_VALUE = /\b(xox[abpre]-[\w-]+|xapp-[\w-]+|Bearer\s+[\w.~+/-]+=*)/g;
/** Fields that hold who asked: hashed unless LOG_USER_IDS=1 (ANALYTICS=off must mean no ids anywhere). */
const USER_KEY = /^(user|userId|user_id|asker)$/;

export interface LogOptions {
  /** Write user ids as they are (LOG_USER_IDS=1); otherwise each is a short salted hash. */
  userIds?: boolean;
}

// One salt per process: the same user is the same hash within a run, and unlinkable across runs.
const SALT = randomBytes(16);
const hashId = (id: string) => `u_${createHash("sha256").update(SALT).update(id).digest("hex").slice(0, 12)}`;

function scrub(v: unknown, opts: LogOptions, depth = 0): unknown {
  if (typeof v === "string") return v.replace(SECRET_VALUE, "[redacted]");
  if (v instanceof Error) {
    // Errors that cross a boundary are logged whole: code, stack and what caused them.
    const e = v as Error & { code?: unknown };
    return {
      name: e.name,
      message: scrub(e.message, opts),
      code: e.code,
      ...(e.stack ? { stack: scrub(e.stack, opts) } : {}),
      ...(e.cause !== undefined && depth < 4 ? { cause: scrub(e.cause, opts, depth + 1) } : {}),
    };
  }
  if (!v || typeof v !== "object" || depth > 4) return v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, opts, depth + 1));
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      SECRET_KEY.test(k)
        ? "[redacted]"
        : USER_KEY.test(k) && typeof x === "string" && !opts.userIds
          ? hashId(x)
          : scrub(x, opts, depth + 1),
    ]),
  );
}

export function createLogger(
  level: Level = "info",
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  base: Record<string, unknown> = {},
  now: () => Date = () => new Date(),
  opts: LogOptions = {},
): Logger {
  const log = (l: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] < ORDER[level]) return;
    write(
      JSON.stringify({
        time: now().toISOString(),
        level: l,
        msg: scrub(msg, opts),
        ...(scrub({ ...base, ...fields }, opts) as object),
      }),
    );
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(level, write, { ...base, ...fields }, now, opts),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger("error", () => {});
