import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { demoArticles, demoAuthors, demoSections } from "../fixtures";
import { fuzz } from "./support/fuzz";
import { loadGatedPieces, leakedFragments, type GatedPiece } from "./support/gated";
import { assertClean, seen } from "./support/oracles";
import { openSession, readersWithoutAccess, type Persona, type Session } from "./support/personas";

let searchClients = 0;
const searchClient = () => `10.77.${Math.floor(++searchClients / 250) % 250}.${(searchClients % 250) + 1}`;

// No paragraph after the preview cut reaches a reader without access, on any surface (HTML, RSC
// flight payloads, JSON, feeds, search, share images), whatever headers they send.

let pieces: GatedPiece[] = [];
const sessions = new Map<Persona, Session>();

// Surfaces a reader can ask for, given a piece; each may reveal text only to readers with access.
function surfaces(p: GatedPiece): { path: string; headers?: Record<string, string>; echo?: string }[] {
  const meta = demoArticles.find((a) => a.slug === p.slug);
  const section = meta?.section ?? demoSections[0].slug;
  const fragment = p.fragments[0];
  return [
    { path: `/articles/${p.slug}`, headers: { Accept: "text/html" } },
    { path: `/articles/${p.slug}`, headers: { RSC: "1", Accept: "text/x-component" } },
    { path: `/articles/${p.slug}?_rsc=fuzz1`, headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
    { path: `/articles/${p.slug}`, headers: { RSC: "1", "Next-Router-Segment-Prefetch": "/_tree" } },
    { path: `/articles/${p.slug}`, headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", Accept: "text/html" } },
    { path: `/articles/${p.slug}`, headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", RSC: "1" } },
    { path: `/articles/${p.slug}.rsc` },
    { path: `/en/articles/${p.slug}`, headers: { Accept: "text/html" } },
    { path: `/ko/articles/${p.slug}`, headers: { Accept: "text/html" } },
    { path: `/t/${p.access}/articles/${p.slug}`, headers: { Accept: "text/html" } },
    { path: `/t/${p.access}/articles/${p.slug}`, headers: { RSC: "1", "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
    { path: `/ko/t/${p.access}/articles/${p.slug}`, headers: { Accept: "text/html" } },
    { path: `/_next/data/x/t/${p.access}/articles/${p.slug}.json` },
    { path: "/feed.xml" },
    { path: "/feed.xml?lang=en" },
    { path: `/sections/${section}/feed.xml` },
    { path: `/en/sections/${section}/feed.xml` },
    // The page shows the query back; the other fragments and any snippet around it must not show.
    // Each search plays its own client address (the e2e server trusts one proxy hop), so the
    // per-IP search limit never turns a real search into a 429 that would prove nothing.
    { path: `/search?q=${encodeURIComponent(fragment)}`, headers: { Accept: "text/html", "X-Forwarded-For": searchClient() }, echo: fragment },
    { path: `/en/search?q=${encodeURIComponent(fragment)}`, headers: { RSC: "1", "X-Forwarded-For": searchClient() }, echo: fragment },
    { path: `/search?q=${encodeURIComponent(fragment.split(" ").slice(1, 3).join(" "))}`, headers: { Accept: "text/html", "X-Forwarded-For": searchClient() } },
    { path: `/api/og/${p.slug}` },
    { path: `/api/articles/${p.slug}/comments` },
    { path: `/api/admin/v1/articles/${p.id}` },
    { path: "/sitemap.xml" },
    { path: "/", headers: { Accept: "text/html" } },
    { path: "/en", headers: { RSC: "1" } },
    { path: `/sections/${section}`, headers: { Accept: "text/html" } },
    { path: `/authors/${meta?.authors?.[0] ?? demoAuthors[0].slug}`, headers: { Accept: "text/html" } },
    { path: "/api/me" },
  ];
}

async function fetchText(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const res = await request.get(path, { headers, failOnStatusCode: false, timeout: 30_000 });
  return seen(`GET ${path} ${JSON.stringify(headers)}`, res);
}

test.describe("fuzz: gated text", () => {
  test.beforeAll(async ({ browser, request }) => {
    test.setTimeout(120_000);
    pieces = await loadGatedPieces(request, ["premium", "supporter"]);
    for (const persona of ["anon", "free", "supporter", "premium"] as const) sessions.set(persona, await openSession(browser, persona));
  });
  test.afterAll(async () => {
    for (const s of sessions.values()) await s.context.close();
  });

  test("the oracle can fail: a premium member does receive the reference fragments", async () => {
    const premium = pieces.filter((p) => p.access === "premium");
    expect(premium.length, "gated premium pieces in the seed").toBeGreaterThan(0);
    for (const p of premium) {
      const s = await fetchText(sessions.get("premium")!.request, `/articles/${p.slug}`, { Accept: "text/html" });
      expect(s.status).toBe(200);
      expect(leakedFragments(s.body, [p]).length, `${p.slug} fragments ${JSON.stringify(p.fragments)}`).toBe(p.fragments.length);
    }
  });

  test("no reader without access receives gated text on any surface", async () => {
    test.setTimeout(170_000);
    for (const p of pieces) {
      for (const persona of readersWithoutAccess(p.access)) {
        for (const { path, headers, echo } of surfaces(p)) {
          const s = await fetchText(sessions.get(persona)!.request, path, headers);
          assertClean(s);
          const leaks = leakedFragments(s.body, [p], echo);
          expect(leaks, `${persona} ${s.label} → ${s.status}`).toEqual([]);
        }
      }
    }
  });

  test("random header and query combinations on gated pieces never leak", async () => {
    test.setTimeout(150_000);
    const input = fc.record({
      piece: fc.integer({ min: 0, max: 1000 }),
      persona: fc.constantFrom<Persona>("anon", "free", "supporter"),
      prefix: fc.constantFrom("", "/en", "/ko", "/t/premium", "/t/supporter", "/ko/t/premium", "/%74/premium", "/%2F"),
      suffix: fc.constantFrom("", "/", ".rsc", "?_rsc=1", "?__nextDataReq=1", "/index", ".txt", "%2f", ";x"),
      headers: fc.record(
        {
          RSC: fc.constant("1"),
          "Next-Router-Prefetch": fc.constantFrom("1", "2"),
          "Next-Router-Segment-Prefetch": fc.constantFrom("/_tree", "/_full", "/__PAGE__"),
          "Next-Router-State-Tree": fc.constant(
            encodeURIComponent(JSON.stringify(["", { children: ["t", { children: ["premium", { children: ["articles", {}] }] }] }])),
          ),
          "x-middleware-subrequest": fc.constantFrom(
            "proxy:proxy:proxy:proxy:proxy",
            "middleware:middleware:middleware:middleware:middleware",
            "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
          ),
          "x-invoke-path": fc.constantFrom("/t/premium/articles/x", "/ko/t/premium"),
          "x-matched-path": fc.constant("/t/[tier]/articles/[slug]"),
          "x-now-route-matches": fc.constant("tier=premium"),
          Cookie: fc.constantFrom("masthead-tier=premium", "next-auth.session-token=forged", "__Secure-next-auth.session-token=x"),
          Accept: fc.constantFrom("text/html", "text/x-component", "*/*", "application/json"),
        },
        { requiredKeys: [] },
      ),
    });
    await fuzz(
      "gated headers",
      input,
      async ({ piece, persona, prefix, suffix, headers }) => {
        const eligible = pieces.filter((p) => readersWithoutAccess(p.access).includes(persona));
        const p = eligible[piece % eligible.length];
        const path = `${prefix}/articles/${p.slug}${suffix}`;
        const s = await fetchText(sessions.get(persona)!.request, path, headers);
        assertClean(s);
        expect(leakedFragments(s.body, [p]), `${persona} ${s.label} → ${s.status}`).toEqual([]);
      },
      300,
    );
  });
});
