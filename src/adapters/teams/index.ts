import type { BotDeps } from "../../bot/handle.js";
import type { Config } from "../../config.js";
import type { BotServer } from "../../server.js";
import { sendJson } from "../../server.js";
import { checkPost } from "../web/access.js";
import { createTeamsBot } from "./bot.js";
import { allowAllEntityProperties } from "./entity-fix.js";
import { TEAMS_PATH, teamsHandler } from "./http.js";

/**
 * Mounts the Teams adapter on the bot's one server: POST /api/messages. Returns its stop function
 * (nothing to stop: a turn in flight is an HTTP request, which the server's close waits for).
 */
export async function mountTeams(
  server: BotServer,
  config: Config,
  deps: BotDeps,
): Promise<() => Promise<void>> {
  const fix = allowAllEntityProperties();
  if (fix === "mapper not found") {
    deps.log.warn("teams: connector Entity mapper not found; citations may be stripped from replies", {
      fix,
    });
  }
  const bot = createTeamsBot(config, deps);
  const handler = teamsHandler(bot, deps.log);
  // Local mode has no authentication: refuse what a browser page could send (DNS rebinding, cross-site),
  // exactly as the web routes do. The Bot Framework Emulator sends loopback Host and no Origin.
  server.route(
    "POST",
    TEAMS_PATH,
    config.teams.auth
      ? handler
      : (req, res) => {
          const v = checkPost(req, config);
          if (v.ok) return handler(req, res);
          sendJson(res, v.status, { error: v.error });
        },
  );
  if (config.teams.auth) {
    deps.log.info("teams adapter mounted", {
      path: TEAMS_PATH,
      auth: "on",
      appType: config.MICROSOFT_APP_TYPE ?? "MultiTenant",
    });
  } else {
    deps.log.warn(
      "teams adapter in local mode: no MICROSOFT_APP_ID, Bot Framework authentication is off, loopback only (for the Bot Framework Emulator)",
      { path: TEAMS_PATH },
    );
  }
  return async () => {};
}
