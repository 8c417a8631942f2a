import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_LIMITS, type KnowledgeLimits } from "./knowledge/limits.js";

/**
 * All configuration, from environment variables, validated once at startup. A missing or malformed
 * value is reported by variable name with how to fix it; nothing else in the code reads process.env.
 */

export const DEFAULT_KNOWLEDGE_FILE = fileURLToPath(
  new URL("../knowledge/huawei-ai-strategy.yaml", import.meta.url),
);

const flag = z
  .enum(["0", "1", "true", "false", "on", "off", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "on" || v === "yes");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** A whole number from the environment, `fallback` when unset or empty. */
const count = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? String(fallback) : v),
    z.coerce.number().int().min(0).max(max),
  );

export const envSchema = z
  .object({
    HOST: z
      .string()
      .default("127.0.0.1")
      .describe("address to listen on; loopback unless authentication is on"),
    // An empty PORT= means "not set", not port 0.
    PORT: z
      .preprocess(
        (v) => (v === "" || v === undefined ? "3978" : v),
        z.coerce.number().int().min(0).max(65535),
      )
      .describe("a port number, 0-65535"),
    KNOWLEDGE_FILE: optionalText.describe("path to the knowledge file (.yaml, .yml or .json)"),
    KNOWLEDGE_WATCH: flag.describe("1 to reload the knowledge when the file changes"),
    // Refused before expansion: a file past these costs milliseconds, not minutes (src/knowledge/limits.ts).
    KNOWLEDGE_MAX_BYTES: count(DEFAULT_LIMITS.maxBytes, 2 ** 31).describe(
      "largest knowledge file in bytes, and largest total text once YAML aliases are expanded (default 33554432, 32 MB)",
    ),
    KNOWLEDGE_MAX_ALIASES: count(DEFAULT_LIMITS.maxAliases, 1_000_000).describe(
      "YAML alias uses (*name) allowed in the knowledge file (default 100)",
    ),
    KNOWLEDGE_MAX_SENTENCES: count(DEFAULT_LIMITS.maxSentences, 100_000_000).describe(
      "sentences allowed over all sources of the knowledge file (default 200000)",
    ),
    ADMIN_USERS: list.describe(
      "comma-separated Slack user ids and Teams AAD object ids allowed to run admin commands",
    ),
    RATE_LIMIT_PER_MINUTE: count(20, 10_000).describe(
      "messages one user may send per minute before being asked to slow down (0 turns it off), 0-10000",
    ),
    MAX_IN_FLIGHT: count(64, 100_000).describe(
      "requests handled at once before the server answers 503 with Retry-After (0: no bound), 0-100000",
    ),
    HEADERS_TIMEOUT_SECONDS: count(10, 600).describe(
      "seconds a client has to send a request's headers before the connection is cut, 0-600 (default 10, 0: no limit)",
    ),
    BODY_TIMEOUT_SECONDS: count(10, 600).describe(
      "seconds a client has to send a request's body once its headers are in (answered 408), 0-600 (default 10, 0: no limit)",
    ),
    TRUST_PROXY: flag.describe(
      "1 when a reverse proxy on this host forwards to the bot: rate limits then use X-Forwarded-For's client address",
    ),
    LOG_USER_IDS: flag.describe("1 to write user ids in the logs as they are (default: a short hash)"),
    SHUTDOWN_GRACE_SECONDS: count(10, 600).describe(
      "seconds SIGTERM waits for requests in flight before exiting, 0-600",
    ),
    DATA_DIR: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : "./data"))
      .describe("the folder for the analytics database (default ./data)"),
    ANALYTICS: z
      .enum(["on", "off", "1", "0", "true", "false", ""])
      .optional()
      .transform((v) => !(v === "off" || v === "0" || v === "false"))
      .describe("on (default) records questions and feedback in DATA_DIR; off records nothing"),
    ANALYTICS_SALT: optionalText
      .refine((v) => v === undefined || v.length >= 16, "must be at least 16 characters")
      .describe(
        "a secret of 16+ characters for hashing user ids (default: a random salt kept in the database)",
      ),
    RETENTION_DAYS: z
      .preprocess((v) => (v === "" || v === undefined ? "90" : v), z.coerce.number().int().min(1).max(3650))
      .describe("days questions and feedback are kept, 1-3650"),
    DATABASE_URL: optionalText
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "must start with postgres://")
      .describe(
        "postgres://user:password@host:5432/db: analytics, event dedupe and reloads shared by every replica (unset: SQLite in DATA_DIR, per process)",
      ),
    LOG_LEVEL: z
      .enum(["debug", "info", "warn", "error"])
      .default("info")
      .describe("debug, info, warn or error"),
    SLACK_SIGNING_SECRET: optionalText.describe(
      "the Signing Secret from the Slack app's Basic Information page",
    ),
    SLACK_BOT_TOKEN: optionalText
      .refine((v) => v === undefined || v.startsWith("xoxb-"), "must start with xoxb-")
      .describe("the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page"),
    SLACK_APP_TOKEN: optionalText
      .refine((v) => v === undefined || v.startsWith("xapp-"), "must start with xapp-")
      .describe("an app-level token (xapp-...) with connections:write, for Socket Mode"),
    SLACK_API_URL: z.url().optional().describe("a URL like https://slack.com/api/"),
    MICROSOFT_APP_ID: optionalText.describe("the bot's Microsoft App ID from its Azure Bot registration"),
    MICROSOFT_APP_PASSWORD: optionalText.describe("the client secret of the bot's app registration"),
    MICROSOFT_APP_TENANT_ID: optionalText.describe("the tenant id, required for SingleTenant bots"),
    MICROSOFT_APP_TYPE: z
      .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"])
      .optional()
      .describe("MultiTenant, SingleTenant or UserAssignedMSI"),
    WEB_CHAT: z
      .enum(["on", "off", "auto", ""])
      .optional()
      .transform((v) => (v ? v : "auto"))
      .describe("on, off or auto (auto: the web chat page at / is served when HOST is loopback)"),
    ADMIN_TOKEN: optionalText
      .refine((v) => v === undefined || v.length >= 16, "must be at least 16 characters")
      .describe(
        "a secret of 16+ characters for the web admin view (default: a new one each start, printed with a local admin URL)",
      ),
  })
  .superRefine((env, ctx) => {
    const slack = [env.SLACK_SIGNING_SECRET, env.SLACK_BOT_TOKEN];
    if (slack.some(Boolean) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is required when SLACK_SIGNING_SECRET is set",
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
      });
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is required when SLACK_APP_TOKEN is set",
      });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({
        code: "custom",
        path: ["MICROSOFT_APP_PASSWORD"],
        message: "is required when MICROSOFT_APP_ID is set",
      });
    }
    if (env.MICROSOFT_APP_TYPE === "SingleTenant" && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["MICROSOFT_APP_TENANT_ID"],
        message: "is required for SingleTenant bots",
      });
    }
    // Beyond loopback the web page is reachable by others: its admin view must be locked.
    if (env.WEB_CHAT === "on" && !isLoopback(env.HOST) && !env.ADMIN_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["ADMIN_TOKEN"],
        message: `is required when WEB_CHAT=on and HOST=${env.HOST} is not loopback`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  knowledgeFile: string;
  slack: { mode: "off" | "http" | "socket" };
  teams: { auth: boolean };
  /** The web chat page: on when WEB_CHAT=on, or WEB_CHAT=auto (the default) with a loopback HOST. */
  web: { enabled: boolean };
  knowledgeLimits: KnowledgeLimits;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const shape = envSchema.shape as Record<string, z.ZodType>;
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? "environment");
        const how = shape[name]?.description;
        return `${name}: ${i.message}${how ? ` (expected: ${how})` : ""}`;
      }),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      ...e,
      knowledgeFile: e.KNOWLEDGE_FILE ?? DEFAULT_KNOWLEDGE_FILE,
      slack: { mode: !e.SLACK_BOT_TOKEN ? "off" : e.SLACK_APP_TOKEN ? "socket" : "http" },
      teams: { auth: Boolean(e.MICROSOFT_APP_ID) },
      web: { enabled: e.WEB_CHAT === "on" || (e.WEB_CHAT === "auto" && isLoopback(e.HOST)) },
      knowledgeLimits: {
        maxBytes: e.KNOWLEDGE_MAX_BYTES,
        maxAliases: e.KNOWLEDGE_MAX_ALIASES,
        maxSentences: e.KNOWLEDGE_MAX_SENTENCES,
      },
    },
  };
}

/** Loopback addresses: the only ones a server with authentication off may listen on. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
