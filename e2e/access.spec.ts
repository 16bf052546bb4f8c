import { expect, test, type Page } from "@playwright/test";
import { GATED_MARKER, demoArticles, markedPiece } from "./fixtures";
import { grant, revoke, signInAs } from "./support/auth";

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const freePiece = demoArticles.find((a) => a.access === "free" && a.body.includes("<!-- paywall -->"))!;
const supporterPiece = demoArticles.find((a) => a.access === "supporter")!;
const lastParagraph = (body: string) =>
  body
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => !p.startsWith("|") && !p.startsWith("#") && !p.startsWith("-"))
    .pop()!
    .slice(0, 30);

async function articleHtml(page: Page, slug: string): Promise<string> {
  const res = await page.goto(`/articles/${slug}`);
  expect(res?.status()).toBe(200);
  return page.content();
}

test.describe("access by tier through the real magic-link flow", () => {
  test("a free member reads members-only pieces but not supporter pieces", async ({ page }) => {
    await signInAs(page, unique("free"), `/articles/${freePiece.slug}`);
    await expect(page.getByTestId("paywall")).toHaveCount(0);
    expect(await page.content()).toContain(lastParagraph(freePiece.body));
    await page.goto(`/articles/${supporterPiece.slug}`);
    await expect(page.getByTestId("paywall")).toBeVisible();
    expect(await articleHtml(page, markedPiece.slug)).not.toContain(GATED_MARKER);
  });

  test("a supporter reads supporter pieces; premium stays gated", async ({ page, request }) => {
    const email = unique("supporter");
    await grant(request, email, "supporter", new Date(Date.now() + 86_400_000));
    await signInAs(page, email, `/articles/${supporterPiece.slug}`);
    await expect(page.getByTestId("paywall")).toHaveCount(0);
    expect(await articleHtml(page, markedPiece.slug)).not.toContain(GATED_MARKER);
  });

  test("a premium member reads everything; the page shows the tier and stays cache-private", async ({ page, request }) => {
    const email = unique("premium");
    await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    await expect(page.getByText(GATED_MARKER)).toBeVisible();
    await expect(page.getByTestId("account-menu")).toHaveAttribute("data-tier", "premium");
    const res = await page.goto(`/articles/${markedPiece.slug}`);
    expect(res?.headers()["cache-control"]).toContain("no-store");
  });

  test("an expiring grant ends on its own, without signing in again", async ({ page, request }) => {
    const email = unique("expiring");
    await grant(request, email, "premium", new Date(Date.now() + 12_000));
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    await expect(page.getByText(GATED_MARKER)).toBeVisible();
    await page.waitForTimeout(13_000);
    expect(await articleHtml(page, markedPiece.slug)).not.toContain(GATED_MARKER);
    await expect(page.getByTestId("paywall")).toBeVisible();
  });

  test("a revoked grant downgrades the very next request", async ({ page, request }) => {
    const email = unique("revoked");
    const id = await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    await expect(page.getByText(GATED_MARKER)).toBeVisible();
    await revoke(request, id);
    expect(await articleHtml(page, markedPiece.slug)).not.toContain(GATED_MARKER);
  });

  test("an upgraded member sees the new tier without reloading", async ({ page, request }) => {
    const email = unique("upgrade");
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    await expect(page.getByTestId("paywall")).toBeVisible();
    await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    // The account menu re-checks on focus (and on a timer); a changed tier refreshes the router.
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(page.getByText(GATED_MARKER)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("account-menu")).toHaveAttribute("data-tier", "premium");
  });
});

test.describe("no leaks after premium readers warmed the caches", () => {
  test("anonymous and free responses carry no gated text in any channel", async ({ page, browser, request }) => {
    const email = unique("warm");
    await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    await expect(page.getByText(GATED_MARKER)).toBeVisible();
    await page.goto(`/search?q=${GATED_MARKER}`);
    await expect(page.locator(`a[href="/articles/${markedPiece.slug}"]`)).toBeVisible();

    const freeContext = await browser.newContext();
    const freePage = await freeContext.newPage();
    await signInAs(freePage, unique("leakfree"));
    for (const ctx of [request, freeContext.request]) {
      const responses = [
        await ctx.get(`/articles/${markedPiece.slug}`),
        await ctx.get(`/articles/${markedPiece.slug}`, { headers: { RSC: "1" } }),
        await ctx.get(`/articles/${markedPiece.slug}?_rsc=x`, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } }),
        await ctx.get(`/`),
        await ctx.get(`/en`),
      ];
      for (const res of responses) expect(await res.text(), res.url()).not.toContain(GATED_MARKER);
      // The search page echoes the query itself; what matters is that the piece is not a hit.
      const search = await (await ctx.get(`/search?q=${GATED_MARKER}`)).text();
      expect(search).not.toContain(`/articles/${markedPiece.slug}"`);
    }
    await freeContext.close();
  });
});

test.describe("hostile sessions", () => {
  const bad = [
    "garbage",
    "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJtaWQiOjEsInJvbGUiOiJhZG1pbiIsImVwb2NoIjo5OSwidGwiOltbInByZW1pdW0iLDAsbnVsbF1dfQ.",
    "a.b.c.d.e",
    "%E0%A4%A",
    "x".repeat(4000),
  ];
  for (const value of bad) {
    test(`cookie ${value.slice(0, 16)}… is treated as anonymous`, async ({ request }) => {
      const res = await request.get(`/articles/${markedPiece.slug}`, { headers: { cookie: `next-auth.session-token=${value}` } });
      expect(res.status()).toBe(200);
      expect(await res.text()).not.toContain(GATED_MARKER);
    });
  }

  test("a tampered real token is treated as anonymous", async ({ page, request }) => {
    const email = unique("tamper");
    await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(page, email);
    const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
    const flipped = cookie.value.slice(0, -6) + (cookie.value.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    const res = await request.get(`/articles/${markedPiece.slug}`, { headers: { cookie: `next-auth.session-token=${flipped}` } });
    expect(res.status()).toBe(200);
    expect(await res.text()).not.toContain(GATED_MARKER);
  });
});

test.describe("sign-in bad input", () => {
  test("an invalid address gets a form error", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("이메일 주소").fill("not-an-email");
    await page.getByRole("button", { name: "로그인 링크 받기" }).click();
    await expect(page.locator("#signin-error")).toHaveText("올바른 이메일 주소를 입력해 주세요.");
  });

  test("a used link shows a clear page", async ({ page, browser }) => {
    const email = unique("reuse");
    await signInAs(page, email);
    const { waitForSignInLink } = await import("./support/mailbox");
    // The newest sign-in mail (a welcome notice follows the first sign-in).
    const link = await waitForSignInLink(email, 0);
    const other = await browser.newPage();
    await other.goto(link);
    await expect(other.getByRole("heading", { name: "로그인 링크를 쓸 수 없습니다" })).toBeVisible();
    await other.close();
  });

  test("repeated requests are rate-limited alike for known and unknown addresses", async ({ request }) => {
    // A member of our own (spending a seeded account's budget would lock later specs out).
    const member = unique("member");
    await grant(request, member, "premium", new Date(Date.now() + 86_400_000));
    const perAddress = 30; // SIGNIN_REQUESTS_PER_EMAIL in playwright.config.ts
    for (const email of [member, unique("nobody")]) {
      const statuses: number[] = [];
      for (let i = 0; i < perAddress + 2; i++) statuses.push((await request.post("/api/signin/precheck", { data: { email } })).status());
      expect(statuses.slice(0, perAddress)).toEqual(Array(perAddress).fill(200));
      expect(statuses.slice(perAddress)).toEqual([429, 429]);
    }
  });

  test("the studio sends readers to sign in", async ({ page }) => {
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fstudio/);
  });
});
