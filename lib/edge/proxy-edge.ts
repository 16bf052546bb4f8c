import type { NextRequest, NextResponse } from "next/server";
import type { RequestIdentity } from "@/lib/auth/proxy-session";
import { isSecureSite, sessionCookieName } from "@/lib/auth/session-cookie";
import { cookieValues, EDGE_COOKIE, edgeSetCookie, needsEdgeCookie, signEdgeValue, verifyEdgeValue } from "./cookie";
import { edgeCookieTtlSeconds, edgeKey } from "./settings";

// nginx marks requests it forwards from the edge with its mode, `cookie` or `auth`
// (deploy/nginx/tier-*.conf); only those get the tier header, and only `cookie` the edge cookie,
// so direct traffic to Node is answered exactly as before. A client forging the mark gains
// nothing: the cookie vouches for its own verified tier.
export const EDGE_REQUEST_HEADER = "x-masthead-edge";
// The tier and the publication Node actually rendered: nginx refuses to store a response whose
// tier or publication differs from the ones in its cache key, so no request can poison another
// tier's entry, nor another publication's (nginx maps the Host to a publication with its own table,
// deploy/nginx/publications.conf; where that table and Node's disagree, nothing is stored).
export const TIER_RESPONSE_HEADER = "x-masthead-tier";
export const PUBLICATION_RESPONSE_HEADER = "x-masthead-publication";

// Seconds since the epoch; `until` in ms, or null when the tier is not known to change.
export function edgeCookieExpiry(nowSeconds: number, ttlSeconds: number, until: number | null): number {
  return until === null ? nowSeconds + ttlSeconds : Math.min(nowSeconds + ttlSeconds, Math.floor(until / 1000));
}

// `publication`: the slug of the publication the request was mapped to (and rendered for).
export function withEdgeTier(res: NextResponse, request: NextRequest, identity: RequestIdentity, publication: string, now = Date.now()): NextResponse {
  if (!request.headers.has(EDGE_REQUEST_HEADER)) return res;
  // Next answers a data prefetch with `{}`, not the page: never vouch for that as the tier's render
  // (the edge strips the header too; deploy/nginx/proxy-headers.conf).
  if (request.headers.has("x-middleware-prefetch")) return res;
  res.headers.set(TIER_RESPONSE_HEADER, identity.tier);
  res.headers.set(PUBLICATION_RESPONSE_HEADER, publication);
  if (request.headers.get(EDGE_REQUEST_HEADER) !== "cookie") return res;
  // A session being re-minted or cleared: the cookie is issued on the next request, bound to the
  // new session value.
  if (identity.setCookie) return res;
  const header = request.headers.get("cookie");
  const sessions = cookieValues(header, sessionCookieName());
  if (sessions.length !== 1) return res;
  const edge = cookieValues(header, EDGE_COOKIE);
  const key = edgeKey();
  const ttl = edgeCookieTtlSeconds();
  const nowSeconds = Math.floor(now / 1000);
  // Bound to this publication too: a cookie from another publication's host (a tier there, with a
  // session shared under SESSION_COOKIE_DOMAIN) verifies to nothing here and is replaced.
  const binding = { publication, session: sessions[0] };
  const current = edge.length === 1 ? verifyEdgeValue(key, edge[0], binding, nowSeconds) : null;
  // The edge must not vouch for the tier past the instant it is known to change (a grant's end,
  // the claims' own lifetime): a grant that ends at a known instant ends at the edge then too.
  const expires = edgeCookieExpiry(nowSeconds, ttl, identity.until);
  const alreadyUntilCap = current !== null && current.tier === identity.tier && current.expires >= expires;
  if (expires > nowSeconds && !alreadyUntilCap && needsEdgeCookie(current, identity.tier, ttl, nowSeconds)) {
    const value = signEdgeValue(key, binding, identity.tier, expires);
    res.headers.append("Set-Cookie", edgeSetCookie(value, expires - nowSeconds, isSecureSite()));
  }
  return res;
}
