import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { BotDeps } from "../../bot/handle.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import { SeenEvents } from "../../reliability/dedupe.js";
import { parseActivity } from "./parse.js";
import { renderReply } from "./render.js";
import { respond } from "./turn.js";

/**
 * The only file that runs botbuilder (the Bot Framework SDK, archived upstream; its successor is the
 * Microsoft 365 Agents SDK, @microsoft/agents-hosting). Everything else in this folder is plain data
 * in and out, so a move replaces this file and the entity fix.
 */

export interface TeamsBot {
  /** Authenticates one inbound activity, runs the turn, and returns the HTTP status for the channel. */
  handle(
    authorization: string,
    activity: Record<string, unknown>,
  ): Promise<{ status: number; body?: unknown }>;
}

/**
 * CloudAdapter.process(req, res, logic) wants an Express-style res and logs failures with
 * console.error; our one server already reads the body (with its size limit) and logs JSON lines, so
 * we call the protected processActivity that process() itself calls after parsing.
 */
class ServerCloudAdapter extends CloudAdapter {
  run(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/** With no app id the credentials factory reports authentication disabled: the Emulator's local mode. */
export function authOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  if (config.MICROSOFT_APP_ID) options.MicrosoftAppId = config.MICROSOFT_APP_ID;
  if (config.MICROSOFT_APP_PASSWORD) options.MicrosoftAppPassword = config.MICROSOFT_APP_PASSWORD;
  if (config.MICROSOFT_APP_TENANT_ID) options.MicrosoftAppTenantId = config.MICROSOFT_APP_TENANT_ID;
  if (config.MICROSOFT_APP_TYPE) options.MicrosoftAppType = config.MICROSOFT_APP_TYPE;
  return options;
}

const SORRY = "Sorry, something went wrong while answering. Please try again.";

export function createTeamsBot(config: Config, deps: BotDeps): TeamsBot {
  const adapter = new ServerCloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(config)));
  adapter.onTurnError = async (context, error) => {
    deps.log.error("teams turn failed", { error, activityId: context.activity.id });
    try {
      await context.sendActivity(SORRY);
    } catch (e) {
      deps.log.warn("teams error reply failed", { error: e });
    }
  };

  // Checked inside the turn, so after authentication: a forged request cannot mark an id as seen.
  const seen = new SeenEvents();
  const turn = (log: Logger) => async (context: TurnContext) => {
    const { id, conversation } = context.activity;
    if (id && !seen.firstTime(`${conversation?.id ?? ""}\u0000${id}`)) {
      log.info("duplicate activity ignored", { activityId: id });
      return;
    }
    const input = parseActivity(context.activity, (a) => TurnContext.removeRecipientMention(a));
    const reply = await respond(input, deps, log);
    if (!reply) return;
    // The renderer's plain object is a valid message Activity; botbuilder types textFormat as an enum.
    await context.sendActivity(renderReply(reply) as Partial<Activity>);
    log.debug("teams reply sent", { kind: reply.kind });
  };

  return {
    async handle(authorization, activity) {
      const log = deps.log.child({ activityId: typeof activity.id === "string" ? activity.id : undefined });
      try {
        const invoke = await adapter.run(authorization, activity as unknown as Activity, turn(log));
        return invoke ? { status: invoke.status, body: invoke.body } : { status: 200 };
      } catch (e) {
        if (e instanceof AuthenticationError) {
          log.warn("teams request refused: not authenticated", { reason: e.message });
          return { status: 401, body: { error: "unauthorized" } };
        }
        throw e;
      }
    },
  };
}
