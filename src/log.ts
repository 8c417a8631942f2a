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

function scrub(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return v.replace(SECRET_VALUE, "[redacted]");
  if (v instanceof Error)
    return { name: v.name, message: scrub(v.message), code: (v as { code?: unknown }).code };
  if (!v || typeof v !== "object" || depth > 4) return v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) ? "[redacted]" : scrub(x, depth + 1)]),
  );
}

export function createLogger(
  level: Level = "info",
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  base: Record<string, unknown> = {},
  now: () => Date = () => new Date(),
): Logger {
  const log = (l: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] < ORDER[level]) return;
    write(
      JSON.stringify({
        time: now().toISOString(),
        level: l,
        msg: scrub(msg),
        ...(scrub({ ...base, ...fields }) as object),
      }),
    );
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(level, write, { ...base, ...fields }, now),
  };
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger("error", () => {});
