import { expect, test } from "@playwright/test";
import { DATA_GATED_MARKER, DATA_PUBLICATION, dataArticles } from "../db/seed/data-content";
import { countCacheEntries } from "./support/cache-entries";
import { adminApi, demoArticles, edgeCookieFrom, GATED_MARKER, hostGet, markedPiece, publicEn, publicKo, sessionCookie, type Page } from "./support/client";
import { sharedCacheContents } from "./support/redis";
import { multiState } from "./support/state";

// Two publications behind one edge and two instances (design §10): `main` at localhost and `data`
// at data.localhost, named in the Host header (requests go to the edge's or an instance's address).
// The edge maps moved.localhost to data, where Node's table does not know it (stack.ts). Sessions
// are shared across the hosts (SESSION_COOKIE_DOMAIN), tiers are not: a member premium in data
// only is a free reader of the primary. Runs after edge.spec.ts, whose entry counts it must not
// disturb; the counts here are differences.
const state = multiState();
const MAIN = "localhost";
const DATA = DATA_PUBLICATION.host;
const MOVED = "moved.localhost";
const fromCache = (p: Page) => ["HIT", "STALE", "UPDATING"].includes(p.headers.get("x-cache-status") ?? "");
const article = (slug: string) => `/articles/${slug}`;
const dataPremium = dataArticles.find((a) => a.body.includes(DATA_GATED_MARKER))!;
// A public piece of the primary that no other spec reads; data gets a piece of the same slug.
const twin = demoArticles.filter((a) => a.access === "public" && ![markedPiece.slug, publicEn.slug, publicKo.slug].includes(a.slug)).at(-1)!;
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
let nextId = 800_000;

// Reads until the edge serves the page from its cache (the first request fills it).
async function cached(host: string, path: string, cookie?: string): Promise<Page> {
  let page = await hostGet(state.edge, host, path, cookie);
  for (let i = 0; i < 3 && !fromCache(page); i++) page = await hostGet(state.edge, host, path, cookie);
  expect(fromCache(page), `${host}${path} never came from the edge cache`).toBe(true);
  return page;
}

test("a data premium reader's edge cookie, replayed on the primary's host with the shared session, unlocks nothing there", async () => {
  // A premium reader of the primary fills the primary's premium entry of the marked piece.
  const mainSession = await sessionCookie(state, { id: nextId++, epoch: 0, tiers: { main: "premium" } });
  const mainEdge = edgeCookieFrom(await hostGet(state.edge, MAIN, article(markedPiece.slug), mainSession));
  expect(mainEdge).toMatch(/^mh_edge=main\.premium\./);
  expect((await cached(MAIN, article(markedPiece.slug), `${mainSession}; ${mainEdge}`)).body).toContain(GATED_MARKER);

  // Premium in data only, signed in on data's host: full text there, from data's own entry.
  const session = await sessionCookie(state, { id: nextId++, epoch: 0, tiers: { data: "premium" }, signedInOn: "data" });
  const onData = await hostGet(state.edge, DATA, article(dataPremium.slug), session);
  expect(onData.body).toContain(DATA_GATED_MARKER);
  const dataEdge = edgeCookieFrom(onData);
  expect(dataEdge).toMatch(/^mh_edge=data\.premium\./);
  expect((await cached(DATA, article(dataPremium.slug), `${session}; ${dataEdge}`)).body).toContain(DATA_GATED_MARKER);

  // The same session and data's edge cookie on the primary's host — as issued, and with its
  // publication part rewritten: the edge does not take the tier, Node answers (free here) and
  // issues the primary's own cookie; the primary's premium entry is never served.
  const [, tier, exp, sig] = dataEdge!.slice("mh_edge=".length).split(".");
  for (const replay of [dataEdge!, `mh_edge=main.${tier}.${exp}.${sig}`]) {
    const page = await hostGet(state.edge, MAIN, article(markedPiece.slug), `${session}; ${replay}`);
    expect(page.status, replay).toBe(200);
    expect(page.headers.get("x-cache-status"), replay).toBe("BYPASS");
    expect(page.body, replay).not.toContain(GATED_MARKER);
    expect(edgeCookieFrom(page), replay).toMatch(/^mh_edge=main\.free\./);
  }
  // With the cookie the primary issued, this member reads the primary's free render from the cache.
  const freeEdge = edgeCookieFrom(await hostGet(state.edge, MAIN, article(markedPiece.slug), `${session}; ${dataEdge}`));
  expect((await cached(MAIN, article(markedPiece.slug), `${session}; ${freeEdge}`)).body).not.toContain(GATED_MARKER);
  // And the primary's premium reader still gets the primary's premium entry.
  expect((await cached(MAIN, article(markedPiece.slug), `${mainSession}; ${mainEdge}`)).body).toContain(GATED_MARKER);
});

test("the same address on localhost and data.localhost is cached under separate keys and never crosses", async () => {
  const dataTitle = `Data twin ${Date.now()}`;
  await adminApi(state, state.a, DATA).createArticle({
    title: dataTitle,
    slug: twin.slug,
    body: "A piece of data's with the primary's slug.",
    locale: "en",
    access: "public",
    status: "published",
  });
  const mainTitle = escapeHtml(twin.title);
  const before = countCacheEntries(state.edgeCacheDir);
  for (let round = 0; round < 3; round++) {
    const main = await hostGet(state.edge, MAIN, article(twin.slug));
    const data = await hostGet(state.edge, DATA, article(twin.slug));
    expect(main.status).toBe(200);
    expect(data.status).toBe(200);
    expect(main.body).toContain(mainTitle);
    expect(main.body).not.toContain(dataTitle);
    expect(data.body).toContain(dataTitle);
    expect(data.body).not.toContain(mainTitle);
  }
  expect(fromCache(await hostGet(state.edge, MAIN, article(twin.slug)))).toBe(true);
  expect(fromCache(await hostGet(state.edge, DATA, article(twin.slug)))).toBe(true);
  // One anonymous entry per publication, at the edge and in the instances' shared cache in Redis
  // (whose render paths name the publication).
  expect(countCacheEntries(state.edgeCacheDir)).toBe(before + 2);
  const shared = await sharedCacheContents(state.redisPort, `*/articles/${twin.slug}*`);
  expect(
    shared.entries.some((k) => k.includes(`/t/main/anon/articles/${twin.slug}`)),
    shared.entries.join("\n"),
  ).toBe(true);
  expect(
    shared.entries.some((k) => k.includes(`/t/data/anon/articles/${twin.slug}`)),
    shared.entries.join("\n"),
  ).toBe(true);
  // Pieces of one publication stay 404 on the other's host, cached or not.
  expect((await hostGet(state.edge, DATA, article(markedPiece.slug))).status).toBe(404);
  expect((await hostGet(state.edge, MAIN, article(dataPremium.slug))).status).toBe(404);
});

test("arbitrary Host values share the primary's entries: no new cache entries", async () => {
  test.setTimeout(120_000);
  const path = article(twin.slug);
  const mainTitle = escapeHtml(twin.title);
  const session = await sessionCookie(state, { id: nextId++, epoch: 0, tiers: { main: "premium" } });
  const edge = edgeCookieFrom(await hostGet(state.edge, MAIN, path, session));
  await cached(MAIN, path);
  await cached(MAIN, path, `${session}; ${edge}`);
  const before = countCacheEntries(state.edgeCacheDir);
  const random = Array.from({ length: 150 }, (_, i) => `${Math.random().toString(36).slice(2)}${i}.example`);
  const hosts = [
    ...random,
    "LOCALHOST",
    "localhost.",
    "Localhost:8080",
    "127.0.0.1",
    "10.1.2.3:80",
    "[::1]",
    "data.localhost.evil.example",
    "evil.example:3000",
    "under_score.example",
    `${"a".repeat(63)}.${"b".repeat(63)}.example`,
  ];
  const failures: string[] = [];
  let fromTheCache = 0;
  for (let i = 0; i < hosts.length; i += 20) {
    await Promise.all(
      hosts.slice(i, i + 20).map(async (host, j) => {
        // Anonymous readers and a premium reader of the primary (its cookie is the primary's, and
        // so is every unknown host).
        const page = await hostGet(state.edge, host, path, j % 2 ? `${session}; ${edge}` : null);
        if (page.status !== 200 || !page.body.includes(mainTitle)) failures.push(`${host}: ${page.status}`);
        if (fromCache(page)) fromTheCache++;
      }),
    );
  }
  expect(failures).toEqual([]);
  // Nearly all from the primary's two entries (a render may expire meanwhile and be refreshed).
  expect(fromTheCache).toBeGreaterThanOrEqual(hosts.length - 10);
  expect(countCacheEntries(state.edgeCacheDir)).toBe(before);
});

test("a page Node rendered for another publication than the edge's key says is served, never stored", async () => {
  // The edge maps moved.localhost to data; Node knows no such host and answers as the primary
  // (the marked piece's teaser: no other spec edits its title).
  const path = article(markedPiece.slug);
  const title = escapeHtml(markedPiece.title);
  const before = countCacheEntries(state.edgeCacheDir);
  for (let i = 0; i < 3; i++) {
    const page = await hostGet(state.edge, MOVED, path);
    expect(page.status).toBe(200);
    expect(page.body).toContain(title);
    expect(fromCache(page), `request ${i + 1} came from the cache`).toBe(false);
  }
  expect(countCacheEntries(state.edgeCacheDir)).toBe(before);
  // data's readers are never served the primary's piece from data's key.
  const data = await hostGet(state.edge, DATA, path);
  expect(data.status).toBe(404);
  expect(data.body).not.toContain(title);
});

test("an edit in one publication through A is served by B at once, and only in that publication", async () => {
  const path = article(twin.slug);
  const [piece] = ((await adminApi(state, state.b, DATA).listArticles(twin.slug)).articles as { id: number; slug: string }[]).filter(
    (a) => a.slug === twin.slug,
  );
  expect(piece, "data's twin piece (created by the previous test)").toBeDefined();
  // B has both publications' renders of the address.
  for (const host of [DATA, MAIN]) {
    expect((await hostGet(state.b, host, path)).status).toBe(200);
    expect((await hostGet(state.b, host, path)).status).toBe(200);
  }
  const title = `Data twin edited on A ${Date.now()}`;
  await adminApi(state, state.a, DATA).patchArticle(piece.id, { title });
  const edited = Date.now();
  const onB = await hostGet(state.b, DATA, path);
  expect(onB.body).toContain(title);
  const mainOnB = await hostGet(state.b, MAIN, path);
  expect(mainOnB.body).toContain(escapeHtml(twin.title));
  expect(mainOnB.body).not.toContain(title);
  // The revalidation went through Redis as data's tag alone (tags name the publication's id).
  const { tags } = await sharedCacheContents(state.redisPort, "__none__");
  expect(tags).toContain(`article:${state.publications.data}:${twin.slug}`);
  expect(tags).not.toContain(`article:${state.publications.main}:${twin.slug}`);
  // Through the edge: within its TTL on data's host, never on the primary's.
  await expect.poll(async () => (await hostGet(state.edge, DATA, path)).body.includes(title), { timeout: 20_000, intervals: [500] }).toBe(true);
  expect(Date.now() - edited).toBeLessThan(16_000);
  expect((await hostGet(state.edge, MAIN, path)).body).not.toContain(title);
});
