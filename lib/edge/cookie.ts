import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { PUBLICATION_SLUG } from "@/lib/publications/model";

// The edge tier cookie: `mh_edge=<publication>.<tier>.<expiresUnix>.<sig>`, sig = base64url
// MD5(key ‖ `<publication>.<tier>.<expiresUnix>.<session cookie value>` ‖ key), 22 characters.
// It lets nginx learn the reader's tier without asking Node, and it is bound to:
//  - the exact session cookie, so a copied edge cookie is worthless without the session it was
//    issued for (the real credential);
//  - the publication whose tier it names, so a cookie issued on one publication's host (premium
//    there) opens nothing on another's, even when SESSION_COOKIE_DOMAIN shares the session across
//    them: tiers are per publication, and nginx keys its cache on the publication it maps the Host
//    to (deploy/nginx/publications.conf), so it checks the cookie against that very publication.
// Why MD5 and this shape: it is the one keyed hash nginx computes natively (secure_link_md5), so a
// premium cache hit costs a hash in C instead of a JavaScript VM per request (njs, HMAC-SHA256:
// premium hits at a third of nginx's static rate; natively 0.59, bench/README.md). The key wraps
// the message on both sides (the envelope MAC), so neither length extension (key first) nor an
// offline collision (key last) forges a value, and every message is one Node chose: it signs only
// sessions it has verified. Slugs of publications and tiers hold no dot, so the value splits one way only. Pure:
// the key and the clock are parameters. Keep this file and deploy/nginx/masthead.conf in step
// (tests/unit/edge-cookie.test.ts checks the format; tests/unit/edge-nginx-*.test.ts and the
// e2e-multi specs check nginx accepts what Node issues).

export const EDGE_COOKIE = "mh_edge";
const TIER = /^[a-z0-9_-]{1,64}$/;

/** What an edge cookie is bound to: the publication it vouches in, and the session it vouches for. */
export type EdgeBinding = { publication: string; session: string };

function signature(key: string, binding: EdgeBinding, tier: string, expires: number): string {
  return createHash("md5").update(`${key}${binding.publication}.${tier}.${expires}.${binding.session}${key}`).digest("base64url");
}

// nginx reads the key inside a quoted config string, where `$` starts a variable and `"` ends it:
// the key is limited to characters that mean nothing there (lib/env.ts checks EDGE_SECRET with it).
export const EDGE_KEY = /^[A-Za-z0-9_-]{32,256}$/;

// The key nginx and Node share. A dedicated EDGE_SECRET wins; otherwise one derived from
// AUTH_SECRET, so a leaked edge key never lets anyone forge sessions. Operators can compute the
// derived value with `printf masthead-edge-v1 | openssl dgst -sha256 -hmac "$AUTH_SECRET"`.
export function deriveEdgeKey(authSecret: string): string {
  return createHmac("sha256", authSecret).update("masthead-edge-v1").digest("hex");
}

export function signEdgeValue(key: string, binding: EdgeBinding, tier: string, expires: number): string {
  if (!PUBLICATION_SLUG.test(binding.publication)) throw new Error(`not a publication slug: ${binding.publication}`);
  if (!TIER.test(tier)) throw new Error(`not a tier slug: ${tier}`);
  return `${binding.publication}.${tier}.${expires}.${signature(key, binding, tier, expires)}`;
}

export type EdgeVerdict = { tier: string; expires: number } | null;

// The tier an edge cookie vouches for in `binding.publication`, or null when it is malformed,
// forged, expired, issued for another session or in another publication.
export function verifyEdgeValue(key: string, value: string | undefined, binding: EdgeBinding, nowSeconds: number): EdgeVerdict {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [publication, tier, exp, sig] = parts;
  if (publication !== binding.publication || !TIER.test(tier) || !/^\d{1,12}$/.test(exp)) return null;
  const expires = Number(exp);
  if (expires <= nowSeconds) return null;
  const expected = Buffer.from(signature(key, binding, tier, expires));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { tier, expires };
}

// Whether to (re)issue: the reader lacks a valid cookie for the tier just verified, or it is in
// the second half of its life (re-issued early so a steady reader rarely bypasses the cache).
export function needsEdgeCookie(current: EdgeVerdict, tier: string, ttlSeconds: number, nowSeconds: number): boolean {
  return current === null || current.tier !== tier || current.expires - nowSeconds < ttlSeconds / 2;
}

// Host-only (no Domain): each publication host holds its own, even under one parent domain.
export function edgeSetCookie(value: string, ttlSeconds: number, secure: boolean): string {
  return `${EDGE_COOKIE}=${value}; Path=/; Max-Age=${ttlSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

// Cookie header → the raw values of `name`, exactly as sent (split on ";", spaces trimmed, no
// decoding, as nginx reads them). Node signs only for a request with exactly one session cookie;
// nginx then needs no ambiguity rule of its own (deploy/nginx/masthead.conf takes the first).
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
