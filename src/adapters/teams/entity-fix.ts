import { Entity } from "botframework-connector/lib/connectorApi/models/mappers.js";

/**
 * Known defect in botbuilder 4.23.3: outgoing activities are serialised through the connector's
 * model mappers, and the `Entity` mapper declares only `type`, `text` and `mentioned`. Every other
 * entity property is silently dropped on the wire, so a schema.org Message entity reaches Teams as
 * `{ "type": "https://schema.org/Message" }` and citations never show.
 *
 * Fix: declare `additionalProperties` on that mapper (the serialiser then copies unknown properties
 * as plain objects). The conversations operations resolve `Entity` by class name from this same
 * module object, so patching it once at startup covers replyToActivity, sendToConversation and
 * updateActivity. tests/adapters/teams/http.test.ts proves it on what a fake connector receives.
 */

export type EntityFixResult = "applied" | "already applied" | "mapper not found";

interface MutableCompositeType {
  name?: string;
  additionalProperties?: unknown;
}

export function allowAllEntityProperties(): EntityFixResult {
  const type = (Entity as { type?: MutableCompositeType } | undefined)?.type;
  // A future connector without this mapper shape: report it rather than guess (bot.ts logs it).
  if (type?.name !== "Composite") return "mapper not found";
  if (type.additionalProperties) return "already applied";
  type.additionalProperties = { type: { name: "Object" } };
  return "applied";
}
