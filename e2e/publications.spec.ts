// Several publications in one install (issue 16, design §10): the demo's primary publication at
// localhost and `data` at data.localhost, one member identity, per-publication tiers, a bundle
// (the primary's premium includes data's premium), per-publication studio and Admin API.
//
// Chromium resolves *.localhost to loopback by itself; Node's resolver does not, so API-level
// requests go to localhost with the publication's Host header (design §13).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DATA_GATED_MARKER, DATA_PUBLICATION, dataArticles } from "../db/seed/data-content";
import { ADMIN_API_TOKEN, grant } from "./support/auth";
import { mailCount, waitForSignInLink } from "./support/mailbox";
import { GATED_MARKER, demoArticles, markedPiece } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const PRIMARY_ORIGIN = `http://localhost:${port}`;
const DATA_ORIGIN = `http://${DATA_PUBLICATION.host}:${port}`;
const DATA_HOST = `${DATA_PUBLICATION.host}:${port}`;
const dataPremium = dataArticles.find((a) => a.body.includes(DATA_GATED_MARKER))!;
const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const html = { accept: "text/html" };

// A request as a browser on `host` would send it (Host header, optional session cookie).
function at(request: APIRequestContext, host: string | null, cookie?: string) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(host ? { host } : {}), ...(cookie ? { cookie } : {}), ...extra });
  return {
    get: (path: string, extra: Record<string, string> = html) => request.get(`${PRIMARY_ORIGIN}${path}`, { headers: headers(extra), maxRedirects: 0 }),
  };
}

// Signs in on a publication's host through the real magic-link flow; returns the session cookie.
async function signInOn(page: Page, origin: string, email: string, callbackPath = "/"): Promise<string> {
  const before = mailCount(email);
  await page.goto(`${origin}/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel(/이메일 주소|Email address/).fill(email);
  await page.getByRole("button", { name: /로그인 링크 받기|Email me a sign-in link/ }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  const link = await waitForSignInLink(email, before);
  // The link leads back to the host where sign-in began.
  expect(new URL(link).origin).toBe(origin);
  await page.goto(link);
  // The studio has its own header (no reader account menu).
  if (callbackPath.startsWith("/studio")) await expect(page.getByRole("navigation", { name: "스튜디오" })).toBeVisible();
  else await expect(page.getByTestId("account-menu")).toBeVisible();
  const session = (await page.context().cookies(origin)).find((c) => c.name === "next-auth.session-token");
  expect(session, "a host-only session cookie on this publication's host").toBeTruthy();
  return `${session!.name}=${session!.value}`;
}

test.describe("publications", () => {
  test("a piece of one publication never appears on the other's host: page, search, feed, sitemap, APIs", async ({ request }) => {
    const primary = at(request, null);
    const data = at(request, DATA_HOST);
    const primarySlug = demoArticles.find((a) => a.access === "public")!.slug;
    const dataSlug = dataArticles.find((a) => a.access === "public")!.slug;

    expect((await primary.get(`/articles/${primarySlug}`)).status()).toBe(200);
    expect((await data.get(`/articles/${dataSlug}`)).status()).toBe(200);
    expect((await data.get(`/articles/${primarySlug}`)).status()).toBe(404);
    expect((await primary.get(`/articles/${dataSlug}`)).status()).toBe(404);

    const dataHome = await (await data.get("/")).text();
    expect(dataHome).toContain(DATA_PUBLICATION.name);
    expect(dataHome).not.toContain(`/articles/${primarySlug}`);

    const search = await (await data.get(`/search?q=${encodeURIComponent(demoArticles[0].title.slice(0, 6))}`)).text();
    expect(search).not.toContain(`/articles/${demoArticles[0].slug}`);

    const feed = await (await data.get("/feed.xml", {})).text();
    expect(feed).toContain(`${DATA_ORIGIN}/articles/${dataSlug}`);
    expect(feed).not.toContain(primarySlug);
    const primaryFeed = await (await primary.get("/feed.xml", {})).text();
    expect(primaryFeed).not.toContain(dataSlug);

    const sitemap = await (await data.get("/sitemap.xml", {})).text();
    expect(sitemap).toContain(`<loc>${DATA_ORIGIN}/articles/${dataSlug}</loc>`);
    expect(sitemap).not.toContain(primarySlug);
    expect(sitemap).not.toContain(`${PRIMARY_ORIGIN}/`);
    expect(await (await data.get("/robots.txt", {})).text()).toContain(`Sitemap: ${DATA_ORIGIN}/sitemap.xml`);

    // The Admin API works on the publication at the request's host.
    const api = { authorization: `Bearer ${ADMIN_API_TOKEN}` };
    const listed = (await (await data.get("/api/admin/v1/articles?limit=100", api)).json()) as { articles: { slug: string; url: string }[] };
    expect(listed.articles.map((a) => a.slug).sort()).toEqual(dataArticles.map((a) => a.slug).sort());
    expect(listed.articles.every((a) => a.url.startsWith(`${DATA_ORIGIN}/articles/`))).toBe(true);
    const primaryList = (await (await primary.get("/api/admin/v1/articles?limit=100", api)).json()) as { articles: { id: number; slug: string }[] };
    const foreignId = primaryList.articles.find((a) => a.slug === primarySlug)!.id;
    expect((await data.get(`/api/admin/v1/articles/${foreignId}`, api)).status()).toBe(404);
    expect((await data.get(`/api/articles/${primarySlug}/comments`, {})).status()).toBe(404);
    const pubs = (await (await data.get("/api/admin/v1/publications", api)).json()) as { publications: { slug: string; hosts: string[] }[] };
    expect(pubs.publications.map((p) => p.slug)).toEqual(expect.arrayContaining(["main", DATA_PUBLICATION.slug]));
  });

  test("unknown and forged hosts are answered as the primary publication, never another", async ({ request }) => {
    for (const host of ["evil.example", `127.0.0.1:${port}`, "data.localhost.evil.example", `DATA.localhost:${port}.`]) {
      const res = await at(request, host).get("/");
      const body = await res.text();
      if (host.startsWith("DATA")) continue; // a case-folded spelling of data's own host is data's
      expect(res.status(), host).toBe(200);
      expect(body, host).not.toContain(DATA_PUBLICATION.name);
    }
    // Internal paths never reach a publication by URL tricks.
    for (const path of ["/p/data/ko", "/p/data/ko/pricing", "/%70/data/ko", "/t/data/premium/articles/x", "/en/p/data/en"]) {
      expect((await at(request, null).get(path)).status(), path).toBe(404);
    }
  });

  test("a grant in data does not unlock the primary; the primary's premium unlocks data through the bundle", async ({ page, browser }) => {
    // data-premium@ holds data's premium only.
    const onPrimary = await signInOn(page, PRIMARY_ORIGIN, "data-premium@masthead.local", `/articles/${markedPiece.slug}`);
    expect(await (await at(page.request, null, onPrimary).get(`/articles/${markedPiece.slug}`)).text()).not.toContain(GATED_MARKER);
    // The same cookie sent with data's Host (no shared cookie domain) is a signed-out reader there,
    // although this member holds data's premium.
    const replayed = at(page.request, DATA_HOST, onPrimary);
    expect(await (await replayed.get("/api/me", {})).json()).toMatchObject({ signedIn: false, tier: "anon" });
    expect(await (await replayed.get(`/articles/${dataPremium.slug}`)).text()).not.toContain(DATA_GATED_MARKER);
    const other = await (await browser.newContext()).newPage();
    const onData = await signInOn(other, DATA_ORIGIN, "data-premium@masthead.local");
    expect(await (await at(other.request, DATA_HOST, onData).get(`/articles/${dataPremium.slug}`)).text()).toContain(DATA_GATED_MARKER);

    // premium@ holds the primary's premium, which includes data's premium.
    const bundle = await (await browser.newContext()).newPage();
    const cookie = await signInOn(bundle, DATA_ORIGIN, "premium@masthead.local", `/articles/${dataPremium.slug}`);
    await expect(bundle.getByText(DATA_GATED_MARKER)).toBeVisible();
    const me = (await (await at(bundle.request, DATA_HOST, cookie).get("/api/me", {})).json()) as { tier: string };
    expect(me.tier).toBe("premium");
  });

  test("the bundle ends when the primary grant ends", async ({ page, request }) => {
    const email = unique("bundle-end");
    // A primary premium grant that ends in 25 s: on data it reads premium until then.
    await grant(request, email, "premium", new Date(Date.now() + 25_000));
    const cookie = await signInOn(page, DATA_ORIGIN, email);
    const data = at(page.request, DATA_HOST, cookie);
    expect(await (await data.get(`/articles/${dataPremium.slug}`)).text()).toContain(DATA_GATED_MARKER);
    await expect
      .poll(async () => (await (await data.get(`/articles/${dataPremium.slug}`)).text()).includes(DATA_GATED_MARKER), { timeout: 45_000, intervals: [2_000] })
      .toBe(false);
  });

  test("an editor of the primary gets 403 in data's studio and Admin API", async ({ page, browser, request }) => {
    const editor = await signInOn(page, DATA_ORIGIN, "editor@masthead.local", "/studio");
    const studio = await at(page.request, DATA_HOST, editor).get("/studio");
    expect(studio.status()).toBe(403);
    expect(await studio.text()).toContain("studio-no-role");
    // In the primary, the same member works as before.
    const primaryPage = await (await browser.newContext()).newPage();
    const primaryCookie = await signInOn(primaryPage, PRIMARY_ORIGIN, "editor@masthead.local", "/studio");
    expect((await at(primaryPage.request, null, primaryCookie).get("/studio/pieces")).status()).toBe(200);

    // A token made in the primary's studio (an admin there) is refused on data's host.
    const created = await request.post(`${PRIMARY_ORIGIN}/api/admin/v1/articles`, {
      headers: { authorization: `Bearer ${ADMIN_API_TOKEN}` },
      data: { title: "probe", body: "x", access: "public", status: "draft" },
    });
    expect(created.status()).toBe(201);
    const admin = await (await browser.newContext()).newPage();
    const adminCookie = await signInOn(admin, PRIMARY_ORIGIN, "admin@masthead.local", "/studio/tokens");
    await admin.goto(`${PRIMARY_ORIGIN}/studio/tokens`);
    await admin.getByLabel("토큰 이름").fill(`pub-scope-${Date.now()}`);
    await admin.getByRole("button", { name: "토큰 만들기" }).click();
    const token = (await admin.getByTestId("new-token").textContent())!.trim();
    const auth = { authorization: `Bearer ${token}` };
    expect((await at(request, null).get("/api/admin/v1/articles?limit=1", auth)).status()).toBe(200);
    expect((await at(request, DATA_HOST).get("/api/admin/v1/articles?limit=1", auth)).status()).toBe(403);
    expect((await at(request, DATA_HOST).get("/api/admin/v1/publications", auth)).status()).toBe(403);
    expect(adminCookie).toBeTruthy();
    await request.delete(`${PRIMARY_ORIGIN}/api/admin/v1/articles/${((await created.json()) as { id: number }).id}`, {
      headers: { authorization: `Bearer ${ADMIN_API_TOKEN}` },
    });
  });

  test("paying on data's host buys data's premium (lookup key data.premium_monthly), not the primary's", async ({ page }) => {
    const email = unique("data-buyer");
    const cookie = await signInOn(page, DATA_ORIGIN, email, "/pricing");
    await page.goto(`${DATA_ORIGIN}/pricing`);
    await page
      .getByRole("button", { name: /구독|Subscribe/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/checkout\/demo/);
    await page.getByRole("button", { name: /결제|Pay/ }).click();
    await expect(page).toHaveURL(/\/checkout\/success/);
    const me = (await (await at(page.request, DATA_HOST, cookie).get("/api/me", {})).json()) as { tier: string };
    expect(me.tier).toBe("premium");
    expect(await (await at(page.request, DATA_HOST, cookie).get(`/articles/${dataPremium.slug}`)).text()).toContain(DATA_GATED_MARKER);
  });

  test("leak check: no gated text of either publication reaches a reader without access there", async ({ browser, request }) => {
    const sessions: { label: string; cookies: Record<string, string | undefined> }[] = [{ label: "anonymous", cookies: {} }];
    for (const email of ["reader@masthead.local", "premium@masthead.local", "data-premium@masthead.local"]) {
      const page = await (await browser.newContext()).newPage();
      sessions.push({ label: email, cookies: { primary: await signInOn(page, PRIMARY_ORIGIN, email), data: await signInOn(page, DATA_ORIGIN, email) } });
    }
    const may = (label: string, marker: string, host: "primary" | "data") =>
      (marker === GATED_MARKER && host === "primary" && label === "premium@masthead.local") ||
      (marker === DATA_GATED_MARKER && host === "data" && (label === "premium@masthead.local" || label === "data-premium@masthead.local"));
    const pieces = [...demoArticles.map((a) => a.slug), ...dataArticles.map((a) => a.slug)];
    for (const s of sessions) {
      for (const host of ["primary", "data"] as const) {
        const client = at(request, host === "data" ? DATA_HOST : null, s.cookies[host]);
        for (const slug of pieces) {
          const body = await (await client.get(`/articles/${slug}`)).text();
          for (const marker of [GATED_MARKER, DATA_GATED_MARKER]) {
            if (!may(s.label, marker, host)) expect(body.includes(marker), `${s.label} on ${host}: ${slug} leaks ${marker}`).toBe(false);
          }
        }
      }
    }
  });
});
