import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import { parseRateLimitSettings } from "@/lib/rate-limit/settings";
import type { gateSearchRequest as GateFn } from "@/lib/search/gate";
import type * as ProofModule from "@/lib/search/gate-proof";

let gateSearchRequest: typeof GateFn;
let proof: typeof ProofModule;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef";
  ({ gateSearchRequest } = await import("@/lib/search/gate"));
  proof = await import("@/lib/search/gate-proof");
});

const deps = (limit = 2, hops = 0) => ({
  limiter: createRateLimiter({ stores: [createMemoryStore()] }),
  settings: parseRateLimitSettings({ SEARCH_REQUESTS_PER_MINUTE: String(limit), TRUSTED_PROXY_HOPS: String(hops) }),
});
const req = (path: string, headers: Record<string, string> = {}, method = "GET") => new NextRequest(`http://localhost:3000${path}`, { headers, method });
// What NextResponse.rewrite records for Next: the destination and the request headers to forward.
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);
// The proxy hands the gate the publication's internal search page (lib/routing/paths.ts localeRoute).
const dest = (r: NextRequest) => (r.nextUrl.pathname.startsWith("/en/") ? "/p/main/en/search" : "/p/main/ko/search");

describe("search gate (proxy)", () => {
  it("ignores everything but search pages with terms", async () => {
    const d = deps();
    for (const path of ["/", "/search", "/search?q=", "/search?q=%20%20", "/articles/x?q=a", "/ko/search?q=a", "/en/searching?q=a"]) {
      expect(await gateSearchRequest(req(path), dest(req(path)), d), path).toBeNull();
    }
    expect(await gateSearchRequest(req("/search?q=a", {}, "POST"), dest(req("/search?q=a", {}, "POST")), d)).toBeNull();
  });

  it("counts per client IP, rewrites to the localized page, and answers 429 with Retry-After past the budget", async () => {
    const d = deps(2);
    const ip = { "x-forwarded-for": "203.0.113.8" };
    const first = (await gateSearchRequest(req("/search?q=반도체", ip), dest(req("/search?q=반도체", ip)), d))!;
    expect(first.status).toBe(200);
    expect(new URL(first.headers.get("x-middleware-rewrite")!).pathname).toBe("/p/main/ko/search");
    expect(proof.isGateProof(forwarded(first, proof.GATE_HEADER))).toBe(true);
    expect(forwarded(first, proof.RETRY_HEADER)).toBeNull();
    await gateSearchRequest(req("/en/search?q=chips", ip), dest(req("/en/search?q=chips", ip)), d);
    const third = (await gateSearchRequest(req("/en/search?q=chips", ip), dest(req("/en/search?q=chips", ip)), d))!;
    expect(third.status).toBe(429);
    expect(new URL(third.headers.get("x-middleware-rewrite")!).pathname).toBe("/p/main/en/search");
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(55);
    expect(forwarded(third, proof.RETRY_HEADER)).toBe(third.headers.get("Retry-After"));
    // Another reader is unaffected.
    expect(
      (await gateSearchRequest(req("/search?q=a", { "x-forwarded-for": "203.0.113.9" }), dest(req("/search?q=a", { "x-forwarded-for": "203.0.113.9" })), d))!
        .status,
    ).toBe(200);
  });

  it("a client's own verdict headers are replaced, and a forged proof is not a proof", async () => {
    const d = deps(5);
    const res = (await gateSearchRequest(
      req("/search?q=a", { [proof.GATE_HEADER]: "forged", [proof.RETRY_HEADER]: "999" }),
      dest(req("/search?q=a", { [proof.GATE_HEADER]: "forged", [proof.RETRY_HEADER]: "999" })),
      d,
    ))!;
    expect(res.status).toBe(200);
    expect(forwarded(res, proof.RETRY_HEADER)).toBeNull();
    expect(proof.isGateProof("forged")).toBe(false);
    expect(proof.isGateProof(null)).toBe(false);
  });
});
