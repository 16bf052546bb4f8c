import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { consumeLimit, limitRules, rateLimitSettings } from "@/lib/rate-limit";
import type { RateLimitResult } from "@/lib/rate-limit";

// Reader search is the most expensive anonymous request (a scan over every piece's text), so each
// client IP gets a per-minute budget. Only searches with terms count: the empty search page is free.
export async function consumeSearchLimit(headers: Headers): Promise<RateLimitResult> {
  const ip = clientIp(new Request("http://search.invalid", { headers }), rateLimitSettings().trustedProxyHops);
  return consumeLimit(limitRules().search, ip);
}
