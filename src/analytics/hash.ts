import { createHmac, randomBytes } from "node:crypto";

/** User ids are stored as HMAC-SHA256(salt, platform:id): stable per user, useless without the salt. */
export function hashUser(salt: string, platform: string, userId: string): string {
  return createHmac("sha256", salt).update(`${platform}:${userId}`).digest("base64url").slice(0, 22);
}

export function newSalt(): string {
  return randomBytes(32).toString("base64url");
}

/** Short random ids for recorded answers: they travel in button values (Slack allows 2000 chars). */
export function newAnswerId(): string {
  return randomBytes(9).toString("base64url");
}
