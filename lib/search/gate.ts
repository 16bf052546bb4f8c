import { NextResponse, type NextRequest } from "next/server";
import { parseSearchQuery } from "@/lib/articles/search-query";
import { clientIp } from "@/lib/http/client-ip";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { proxyRateLimiter } from "@/lib/rate-limit/proxy-limiter";
import type { RateLimitSettings } from "@/lib/rate-limit/settings";
import { gateProof, GATE_HEADER, RETRY_HEADER } from "./gate-proof";

const SEARCH_PATHS = new Set(["/search", "/en/search"]);

// For proxy.ts: a search page request with terms spends from the reader's per-IP budget before
// rendering, so a refused one can be answered with a real 429 (and Retry-After) — a page cannot
// set its own status. The page still renders the friendly, localized message (it reads the
// verdict from the proxy's signed request headers). `destination` is the internal search page the
// proxy rewrites to. Returns null for every other request.
export async function gateSearchRequest(
  request: NextRequest,
  destination: string,
  deps: { limiter: RateLimiter; settings: RateLimitSettings } = proxyRateLimiter(),
): Promise<NextResponse | null> {
  if (!SEARCH_PATHS.has(request.nextUrl.pathname) || (request.method !== "GET" && request.method !== "HEAD")) return null;
  if (parseSearchQuery(request.nextUrl.searchParams.getAll("q")).terms.length === 0) return null;
  const verdict = await deps.limiter.consume(deps.settings.rules.search, clientIp(request, deps.settings.trustedProxyHops));
  const headers = new Headers(request.headers);
  headers.set(GATE_HEADER, gateProof());
  headers.delete(RETRY_HEADER);
  if (!verdict.ok) headers.set(RETRY_HEADER, String(verdict.retryAfterSeconds));
  const url = request.nextUrl.clone();
  url.pathname = destination;
  const res = NextResponse.rewrite(url, { request: { headers }, ...(verdict.ok ? {} : { status: 429 }) });
  if (!verdict.ok) res.headers.set("Retry-After", String(verdict.retryAfterSeconds));
  return res;
}
