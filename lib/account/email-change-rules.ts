import { createHash, randomBytes } from "node:crypto";

// A change of address is proved by a link mailed to the NEW address: valid 24 hours, used once.
// Only the SHA-256 of the link's secret is stored, so a database read does not yield live links.

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

export function newEmailChangeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashEmailChangeToken(token) };
}

export function hashEmailChangeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a lookup. */
export function isEmailChangeTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type EmailChangeLinkState = "valid" | "used" | "expired";

export function emailChangeLinkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date): EmailChangeLinkState {
  if (link.usedAt) return "used";
  return now.getTime() < link.expiresAt.getTime() ? "valid" : "expired";
}
