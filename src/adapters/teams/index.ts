import type { BotDeps } from "../../bot/types.js";
import { sendJson } from "../../server.js";
import type { Adapter, AdapterRoute } from "../adapter.js";
import { createTeamsBot, type TeamsSettings } from "./bot.js";
import { allowAllEntityProperties } from "./entity-fix.js";
import { TEAMS_PATH, teamsHandler } from "./http.js";

export { type TeamsSettings, teamsSettings } from "./bot.js";

/**
 * The Teams adapter: POST /api/messages on the bot's one server. Nothing to start or stop: a turn in
 * flight is an HTTP request, which the server's close waits for.
 */
/** The route's handler, behind the local-mode Host/Origin check when there is one. */
function guarded(settings: TeamsSettings, handler: AdapterRoute["handler"]): AdapterRoute["handler"] {
  const guard = settings.localGuard;
  if (!guard) return handler;
  return (req, res) => {
    const v = guard(req);
    if (v.ok) return handler(req, res);
    sendJson(res, v.status, { error: v.error });
  };
}

export function teamsAdapter(settings: TeamsSettings, deps: BotDeps): Adapter {
  const fix = allowAllEntityProperties();
  if (fix === "mapper not found") {
    deps.log.warn("teams: connector Entity mapper not found; citations may be stripped from replies", {
      fix,
    });
  }
  const bot = createTeamsBot(settings, deps);
  const auth = Boolean(settings.auth.MicrosoftAppId);
  return {
    name: "teams",
    routes: [{ method: "POST", path: TEAMS_PATH, handler: guarded(settings, teamsHandler(bot, deps.log)) }],
    start: async () => {
      if (auth) {
        deps.log.info("teams adapter mounted", {
          path: TEAMS_PATH,
          auth: "on",
          appType: settings.auth.MicrosoftAppType ?? "MultiTenant",
        });
      } else {
        deps.log.warn(
          "teams adapter in local mode: no MICROSOFT_APP_ID, Bot Framework authentication is off, loopback only (for the Bot Framework Emulator)",
          { path: TEAMS_PATH },
        );
      }
    },
    stop: async () => {},
  };
}
