// The per-recipient unsubscribe token in every newsletter's List-Unsubscribe URL (RFC 8058):
// `<memberId>.<publicationId>.<mac>`, mac = first 128 bits of HMAC-SHA256 over both ids. It works
// without a session, names exactly one (member, publication) pair and cannot be forged or moved to
// another member. Pure: the key is a parameter (lib/email/keys.ts derives it from AUTH_SECRET).
import { createHmac, timingSafeEqual } from "node:crypto";

const SHAPE = /^([1-9]\d{0,11})\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})$/;

function mac(key: string, memberId: number, publicationId: number): string {
  return createHmac("sha256", key).update(`unsubscribe:v1:${memberId}:${publicationId}`).digest().subarray(0, 16).toString("base64url");
}

export function signUnsubscribeToken(key: string, memberId: number, publicationId: number): string {
  return `${memberId}.${publicationId}.${mac(key, memberId, publicationId)}`;
}

export type UnsubscribeTarget = { memberId: number; publicationId: number };

// "malformed": not a token at all (400); "forged": well-formed but not ours (404); else the pair.
export function verifyUnsubscribeToken(key: string, token: string): UnsubscribeTarget | "malformed" | "forged" {
  const m = SHAPE.exec(token);
  if (!m) return "malformed";
  const memberId = Number(m[1]);
  const publicationId = Number(m[2]);
  const expected = Buffer.from(mac(key, memberId, publicationId));
  const given = Buffer.from(m[3]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  return { memberId, publicationId };
}
