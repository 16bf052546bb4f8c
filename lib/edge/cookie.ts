import { createHmac, timingSafeEqual } from "node:crypto";

// The edge tier cookie: `mh_edge=<tier>.<expiresUnix>.<sig>`, sig = base64url HMAC-SHA256 over
// `<tier>.<expiresUnix>.<session cookie value>`. Binding it to the exact session cookie makes a
// copied edge cookie worthless without the session it was issued for (the real credential), and
// lets nginx (deploy/nginx/edge.js) learn the reader's tier without asking Node. Pure: the key and
// the clock are parameters. Keep this file and edge.js in step (tests/unit/edge-cookie.test.ts
// checks the format; the e2e-multi edge spec checks nginx accepts what Node issues).

export const EDGE_COOKIE = "mh_edge";
const TIER = /^[a-z0-9_-]{1,64}$/;

function signature(key: string, tier: string, expires: number, session: string): string {
  return createHmac("sha256", key).update(`${tier}.${expires}.${session}`).digest("base64url");
}

// The key nginx and Node share. A dedicated EDGE_SECRET wins; otherwise one derived from
// AUTH_SECRET, so a leaked edge key never lets anyone forge sessions. Operators can compute the
// derived value with `printf masthead-edge-v1 | openssl dgst -sha256 -hmac "$AUTH_SECRET"`.
export function deriveEdgeKey(authSecret: string): string {
  return createHmac("sha256", authSecret).update("masthead-edge-v1").digest("hex");
}

export function signEdgeValue(key: string, tier: string, expires: number, session: string): string {
  if (!TIER.test(tier)) throw new Error(`not a tier slug: ${tier}`);
  return `${tier}.${expires}.${signature(key, tier, expires, session)}`;
}

export type EdgeVerdict = { tier: string; expires: number } | null;

// The tier an edge cookie vouches for, or null when it is malformed, forged, expired or issued for
// another session.
export function verifyEdgeValue(key: string, value: string | undefined, session: string, nowSeconds: number): EdgeVerdict {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [tier, exp, sig] = parts;
  if (!TIER.test(tier) || !/^\d{1,12}$/.test(exp)) return null;
  const expires = Number(exp);
  if (expires <= nowSeconds) return null;
  const expected = Buffer.from(signature(key, tier, expires, session));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { tier, expires };
}

// Whether to (re)issue: the reader lacks a valid cookie for the tier just verified, or it is in
// the second half of its life (re-issued early so a steady reader rarely bypasses the cache).
export function needsEdgeCookie(current: EdgeVerdict, tier: string, ttlSeconds: number, nowSeconds: number): boolean {
  return current === null || current.tier !== tier || current.expires - nowSeconds < ttlSeconds / 2;
}

export function edgeSetCookie(value: string, ttlSeconds: number, secure: boolean): string {
  return `${EDGE_COOKIE}=${value}; Path=/; Max-Age=${ttlSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

// Cookie header → the raw values of `name`, exactly as sent (nginx's edge.js splits the same way:
// on ";", trimming spaces, no decoding). More than one value means "ambiguous" to both sides.
export function cookieValues(header: string | null, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}
