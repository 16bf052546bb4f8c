import { expect, test } from "@playwright/test";
import { countCacheEntries } from "./support/cache-entries";
import { adminApi, edgeCookieFrom, get, GATED_MARKER, markedPiece, publicEn, query, sessionCookie, type Page } from "./support/client";
import { multiState } from "./support/state";

// Through the nginx edge (deploy/nginx, round robin over both instances).
const state = multiState();
const url = (base: string, path = `/articles/${markedPiece.slug}`) => `${base}${path}`;
const fromCache = (p: Page) => ["HIT", "STALE", "UPDATING"].includes(p.headers.get("x-cache-status") ?? "");
const RANK: Record<string, number> = { anon: -1, public: -1, free: 0, supporter: 1, premium: 2 };
const readable = (tier: string) => RANK[tier] >= RANK[markedPiece.access];
let nextId = 700_000;
const reader = async (tier: string) => {
  const session = await sessionCookie(state, { id: nextId++, epoch: 0, tier });
  const first = await get(url(state.edge), session);
  const edge = edgeCookieFrom(first);
  expect(edge, `Node issued no edge cookie to a ${tier} reader`).not.toBeNull();
  return { session, cookie: `${session}; ${edge}`, first };
};

test("anonymous and premium readers get distinct bodies, both from cache hits", async () => {
  await get(url(state.edge));
  const anon = await get(url(state.edge));
  expect(anon.status).toBe(200);
  expect(fromCache(anon)).toBe(true);
  expect(anon.body).not.toContain(GATED_MARKER);

  const { cookie, first } = await reader("premium");
  expect(first.headers.get("x-cache-status")).toBe("BYPASS"); // no edge cookie yet: Node answered
  expect(first.body).toContain(GATED_MARKER);
  await get(url(state.edge), cookie);
  const premium = await get(url(state.edge), cookie);
  expect(premium.status).toBe(200);
  expect(fromCache(premium)).toBe(true);
  expect(premium.body).toContain(GATED_MARKER);
  expect(premium.headers.get("x-masthead-tier")).toBeNull(); // internal header hidden
  expect(premium.headers.get("cache-control")).toContain("private"); // browsers still must not share it
});

test("a forged or foreign edge cookie is not honoured and cannot poison the cache", async () => {
  const premium = await reader("premium");
  const free = await reader("free");
  const premiumEdge = premium.cookie.slice(premium.cookie.indexOf("mh_edge="));
  const [tier, exp, sig] = premiumEdge.slice("mh_edge=".length).split(".");
  for (const cookie of [`${free.session}; ${premiumEdge}`, `${free.session}; mh_edge=premium.${exp}.${sig.slice(0, -2)}AA`, `${free.session}; mh_edge=${tier}.${Number(exp) + 999}.${sig}`]) {
    const page = await get(url(state.edge), cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-cache-status")).toBe("BYPASS");
    expect(page.body).not.toContain(GATED_MARKER);
  }
  const again = await get(url(state.edge), premium.cookie);
  expect(again.body).toContain(GATED_MARKER);
  const freeAgain = await get(url(state.edge), free.cookie);
  expect(freeAgain.body).not.toContain(GATED_MARKER);
});

test("cache entries stay at tiers × pieces while 1,000 distinct members read", async () => {
  test.setTimeout(180_000);
  const piece = `/articles/${markedPiece.slug}`;
  // Warm every tier once, then count: more readers must not add entries.
  for (const tier of ["free", "supporter", "premium"]) {
    const r = await reader(tier);
    await get(url(state.edge, piece), r.cookie);
  }
  await get(url(state.edge, piece));
  const before = countCacheEntries(state.edgeCacheDir);
  const tiers = ["free", "supporter", "premium"];
  const members = Array.from({ length: 1_000 }, (_, i) => tiers[i % tiers.length]);
  let cached = 0;
  const failures: string[] = [];
  for (let i = 0; i < members.length; i += 20) {
    await Promise.all(
      members.slice(i, i + 20).map(async (tier) => {
        const { cookie } = await reader(tier);
        const page = await get(url(state.edge, piece), cookie);
        if (page.status !== 200) failures.push(`${tier}: ${page.status}`);
        else if (page.body.includes(GATED_MARKER) !== readable(tier)) failures.push(`${tier}: wrong body`);
        if (fromCache(page)) cached++;
      }),
    );
  }
  expect(failures).toEqual([]);
  expect(cached).toBeGreaterThanOrEqual(990);
  expect(countCacheEntries(state.edgeCacheDir)).toBe(before);
  // This file's tests read only this piece through this edge: one entry per tier, anonymous included.
  expect(before).toBe(tiers.length + 1);
});

test("/t/** is 404 at the edge in every spelling", async () => {
  for (const path of [`/t/premium/articles/${markedPiece.slug}`, "/t/premium/articles/x.rsc", "/%74/premium/articles/x", "/T/premium", "/en/t/premium/articles/x", "//t/premium", "/t;x", "/ko/t/anon/articles/x"]) {
    const res = await fetch(url(state.edge, path), { redirect: "manual" });
    expect(res.status, path).toBe(404);
    expect(await res.text(), path).not.toContain(GATED_MARKER);
  }
});

test("auth_request mode: distinct bodies per tier from the cache, no edge cookie needed", async () => {
  const session = await sessionCookie(state, { id: nextId++, epoch: 0, tier: "premium" });
  const other = await sessionCookie(state, { id: nextId++, epoch: 0, tier: "premium" });
  await get(url(state.edgeAuth), session);
  const premium = await get(url(state.edgeAuth), other);
  expect(premium.body).toContain(GATED_MARKER);
  expect(fromCache(premium)).toBe(true);
  expect(edgeCookieFrom(premium)).toBeNull();
  await get(url(state.edgeAuth));
  const anon = await get(url(state.edgeAuth));
  expect(anon.body).not.toContain(GATED_MARKER);
  expect(fromCache(anon)).toBe(true);
});

// Runs last: it adds a second piece to the edge cache.
test("an edit through an instance reaches the edge within the cache TTL (10 s)", async () => {
  const piece = url(state.edge, `/articles/${publicEn.slug}`);
  await get(piece);
  expect(fromCache(await get(piece))).toBe(true);
  const [{ id }] = await query<{ id: number }>(state, "select id from articles where slug = $1", [publicEn.slug]);
  const title = `Edited for the edge ${Date.now()}`;
  await adminApi(state, state.a).patchArticle(id, { title });
  const edited = Date.now();
  await expect.poll(async () => (await get(piece)).body.includes(title), { timeout: 20_000, intervals: [500] }).toBe(true);
  // TTL plus one background render, with room for a busy machine.
  expect(Date.now() - edited).toBeLessThan(16_000);
});
