// Edge cookies for benchmark readers, minted exactly as the proxy mints them (lib/edge/cookie.ts):
// bound to each reader's own session cookie and to the publication read, for the tier that session
// verifies to there.
import { deriveEdgeKey, signEdgeValue, EDGE_COOKIE } from "@/lib/edge/cookie";
import type { ReaderCookie } from "./cookies";

export function edgeKeyFor(authSecret: string): string {
  return deriveEdgeKey(authSecret);
}

// `publication`: the slug nginx maps the benchmark's Host to (127.0.0.1 is no publication's
// hostname, so the primary's: bench/edge-nginx.ts PRIMARY_PUBLICATION).
export function withEdgeCookie(reader: ReaderCookie, key: string, publication: string, ttlSeconds: number, now = Date.now()): string {
  const session = reader.cookie.slice(reader.cookie.indexOf("=") + 1);
  const value = signEdgeValue(key, { publication, session }, reader.tier, Math.floor(now / 1000) + ttlSeconds);
  return `${reader.cookie}; ${EDGE_COOKIE}=${value}`;
}
