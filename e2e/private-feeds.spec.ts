import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GATED_MARKER, markedPiece } from "./fixtures";
import { grant, revoke, signInAs } from "./support/auth";

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const DAY = 86_400_000;

type Item = { link: string; "content:encoded": string };

async function fetchFeed(request: APIRequestContext, url: string, etag?: string) {
  return request.get(url, { headers: etag ? { "If-None-Match": etag } : {} });
}

async function feedItems(request: APIRequestContext, url: string) {
  const res = await fetchFeed(request, url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const body = await res.text();
  expect(XMLValidator.validate(body)).toBe(true);
  const items: Item[] = new XMLParser({ isArray: (name) => name === "item" }).parse(body).rss.channel.item;
  const marked = items.find((i) => i.link.endsWith(`/articles/${markedPiece.slug}`));
  expect(marked, "the marked piece is in the feed").toBeTruthy();
  return { res, body, marked: marked! };
}

// Presses a panel button and returns the newly shown feed URL.
async function issueUrl(page: Page, button: RegExp, previous?: string): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const field = page.getByTestId("private-feed-url");
  if (previous) await expect(field).not.toHaveValue(previous);
  await expect(field).toHaveValue(/\/api\/feeds\/private\/[A-Za-z0-9_-]{43}\.xml(\?lang=en)?$/);
  return field.inputValue();
}

test.describe("private full-text feeds", () => {
  test("carry gated text only while the member may read it; rotation and stopping kill the old URL at once", async ({ page, request }) => {
    const email = unique("feed");
    const grantId = await grant(request, email, "premium", new Date(Date.now() + DAY));
    await signInAs(page, email, "/account");
    await page.goto("/account");
    const section = page.getByTestId("private-feed");
    await expect(section).toBeVisible();
    await expect(section.getByTestId("private-feed-status")).toBeVisible();

    // Issued once, on request; the premium member's feed has the gated part in full.
    const first = await issueUrl(page, /피드 주소 만들기/);
    const full = await feedItems(request, first);
    expect(full.marked["content:encoded"]).toContain(GATED_MARKER);
    expect(full.res.headers()["cache-control"]).toContain("private");
    expect(full.res.headers()["x-robots-tag"]).toContain("noindex");

    // Conditional GET: unchanged → 304 without a body.
    const etag = full.res.headers()["etag"];
    expect(etag).toMatch(/^"[^"]+"$/);
    const notModified = await fetchFeed(request, first, etag);
    expect(notModified.status()).toBe(304);
    expect(await notModified.text()).toBe("");

    // Rotation: the old URL is gone, with or without a validator; the new one works.
    const second = await issueUrl(page, /새 주소 발급/, first);
    expect(second).not.toBe(first);
    expect((await fetchFeed(request, first)).status()).toBe(404);
    expect((await fetchFeed(request, first, etag)).status()).toBe(404);
    const rotated = await feedItems(request, second);
    expect(rotated.marked["content:encoded"]).toContain(GATED_MARKER);
    const rotatedEtag = rotated.res.headers()["etag"];

    // Access ends (the grant is revoked): the very next fetch of the same URL carries the teaser
    // only, and the old ETag no longer matches.
    await revoke(request, grantId);
    const lapsed = await feedItems(request, second);
    expect(lapsed.body).not.toContain(GATED_MARKER);
    expect(lapsed.marked["content:encoded"]).toContain(`/articles/${markedPiece.slug}`);
    expect((await fetchFeed(request, second, rotatedEtag)).status()).toBe(200);

    // Paid again: full text again, through the same URL.
    await grant(request, email, "premium", new Date(Date.now() + DAY));
    expect((await feedItems(request, second)).marked["content:encoded"]).toContain(GATED_MARKER);

    // Stopping the URL: 404 from the next fetch on, and the page says so.
    await page.getByRole("button", { name: /피드 주소 중지/ }).click();
    await expect(section.getByTestId("private-feed-status")).toBeVisible();
    await expect(page.getByTestId("private-feed-url")).toHaveCount(0);
    expect((await fetchFeed(request, second)).status()).toBe(404);
  });

  test("an expiring grant ends the full text at its end instant, with no sign-in or rotation", async ({ page, request }) => {
    const email = unique("expiring-feed");
    const endsAt = new Date(Date.now() + 12_000);
    await grant(request, email, "premium", endsAt);
    await signInAs(page, email, "/account");
    await page.goto("/account");
    const url = await issueUrl(page, /피드 주소 만들기/);
    expect((await feedItems(request, url)).marked["content:encoded"]).toContain(GATED_MARKER);
    await page.waitForTimeout(Math.max(0, endsAt.getTime() - Date.now() + 200));
    const after = await feedItems(request, url);
    expect(after.body).not.toContain(GATED_MARKER);
  });

  test("a member whose paid access ended can still stop their URL, but not issue a new one", async ({ page, request }) => {
    const email = unique("lapsed");
    const grantId = await grant(request, email, "supporter", new Date(Date.now() + DAY));
    await signInAs(page, email, "/en/account");
    await page.goto("/en/account");
    const url = await issueUrl(page, /Create feed address/);
    expect(url).toMatch(/\.xml\?lang=en$/);
    const res = await fetchFeed(request, url);
    expect(res.status()).toBe(200);
    expect(new XMLParser().parse(await res.text()).rss.channel.language).toBe("en");
    // A supporter does not read the premium piece.
    expect((await feedItems(request, url)).body).not.toContain(GATED_MARKER);

    await revoke(request, grantId);
    await page.goto("/en/account");
    await expect(page.getByTestId("private-feed")).toBeVisible();
    await expect(page.getByRole("button", { name: /Create feed address|Issue a new address/ })).toHaveCount(0);
    expect((await fetchFeed(request, url)).status()).toBe(200);
    await page.getByRole("button", { name: /Stop feed address/ }).click();
    await expect(page.getByTestId("private-feed-status")).toContainText(/stopped/);
    expect((await fetchFeed(request, url)).status()).toBe(404);
    await page.goto("/en/account");
    await expect(page.getByTestId("private-feed")).toHaveCount(0);
  });

  test("free members get no private feed; unknown and malformed URLs are 404", async ({ page, request }) => {
    await signInAs(page, unique("free"), "/account");
    await page.goto("/account");
    await expect(page.getByTestId("account-tier")).toBeVisible();
    await expect(page.getByTestId("private-feed")).toHaveCount(0);
    for (const path of [`/api/feeds/private/${"A".repeat(43)}.xml`, "/api/feeds/private/short.xml", `/api/feeds/private/${"A".repeat(43)}`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text()).not.toContain("<rss");
    }
  });
});
