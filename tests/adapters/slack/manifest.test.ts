import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_COMMAND, SLACK_EVENTS } from "../../../src/adapters/slack/parse.js";

interface Manifest {
  _metadata: { major_version: number };
  features: {
    bot_user?: { display_name: string };
    app_home?: { messages_tab_enabled?: boolean };
    slash_commands: { command: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL("../../../manifests/slack/manifest.yaml", import.meta.url), "utf8"),
) as Manifest;

describe("Slack app manifest", () => {
  it("subscribes to exactly the events the adapter handles", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...SLACK_EVENTS].sort());
  });

  it("declares exactly the slash command the adapter handles", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLACK_COMMAND]);
  });

  it("asks for the scopes those need, and no more", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["app_mentions:read", "chat:write", "commands", "im:history"].sort(),
    );
  });

  it("is a v1 manifest with a bot user, DMs, interactivity and Socket Mode on", () => {
    expect(manifest._metadata.major_version).toBe(1);
    expect(manifest.features.bot_user?.display_name).toBeTruthy();
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    // Socket Mode needs no request URLs; the HTTP variant's are documented in comments.
    expect(manifest.settings.event_subscriptions.request_url).toBeUndefined();
  });
});
