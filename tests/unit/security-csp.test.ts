import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { addScriptHashPolicy, withScriptHashPolicy } from "@/lib/security/cache-csp.mjs";
import { buildContentSecurityPolicy, NON_DOCUMENT_POLICY } from "@/lib/security/csp.mjs";
import { inlineScriptHashes } from "@/lib/security/inline-scripts.mjs";
import { isPrerenderedPath } from "@/lib/security/prerendered-routes";
import { withContentSecurityPolicy } from "@/lib/security/proxy-csp";
import { staticSecurityHeaders } from "@/lib/security/static-headers";

// sha256("alert(1)"), the value browsers print in their CSP violation messages.
const ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";

// The sources of one directive ("script-src 'self' 'nonce-…'" → ["'self'", "'nonce-…'"]).
const directive = (policy: string, name: string): string[] =>
  policy
    .match(new RegExp(`(?:^|;)\\s*${name}\\s+([^;]*)`))?.[1]
    .trim()
    .split(/\s+/) ?? [];

describe("inline script hashes", () => {
  it("hashes the exact text of executable inline scripts only", () => {
    const html = [
      "<script>alert(1)</script>",
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script src="/_next/static/a.js" async=""></script>',
      '<script type="text/javascript">alert(1)</script>',
      '<SCRIPT id="_R_">b()</SCRIPT >',
      "<script type=module>c()</script>",
      '<script type="application/json">{"not":"code"}</script>',
    ].join("");
    const hashes = inlineScriptHashes(html);
    expect(hashes[0]).toBe(ALERT_HASH);
    // alert(1) twice collapses to one source; b() and c() are executable; data blocks and src scripts are not.
    expect(hashes).toHaveLength(3);
  });

  it("keeps whitespace and non-ASCII text byte-exact (the browser hashes UTF-8)", () => {
    expect(inlineScriptHashes("<script> alert(1)</script>")[0]).not.toBe(ALERT_HASH);
    const [korean] = inlineScriptHashes('<script>self.__next_f.push([1,"한국어"])</script>');
    expect(korean).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/x.js"></script>')).toEqual([]);
  });
});

describe("document policy", () => {
  it("allows only same-origin scripts plus the given nonce or hashes; never unsafe-inline or eval", () => {
    const policy = buildContentSecurityPolicy({ scriptSources: [ALERT_HASH] });
    expect(directive(policy, "script-src")).toEqual(["'self'", ALERT_HASH]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'self'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"]);
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds eval only for next dev and upgrades subresources only on https", () => {
    expect(directive(buildContentSecurityPolicy({ scriptSources: [], dev: true }), "script-src")).toContain("'unsafe-eval'");
    expect(buildContentSecurityPolicy({ scriptSources: [], https: true })).toContain("upgrade-insecure-requests");
  });

  it("refuses a source that could widen the policy", () => {
    for (const bad of ["'unsafe-inline'", "*", "https:", "'nonce-short'", "'sha256-abc' 'unsafe-inline'", "'nonce-aaaaaaaaaaaaaaaaaaaa'; script-src *"]) {
      expect(() => buildContentSecurityPolicy({ scriptSources: [bad] })).toThrow(/Not a CSP/);
    }
  });

  it("non-documents may run and embed nothing", () => {
    expect(directive(NON_DOCUMENT_POLICY, "default-src")).toEqual(["'none'"]);
    expect(directive(NON_DOCUMENT_POLICY, "frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("prerendered (shared) renders", () => {
  // Internal paths after the proxy's rewrite (/p/<publication>/<lang>/…, /t/<publication>/<tier>/…).
  it.each([
    "/p/main/ko",
    "/p/data/en",
    "/p/main/en/",
    "/_not-found",
    "/p/main/ko/pricing",
    "/p/main/en/authors/kim",
    "/p/data/ko/sections/economy",
    "/p/main/ko/tags/data",
    "/t/main/anon/articles/x",
    "/t/data/premium/articles/y",
  ])("%s is prerendered", (p) => expect(isPrerenderedPath(p)).toBe(true));
  it.each([
    "/studio",
    "/studio/pieces",
    "/p/main/ko/account",
    "/p/main/ko/signin",
    "/p/main/ko/signin/check-email",
    "/p/main/ko/search",
    "/p/main/ko/checkout/demo",
    "/p/main/ko/sections/economy/feed.xml",
    "/p/main/ko/__not-found",
    "/p/main/ko/no/such/page",
    "/p/main/sitemap.xml",
    "/p/main/ko/feed.xml",
    "/api/me",
  ])("%s is rendered per request", (p) => expect(isPrerenderedPath(p)).toBe(false));
});

describe("cache entries carry their own policy", () => {
  const page = () => ({ kind: "APP_PAGE", html: "<html><script>alert(1)</script></html>", headers: { "x-next-cache-tags": "a" } as Record<string, string> });

  it("adds the hashes of the entry's inline scripts, keeping its other headers", () => {
    const value = addScriptHashPolicy(page(), { https: false });
    expect(value.headers["x-next-cache-tags"]).toBe("a");
    expect(directive(value.headers["content-security-policy"], "script-src")).toEqual(["'self'", ALERT_HASH]);
  });

  it("leaves data, route and RSC-only entries alone", () => {
    const fetchEntry = { kind: "FETCH", data: {} };
    expect(addScriptHashPolicy({ ...fetchEntry })).toEqual(fetchEntry);
    const rscOnly = { kind: "APP_PAGE", html: "", headers: {} };
    expect(addScriptHashPolicy(rscOnly).headers).toEqual({});
  });

  it("a wrapped handler stores the policy on set and adds it to entries read without one", async () => {
    const stored = new Map<string, { value: unknown }>();
    class Plain {
      async get(key: string) {
        return stored.get(key) ?? null;
      }
      async set(key: string, data: unknown) {
        stored.set(key, { value: data });
      }
    }
    const Handler = withScriptHashPolicy(Plain);
    const handler = new Handler();
    const fresh = page();
    await handler.set("/t/anon/articles/x", fresh);
    // In place: Next answers the MISS that produced the render from this same object.
    expect(fresh.headers["content-security-policy"]).toContain(ALERT_HASH);
    stored.set("/ko", { value: page() }); // a build-time prerender read from disk
    const read = await handler.get("/ko");
    expect((read as { value: { headers: Record<string, string> } }).value.headers["content-security-policy"]).toContain(ALERT_HASH);
    expect(await handler.get("/missing")).toBeNull();
  });
});

describe("proxy policy (per-request nonce)", () => {
  const req = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { accept: "text/html", cookie: "a=b" } });
  const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

  it("gives a dynamic page a fresh nonce, in the response and in the request the render sees", () => {
    const a = withContentSecurityPolicy(req("/studio"), NextResponse.next(), { dev: false, https: false });
    const b = withContentSecurityPolicy(req("/studio"), NextResponse.next(), { dev: false, https: false });
    const policy = a.headers.get("content-security-policy");
    expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(nonceOf(policy)).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    // Every original request header survives the override list.
    expect(a.headers.get("x-middleware-override-headers")!.split(",")).toEqual(expect.arrayContaining(["accept", "cookie", "content-security-policy"]));
    expect(a.headers.get("x-middleware-request-cookie")).toBe("a=b");
    expect(a.headers.get("x-middleware-request-accept")).toBe("text/html");
  });

  it("forwards exactly what NextResponse.next({ request: { headers } }) would", () => {
    const request = req("/ko/search");
    const out = withContentSecurityPolicy(request, NextResponse.next(), { dev: false, https: false });
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", out.headers.get("content-security-policy")!);
    const expected = NextResponse.next({ request: { headers } });
    const values = (r: NextResponse) => [...r.headers].filter(([k]) => k.startsWith("x-middleware-request-")).sort();
    const listed = (r: NextResponse) => r.headers.get("x-middleware-override-headers")!.split(",").sort();
    expect(values(out)).toEqual(values(expected));
    expect(listed(out)).toEqual(listed(expected));
  });

  it("leaves shared renders to their cache entry, judged by the rewrite target", () => {
    const article = NextResponse.rewrite(new URL("http://localhost:3000/t/main/anon/articles/x"));
    expect(withContentSecurityPolicy(req("/articles/x"), article, { dev: false, https: false }).headers.get("content-security-policy")).toBeNull();
    const notFound = NextResponse.rewrite(new URL("http://localhost:3000/p/main/ko/__not-found"), { status: 404 });
    expect(withContentSecurityPolicy(req("/t/anon/x"), notFound, { dev: false, https: false }).headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("keeps override headers a rewrite already set and does not forward on redirects", () => {
    const withOverride = NextResponse.next({ request: { headers: new Headers({ "x-a": "1" }) } });
    const out = withContentSecurityPolicy(req("/ko/account"), withOverride, { dev: false, https: false });
    expect(out.headers.get("x-middleware-override-headers")).toBe("x-a,content-security-policy");
    expect(out.headers.get("x-middleware-request-x-a")).toBe("1");
    expect(out.headers.get("x-middleware-request-cookie")).toBeNull();
    const redirect = withContentSecurityPolicy(req("/en/articles/x"), NextResponse.redirect(new URL("http://localhost:3000/articles/x"), 308), {
      dev: false,
      https: false,
    });
    expect(redirect.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(redirect.headers.get("x-middleware-override-headers")).toBeNull();
  });
});

describe("static security headers", () => {
  const names = (rules: ReturnType<typeof staticSecurityHeaders>, source: string, withHas = false) =>
    rules.filter((r) => r.source === source && Boolean(r.has) === withHas).flatMap((r) => r.headers.map((h) => h.key));

  it("sends nosniff, referrer, permissions and framing headers on everything", () => {
    expect(names(staticSecurityHeaders("http://localhost:3000"), "/:path*")).toEqual(
      expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]),
    );
  });

  it("sends HSTS for an https site, and otherwise only behind an https terminator", () => {
    expect(names(staticSecurityHeaders("http://localhost:3000"), "/:path*")).not.toContain("Strict-Transport-Security");
    expect(names(staticSecurityHeaders("https://news.example"), "/:path*")).toContain("Strict-Transport-Security");
    const forwarded = staticSecurityHeaders("http://localhost:3000").find((r) => r.has);
    expect(forwarded?.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
    expect(forwarded?.headers.map((h) => h.key)).toEqual(["Strict-Transport-Security"]);
  });

  it("gives API routes a no-script policy but never a second policy to pages", () => {
    const rules = staticSecurityHeaders("http://localhost:3000");
    expect(names(rules, "/api/:path*")).toEqual(["Content-Security-Policy"]);
    expect(names(rules, "/:path*")).not.toContain("Content-Security-Policy");
  });
});
