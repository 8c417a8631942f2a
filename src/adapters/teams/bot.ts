import type { IncomingMessage } from "node:http";
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from "botbuilder";
import { AuthenticationError, type ClaimsIdentity, type ConnectorFactory } from "botframework-connector";
import { claimDelivery } from "../../bot/deliveries.js";
import type { BotDeps } from "../../bot/types.js";
import { WORDING } from "../../bot/wording.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import { parseActivity } from "./parse.js";
import { renderReply } from "./render.js";
import { CONNECTOR_RETRIES, type RetryTimings, useRetryTimings } from "./retry.js";
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

/** The part of the configuration the Teams adapter reads. */
export interface TeamsSettings {
  auth: ConfigurationBotFrameworkAuthenticationOptions;
  /** How replies to the Bot connector are retried (tests shorten the waits). */
  retries?: RetryTimings;
  /**
   * Local mode (no app id, so no Bot Framework authentication): refuses what a browser page could send
   * (DNS rebinding, cross-site POST) with the web routes' Host/Origin check. The Emulator passes it.
   */
  localGuard?: (req: IncomingMessage) => { ok: true } | { ok: false; status: number; error: string };
}

/** With no app id the credentials factory reports authentication disabled: the Emulator's local mode. */
export function teamsSettings(config: Config): TeamsSettings {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = {};
  if (config.MICROSOFT_APP_ID) auth.MicrosoftAppId = config.MICROSOFT_APP_ID;
  if (config.MICROSOFT_APP_PASSWORD) auth.MicrosoftAppPassword = config.MICROSOFT_APP_PASSWORD;
  if (config.MICROSOFT_APP_TENANT_ID) auth.MicrosoftAppTenantId = config.MICROSOFT_APP_TENANT_ID;
  if (config.MICROSOFT_APP_TYPE) auth.MicrosoftAppType = config.MICROSOFT_APP_TYPE;
  return { auth };
}

/** Every connector client the adapter creates gets our retry timings (see retry.ts). */
class Authentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly retries: RetryTimings,
    private readonly log: Logger,
  ) {
    super(options);
  }
  // CloudAdapter takes the connector factory from the authentication result of each request.
  override async authenticateRequest(activity: Activity, authHeader: string) {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.withRetries(result.connectorFactory) }
      : result;
  }

  override createConnectorFactory(claims: ClaimsIdentity): ConnectorFactory {
    return this.withRetries(super.createConnectorFactory(claims));
  }

  private withRetries(inner: ConnectorFactory): ConnectorFactory {
    return {
      create: async (serviceUrl: string, audience?: string) => {
        const client = await inner.create(serviceUrl, audience);
        if (!useRetryTimings(client, this.retries))
          this.log.warn("teams: connector retry policy not found", {});
        return client;
      },
    };
  }
}

export function createTeamsBot(settings: TeamsSettings, deps: BotDeps): TeamsBot {
  const auth = new Authentication(settings.auth, settings.retries ?? CONNECTOR_RETRIES, deps.log);
  const adapter = new ServerCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    deps.log.error("teams turn failed", { error, activityId: context.activity.id });
    try {
      await context.sendActivity(WORDING.failed);
    } catch (e) {
      deps.log.warn("teams error reply failed", { error: e });
    }
  };

  // Checked inside the turn, so after authentication: a forged request cannot mark an id as seen.
  const turn = (log: Logger) => async (context: TurnContext) => {
    const { id, conversation } = context.activity;
    if (id && !(await claimDelivery(`teams:${conversation?.id ?? ""}\u0000${id}`, deps))) {
      log.info("duplicate activity ignored", { activityId: id });
      return;
    }
    const input = parseActivity(context.activity, (a) => TurnContext.removeRecipientMention(a));
    const reply = await respond(input, deps, log);
    if (!reply) return;
    // The renderer's plain object is a valid message Activity; botbuilder types textFormat as an enum.
    const activity = renderReply(reply) as Partial<Activity>;
    if (reply.kind === "card-update") await context.updateActivity({ ...activity, id: reply.cardId });
    else await context.sendActivity(activity);
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
