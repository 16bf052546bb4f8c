import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { MALFORMED_ESCAPES, nastyString, pathSegment, queryString } from "./support/arbitraries";
import { fuzz } from "./support/fuzz";
import { assertClean, seen } from "./support/oracles";

// Every reader route of design §9 (and its /en variant) with random path parameters, query strings
// and request headers: never a 5xx, a stack trace or a secret.

const ROUTES: readonly ((seg: string) => string)[] = [
  () => "/",
  (s) => `/articles/${s}`,
  (s) => `/authors/${s}`,
  (s) => `/sections/${s}`,
  (s) => `/sections/${s}/feed.xml`,
  (s) => `/tags/${s}`,
  () => "/search",
  () => "/pricing",
  () => "/account",
  () => "/account/portal",
  () => "/signin",
  () => "/signin/check-email",
  () => "/signin/error",
  () => "/signout",
  () => "/checkout/demo",
  () => "/checkout/success",
  () => "/feed.xml",
  () => "/sitemap.xml",
  () => "/robots.txt",
  (s) => `/${s}`,
  (s) => `/${s}/${s}`,
];

const localePrefix = fc.constantFrom("", "/en", "/ko", "/EN", "/en/");
const accept = fc.constantFrom("text/html", "*/*", "text/x-component", "application/json", "application/rss+xml", "");

// Headers that switch Next into other render modes or that proxies and crawlers forge.
const nextHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    RSC: fc.constantFrom("1", "0", "true"),
    "Next-Router-Prefetch": fc.constantFrom("1", "2"),
    "Next-Router-Segment-Prefetch": fc.constantFrom("/_tree", "/t/premium", "/__PAGE__", "%ff"),
    "Next-Router-State-Tree": fc.oneof(
      fc.constant(encodeURIComponent(JSON.stringify(["", { children: ["t", { children: ["premium", {}] }] }, null, null, true]))),
      nastyString(60).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ""))),
    ),
    "Next-Url": fc.constantFrom("/t/premium/articles/x", "/studio", "//evil.example"),
    "x-middleware-subrequest": fc.constantFrom(
      "middleware:middleware:middleware:middleware:middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "src/middleware",
      "pages/_middleware",
    ),
    "x-middleware-prefetch": fc.constant("1"),
    "x-nextjs-data": fc.constant("1"),
    "X-Forwarded-Host": fc.constantFrom("evil.example", "localhost:1", "a".repeat(300), "evil.example, localhost"),
    "X-Forwarded-Proto": fc.constantFrom("https", "gopher", ""),
    "X-Forwarded-For": fc.constantFrom("1.1.1.1, 2.2.2.2", "not-an-ip", "::1", "1".repeat(300)),
    Cookie: fc.constantFrom(
      `next-auth.session-token=${"A".repeat(6000)}`,
      "next-auth.session-token=eyJhbGciOiJub25lIn0.eyJ0aWVyIjoicHJlbWl1bSJ9.",
      "next-auth.session-token=%ff%fe; __Host-x=1",
      `a=${"b".repeat(3000)}; c=${"d".repeat(3000)}`,
    ),
  },
  { requiredKeys: [] },
);

test.describe("fuzz: reader routes", () => {
  test("random path parameters, queries and headers on every reader route", async ({ request }) => {
    test.setTimeout(150_000);
    const input = fc.record({ route: fc.constantFrom(...ROUTES), seg: pathSegment, locale: localePrefix, query: queryString, accept, headers: nextHeaders });
    await fuzz(
      "reader route",
      input,
      async ({ route, seg, locale, query, accept: acc, headers }) => {
        const url = `${locale === "/en/" ? "/en" : locale}${route(seg)}${query ? `?${query}` : ""}`.replace(/^\/\//, "/");
        const res = await request.get(url, { headers: { ...(acc ? { Accept: acc } : {}), ...headers }, maxRedirects: 0, failOnStatusCode: false });
        assertClean(await seen(`GET ${url} ${JSON.stringify(headers).slice(0, 200)}`, res));
      },
      300,
    );
  });

  test("the internal per-tier render is 404 under every spelling", async ({ request }) => {
    const spellings = fc.record({
      prefix: fc.constantFrom("", "/en", "/ko", "/%2F", "/./", "/%2e/", "/en/..", "/%65n"),
      t: fc.constantFrom("t", "T", "%74", "%2574", "t;x", "t.", "t%2f"),
      tier: fc.constantFrom("anon", "free", "supporter", "premium", "admin", "%70remium"),
      slug: fc.constantFrom("flood-risk-climate-data", "pension-reform-arithmetic", "x"),
      rsc: fc.boolean(),
    });
    await fuzz(
      "internal path",
      spellings,
      async ({ prefix, t, tier, slug, rsc }) => {
        const url = `${prefix}/${t}/${tier}/articles/${slug}`.replace(/\/{3,}/g, "//");
        // Redirects are followed: Next's own path normalization may 308 to /t/…, which must 404.
        const res = await request.get(url, { headers: rsc ? { RSC: "1", Accept: "text/x-component" } : { Accept: "text/html" }, failOnStatusCode: false });
        const s = await seen(`GET ${url}`, res);
        assertClean(s);
        expect(s.status, `${url} → ${res.url()}`).toBe(404);
      },
      100,
    );
  });

  test("a NUL byte or overlong slug in an author, section or tag page is a 404", async ({ request }) => {
    for (const path of ["/authors/%00", "/sections/%00", "/tags/%00", "/en/tags/a%00b", `/authors/${"a".repeat(1500)}`]) {
      const res = await request.get(path, { headers: { Accept: "text/html" }, failOnStatusCode: false });
      const s = await seen(`GET ${path}`, res);
      assertClean(s);
      expect(s.status, path).toBe(404);
    }
  });

  // Left alone, Next 16.4.6 answers a path segment that does not percent-decode with a bare
  // "Internal Server Error" 500 (router-server catches its DecodeError, tries to render /400,
  // which the app router lacks, and falls back to 500); proxy.ts answers 400 first.
  test("a malformed percent-escape in any path segment is a 4xx, not 500", async ({ request }) => {
    for (const bad of MALFORMED_ESCAPES) {
      for (const path of [
        `/articles/${bad}`,
        `/tags/${bad}`,
        `/${bad}`,
        `/en/authors/${bad}`,
        `/api/og/${bad}`,
        `/api/articles/${bad}/comments`,
        `/api/admin/v1/articles/${bad}`,
      ]) {
        const res = await request.get(path, { failOnStatusCode: false });
        assertClean(await seen(`GET ${path}`, res));
      }
    }
  });
});
