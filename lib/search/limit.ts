import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { consumeLimit, limitRules, rateLimitSettings } from "@/lib/rate-limit";
import { GATE_HEADER, isGateProof, RETRY_HEADER } from "./gate-proof";

export type SearchVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

// Reader search is the most expensive anonymous request (a scan over every piece's text), so each
// client IP gets a per-minute budget; only searches with terms count. When the proxy's search
// gate (gate.ts) already counted this request, its signed verdict is used; otherwise (gate not
// installed, or bypassed) the page counts here, so the limit holds either way.
export async function searchVerdict(headers: Headers): Promise<SearchVerdict> {
  if (isGateProof(headers.get(GATE_HEADER))) {
    const retry = Number(headers.get(RETRY_HEADER));
    return retry > 0 ? { ok: false, retryAfterSeconds: retry } : { ok: true };
  }
  const ip = clientIp(new Request("http://search.invalid", { headers }), rateLimitSettings().trustedProxyHops);
  const r = await consumeLimit(limitRules().search, ip);
  return r.ok ? { ok: true } : { ok: false, retryAfterSeconds: r.retryAfterSeconds };
}
