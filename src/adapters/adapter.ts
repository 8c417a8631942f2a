import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * What every adapter (Slack, Teams, web) gives the wiring in main.ts: the HTTP routes to mount on the
 * one server, and start/stop for anything that runs beside them (Socket Mode's WebSocket). Each is
 * built from its own slice of the configuration and the bot layer (src/bot), nothing else.
 */

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface AdapterRoute {
  method: "GET" | "POST";
  path: string;
  handler: RouteHandler;
}

export interface Adapter {
  name: "slack" | "teams" | "web";
  routes: AdapterRoute[];
  /** Called once the server listens. */
  start(): Promise<void>;
  /** Called on shutdown, before the server drains. */
  stop(): Promise<void>;
}
