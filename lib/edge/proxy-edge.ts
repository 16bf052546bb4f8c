import type { NextRequest, NextResponse } from "next/server";
import type { RequestIdentity } from "@/lib/auth/proxy-session";
import { siteUrl } from "@/lib/env";
import { cookieValues, EDGE_COOKIE, edgeSetCookie, needsEdgeCookie, signEdgeValue, verifyEdgeValue } from "./cookie";
import { edgeCookieTtlSeconds, edgeKey } from "./settings";

// nginx marks requests it forwards from the edge with its mode, `cookie` or `auth`
// (deploy/nginx/tier-*.conf); only those get the tier header, and only `cookie` the edge cookie,
// so direct traffic to Node is answered exactly as before. A client forging the mark gains
// nothing: the cookie vouches for its own verified tier.
export const EDGE_REQUEST_HEADER = "x-masthead-edge";
// The tier Node actually rendered: nginx refuses to store a response whose tier differs from the
// one in its cache key, so no request can poison another tier's entry.
export const TIER_RESPONSE_HEADER = "x-masthead-tier";

export function sessionCookieName(): string {
  return siteUrl().startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function withEdgeTier(res: NextResponse, request: NextRequest, identity: RequestIdentity, now = Date.now()): NextResponse {
  if (!request.headers.has(EDGE_REQUEST_HEADER)) return res;
  res.headers.set(TIER_RESPONSE_HEADER, identity.tier);
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
  const current = edge.length === 1 ? verifyEdgeValue(key, edge[0], sessions[0], nowSeconds) : null;
  if (needsEdgeCookie(current, identity.tier, ttl, nowSeconds)) {
    const value = signEdgeValue(key, identity.tier, nowSeconds + ttl, sessions[0]);
    res.headers.append("Set-Cookie", edgeSetCookie(value, ttl, siteUrl().startsWith("https://")));
  }
  return res;
}
