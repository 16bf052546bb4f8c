// Issue 15 §7: what the shared caches and the database pay for misses, saves and the account menu.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { grant, revoke, signInAs } from "./support/auth";
import { api, createPiece, deletePiece, uniq, uniqueEmail } from "./studio-support";

const html = { headers: { accept: "text/html" } };
const distDir = path.resolve(process.env.NEXT_DIST_DIR || ".next");

// Every runtime cache file (renders and cached data) that mentions `needle`: renders are named by
// their path, cached data carries its tags (`article:<slug>`).
function cacheFilesMentioning(needle: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.includes(needle) || (fs.statSync(file).size < 2_000_000 && fs.readFileSync(file, "utf8").includes(needle))) found.push(file);
    }
  };
  for (const dir of ["cache/fetch-cache", "server/route-cache", "server/app/t"]) walk(path.join(distDir, dir));
  return found;
}

async function queriesSoFar(request: APIRequestContext): Promise<number> {
  const body = (await (await request.get("/api/health")).json()) as { queries?: number };
  expect(typeof body.queries, "the e2e server runs with MASTHEAD_BENCH=1").toBe("number");
  return body.queries!;
}

test.describe("cache economy", () => {
  test("a slug that names no piece is a 404 that costs no cache entry, for any tier", async ({ page, request }) => {
    const slugs = [uniq("no-such-piece"), uniq("no-such-piece")];
    await signInAs(page, "premium@masthead.local");
    for (const slug of slugs) {
      for (const client of [request, page.request]) {
        const res = await client.get(`/articles/${slug}`, html);
        expect(res.status()).toBe(404);
        expect(await res.text()).toMatch(/찾을 수 없|not found/i);
        expect((await client.get(`/articles/${slug}`, { headers: { RSC: "1" } })).status()).toBe(404);
      }
    }
    for (const slug of slugs) expect(cacheFilesMentioning(slug)).toEqual([]);
  });

  test("a piece created through the API is served at once, not answered 404 by the proxy", async ({ request }) => {
    const piece = await createPiece(request, { title: `바로 보이는 글 ${uniq("t")}`, body: "본문.", access: "public", status: "published" });
    try {
      expect((await request.get(`/articles/${piece.slug}`, html)).status()).toBe(200);
    } finally {
      await deletePiece(request, piece.id);
    }
    expect((await request.get(`/articles/${piece.slug}`, html)).status()).toBe(404);
  });

  test("a save re-renders the saved piece and the pages that show it, not every piece", async ({ request }) => {
    const tagA = uniq("관련a");
    const a = await createPiece(request, { title: `편집 대상 ${uniq("a")}`, body: "첫 본문.", access: "public", status: "published", tags: [tagA] });
    const showsA = await createPiece(request, { title: `관련 글 ${uniq("c")}`, body: "관련 본문.", access: "public", status: "published", tags: [tagA] });
    const unrelated = await createPiece(request, {
      title: `무관한 글 ${uniq("b")}`,
      body: "무관 본문.",
      access: "public",
      status: "published",
      tags: [uniq("관련b")],
    });
    try {
      for (const p of [a, showsA, unrelated]) await request.get(`/articles/${p.slug}`, html);
      expect((await request.get(`/articles/${unrelated.slug}`, html)).headers()["x-nextjs-cache"]).toBe("HIT");
      const related = await request.get(`/articles/${showsA.slug}`, html);
      expect(related.headers()["x-nextjs-cache"]).toBe("HIT");
      expect(await related.text()).toContain(`/articles/${a.slug}`);

      const title = `고친 제목 ${uniq("a")}`;
      const patched = await request.patch(`/api/admin/v1/articles/${a.id}`, { headers: api, data: { title } });
      expect(patched.status(), await patched.text()).toBe(200);

      expect(await (await request.get(`/articles/${a.slug}`, html)).text()).toContain(title);
      expect(await (await request.get(`/articles/${showsA.slug}`, html)).text(), "the page listing the piece shows its new title").toContain(title);
      const untouched = await request.get(`/articles/${unrelated.slug}`, html);
      expect(untouched.headers()["x-nextjs-cache"], "a piece that does not show the saved one stays cached").toBe("HIT");
    } finally {
      for (const p of [a, showsA, unrelated]) await deletePiece(request, p.id);
    }
  });

  test("the account menu's /api/me is answered from the session, without queries", async ({ page }) => {
    const email = uniqueEmail("me-no-query");
    await grant(page.request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email);
    const calls = 60;
    const started = Date.now();
    const before = await queriesSoFar(page.request);
    for (let i = 0; i < calls; i++) {
      const me = (await (await page.request.get("/api/me")).json()) as { tier: string; tierName: { en: string } | null };
      expect(me).toMatchObject({ tier: "premium", tierName: { en: "Premium" } });
    }
    const during = (await queriesSoFar(page.request)) - before;
    // The instance's background work (the email worker's polls every 500 ms here, the access
    // listener, revalidations left by earlier specs) runs meanwhile: count it over an idle window
    // as long, and compare what is left. Loading the member took three statements per call; the
    // bound is one per call, because that background comes in bursts (29 left over once in CI).
    const idleFrom = await queriesSoFar(page.request);
    await new Promise((r) => setTimeout(r, Date.now() - started));
    const background = (await queriesSoFar(page.request)) - idleFrom;
    expect(during - background, `statements sent while answering ${calls} /api/me calls (${during}) beyond the idle window's (${background})`).toBeLessThan(
      calls,
    );
  });

  test("parallel requests with one stale session re-mint it once", async ({ page, request }) => {
    const email = uniqueEmail("single-flight");
    const grantId = await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "next-auth.session-token")!;
    // Revoking bumps the member's epoch: the session just minted is now stale everywhere.
    await revoke(request, grantId);
    const headers = { accept: "text/html", cookie: `${session.name}=${session.value}` };
    const answers = await Promise.all(Array.from({ length: 8 }, () => request.get("/articles/flood-risk-climate-data", { headers })));
    const minted = answers.map(
      (r) =>
        r
          .headersArray()
          .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${session.name}=`))
          ?.value.split(";")[0],
    );
    expect(minted.every(Boolean), "every parallel answer passes the re-minted session on").toBe(true);
    expect(new Set(minted).size, "one re-mint shared by all parallel requests").toBe(1);
  });
});
