// Draft preview links (/preview/{token}): `<articleId>.<publicationId>.<generation>.<expires>.<mac>`,
// expires in Unix seconds, mac = first 128 bits of HMAC-SHA256 over the four numbers. Anyone holding
// the link may read the draft until it expires or an editor bumps the piece's generation (revoke).
// Pure: the key and `now` are parameters (lib/preview/keys.ts derives the key from AUTH_SECRET).
import { createHmac, timingSafeEqual } from "node:crypto";

export const PREVIEW_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const SHAPE = /^([1-9]\d{0,9})\.([1-9]\d{0,9})\.(0|[1-9]\d{0,9})\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/;

export type PreviewClaim = { articleId: number; publicationId: number; generation: number; expiresAt: Date };
export type PreviewRefusal = "malformed" | "forged" | "expired";

function mac(key: string, c: { articleId: number; publicationId: number; generation: number; expires: number }): string {
  return createHmac("sha256", key)
    .update(`preview:v1:${c.articleId}:${c.publicationId}:${c.generation}:${c.expires}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

export function signPreviewToken(key: string, claim: Omit<PreviewClaim, "expiresAt">, now: Date, ttlMs = PREVIEW_LINK_TTL_MS): string {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  const c = { ...claim, expires };
  return `${c.articleId}.${c.publicationId}.${c.generation}.${expires}.${mac(key, c)}`;
}

// The signature is checked before the expiry, so a forged token never learns whether its time is valid.
export function verifyPreviewToken(key: string, token: string, now: Date): PreviewClaim | PreviewRefusal {
  const m = SHAPE.exec(token);
  if (!m) return "malformed";
  const c = { articleId: Number(m[1]), publicationId: Number(m[2]), generation: Number(m[3]), expires: Number(m[4]) };
  const expected = Buffer.from(mac(key, c));
  const given = Buffer.from(m[5]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  if (now.getTime() >= c.expires * 1000) return "expired";
  return { articleId: c.articleId, publicationId: c.publicationId, generation: c.generation, expiresAt: new Date(c.expires * 1000) };
}

/** A link is live only while its generation is the piece's current one (revoke bumps it). */
export const isCurrentGeneration = (claim: PreviewClaim, current: number) => claim.generation === current;
