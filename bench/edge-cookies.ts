// Edge cookies for benchmark readers, minted exactly as the proxy mints them (lib/edge/cookie.ts):
// bound to each reader's own session cookie, for the tier that session verifies to.
import { deriveEdgeKey, signEdgeValue, EDGE_COOKIE } from "@/lib/edge/cookie";
import type { ReaderCookie } from "./cookies";

export function edgeKeyFor(authSecret: string): string {
  return deriveEdgeKey(authSecret);
}

export function withEdgeCookie(reader: ReaderCookie, key: string, ttlSeconds: number, now = Date.now()): string {
  const session = reader.cookie.slice(reader.cookie.indexOf("=") + 1);
  const value = signEdgeValue(key, reader.tier, Math.floor(now / 1000) + ttlSeconds, session);
  return `${reader.cookie}; ${EDGE_COOKIE}=${value}`;
}
