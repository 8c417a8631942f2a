import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Response } from "botbuilder";

/**
 * The bare baselines: the least a Bolt app and a botbuilder CloudAdapter do to answer an event with a
 * constant reply, against the same fakes as the bot. The bot's throughput divided by theirs is what the
 * bot itself costs (parsing, answering, rendering, logging).
 */

export interface Running {
  url: string;
  close(): Promise<void>;
}

const REPLY = "A constant reply.";

const closeOf = (s: Server) => () =>
  new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });

function listen(s: Server): Promise<Running> {
  return new Promise((resolve) =>
    s.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: closeOf(s) }),
    ),
  );
}

/** A Bolt app on its default HTTPReceiver, or on ExpressReceiver (which the bot mounts on its server). */
export async function bareBolt(
  receiverKind: "http" | "express",
  signingSecret: string,
  slackApiUrl: string,
): Promise<Running> {
  const common = { token: "xoxb-test", logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl } };
  const receiver = receiverKind === "express" ? new ExpressReceiver({ signingSecret }) : undefined;
  const app = new App(receiver ? { ...common, receiver } : { ...common, signingSecret });
  app.event("app_mention", async ({ say }) => {
    await say(REPLY);
  });
  if (receiver) return listen(createServer(receiver.app));
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: closeOf(server) };
}

/** CloudAdapter.process over node:http: no app id, so authentication is off as in the bot's local mode. */
export function bareBotbuilder(): Promise<Running> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    // botbuilder wants the Express/Restify response methods; these few lines are that shim.
    const shim: Response = {
      socket: res.socket,
      status: (code: number) => {
        res.statusCode = code;
      },
      header: (name: string, value: unknown) => {
        res.setHeader(name, String(value));
      },
      send: (b?: unknown) => {
        if (!res.writableEnded)
          res.end(b === undefined ? undefined : typeof b === "string" ? b : JSON.stringify(b));
      },
      end: () => {
        if (!res.writableEnded) res.end();
      },
    };
    await adapter.process({ body, headers: req.headers, method: req.method ?? "POST" }, shim, async (ctx) => {
      await ctx.sendActivity(REPLY);
    });
  });
  return listen(server);
}
