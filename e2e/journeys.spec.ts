import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoArticles, GATED_MARKER, markedPiece } from "./fixtures";
import { signInStaff, uniqueEmail } from "./studio-support";
import { grant, signInAs } from "./support/auth";
import { mailCount, waitForSignInLink } from "./support/mailbox";

// Issue 20, reader journeys: a way to the plans without a paywall, the reader's place kept through
// sign-in and checkout, paywalls and comment notices that speak to the reader's tier, honest plan
// copy, feeds and search, and tables that stay readable on a phone.
const piecePath = `/articles/${markedPiece.slug}`;
const encodedPiece = encodeURIComponent(piecePath);
const DAY = 86_400_000;

/** Korean words in table cells that the browser broke across lines (e.g. one syllable per line). */
async function brokenWords(table: Locator): Promise<string[]> {
  return table.evaluate((el) => {
    const broken: string[] = [];
    for (const cell of el.querySelectorAll("th, td")) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        // Korean words (Hangul syllables); other text may break at its own opportunities (hyphens in addresses).
        for (const m of text.matchAll(/[\uac00-\ud7a3]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          // One line box per word: a word split over lines yields rectangles at different heights.
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

async function chooseYearly(page: Page, label: RegExp) {
  await page.locator("label", { hasText: label }).click();
}

test.describe("reader journeys (issue 20)", () => {
  test("the header and the home page lead to the plans, in Korean and English", async ({ page }) => {
    await page.goto("/");
    const header = page.getByTestId("header-pricing");
    await expect(header).toHaveText("구독");
    await expect(header).toHaveAttribute("href", "/pricing");
    const band = page.getByTestId("home-subscribe");
    await expect(band.getByRole("heading", { level: 2 })).toHaveText("독자의 구독으로 만드는 저널리즘");
    await expect(band.getByRole("link", { name: "구독 플랜 보기" })).toHaveAttribute("href", "/pricing");
    await header.click();
    await expect(page).toHaveURL(/\/pricing$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("구독 플랜");

    await page.goto("/en");
    await expect(page.getByTestId("header-pricing")).toHaveText("Subscribe");
    await expect(page.getByTestId("header-pricing")).toHaveAttribute("href", "/en/pricing");
    await page.getByTestId("home-subscribe").getByRole("link", { name: "See plans" }).click();
    await expect(page).toHaveURL(/\/en\/pricing$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Plans");
  });

  test("plan cards promise each benefit once, only what exists, and show the yearly saving", async ({ page }) => {
    for (const { path, comment, gone, yearly, saving } of [
      {
        path: "/pricing",
        comment: "댓글 토론 참여",
        gone: ["댓글 작성 불가", "광고 없는", "연구 데이터"],
        yearly: /^연간/,
        saving: "연간 결제 시 ₩25,800 절약 (16%)",
      },
      {
        path: "/en/pricing",
        comment: "Join the comment discussions",
        gone: ["No commenting", "Ad-free", "Download research data"],
        yearly: /^Yearly/,
        saving: "Save ₩25,800 a year (16%)",
      },
    ]) {
      await page.goto(path);
      const premium = page.getByTestId("plan-premium");
      const bullets = await premium.getByRole("listitem").allTextContents();
      expect(new Set(bullets).size, bullets.join(" | ")).toBe(bullets.length);
      expect(bullets.filter((b) => b === comment)).toHaveLength(1);
      // A tier without the comment right gets no bullet about it at all.
      expect(await page.getByTestId("plan-supporter").getByRole("listitem").allTextContents()).not.toContain(comment);
      for (const text of gone) await expect(page.locator("main")).not.toContainText(text);
      await expect(page.getByTestId("yearly-saving")).toHaveCount(0);

      await chooseYearly(page, yearly);
      await expect(premium.getByTestId("yearly-saving")).toHaveText(saving);
      await expect(page.getByTestId("plan-supporter").getByTestId("yearly-saving")).toBeVisible();
    }
  });

  test("from the paywall: sign in returns to the piece, the member sees the upgrade, and checkout returns to the piece", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(piecePath);
    const paywall = page.getByTestId("paywall");
    await expect(paywall).toHaveAttribute("data-audience", "anonymous");
    await expect(paywall.getByRole("link", { name: "구독 플랜 보기" })).toHaveAttribute("href", `/pricing?returnTo=${encodedPiece}`);
    const signIn = paywall.getByRole("link", { name: "로그인" });
    await expect(signIn).toHaveAttribute("href", `/signin?callbackUrl=${encodedPiece}`);

    // The magic link brings the reader back to the piece, not to the home page.
    const email = uniqueEmail("journey");
    const before = mailCount(email);
    await signIn.click();
    await page.getByLabel("이메일 주소").fill(email);
    await page.getByRole("button", { name: "로그인 링크 받기" }).click();
    await expect(page).toHaveURL(/\/signin\/check-email$/);
    await page.goto(await waitForSignInLink(email, before));
    await expect(page).toHaveURL(new RegExp(`${piecePath}$`));
    await expect(page.getByTestId("account-menu")).toHaveAttribute("data-tier", "free");

    // A free member is not asked to sign in again: the free tier's render calls for the upgrade.
    await expect(paywall).toHaveAttribute("data-audience", "member");
    await expect(paywall.getByRole("link", { name: "로그인" })).toHaveCount(0);
    await expect(paywall).toContainText("지금은 무료 회원 등급입니다.");
    const upgrade = paywall.getByRole("link", { name: "프리미엄(으)로 업그레이드" });
    await expect(upgrade).toHaveAttribute("href", `/pricing?returnTo=${encodedPiece}`);
    expect(await page.content()).not.toContain(GATED_MARKER);

    // Plans → demo checkout → success: "start reading" goes back to the piece, now in full.
    await upgrade.click();
    await expect(page).toHaveURL(new RegExp(`/pricing\\?returnTo=${encodedPiece}$`));
    await page.getByTestId("plan-premium").getByRole("button").click();
    await expect(page).toHaveURL(new RegExp(`/checkout/demo\\?.*returnTo=${encodedPiece}`));
    await page.getByTestId("demo-pay").click();
    await expect(page).toHaveURL(new RegExp(`/checkout/success\\?sub=sub_demo[0-9a-f]{20}&returnTo=${encodedPiece}$`));
    await expect(page.getByTestId("success-tier")).toHaveAttribute("data-tier", "premium");
    await page.getByRole("link", { name: "기사 읽으러 가기" }).click();
    await expect(page).toHaveURL(new RegExp(`${piecePath}$`));
    await expect(page.getByTestId("paywall")).toHaveCount(0);
    expect(await page.content()).toContain(GATED_MARKER);
  });

  test("return addresses that leave the site are dropped", async ({ page }) => {
    await signInAs(page, uniqueEmail("journey-evil"), "/pricing");
    for (const evil of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example"]) {
      await page.goto(`/pricing?returnTo=${encodeURIComponent(evil)}`);
      await expect(page.getByTestId("plan-premium").locator('input[name="returnTo"]')).toHaveCount(0);
      await page.goto(`/checkout/success?sub=nope&returnTo=${encodeURIComponent(evil)}`);
      await expect(page.getByRole("link", { name: "기사 읽으러 가기" })).toHaveAttribute("href", "/");
    }
    await page.goto(`/pricing?returnTo=${encodedPiece}`);
    await expect(page.getByTestId("plan-premium").locator('input[name="returnTo"]')).toHaveValue(piecePath);
  });

  test("the paywall's fade ends above the box, leaving its top border visible", async ({ page }) => {
    await page.goto(piecePath);
    const paywall = page.getByTestId("paywall");
    const box = await paywall.boundingBox();
    const fade = await paywall.locator('[aria-hidden="true"]').first().boundingBox();
    expect(box && fade).toBeTruthy();
    expect(fade!.y + fade!.height).toBeLessThanOrEqual(box!.y + 0.5);
    expect(await paywall.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe("2px");
  });

  test("feeds name the tier a teaser is for; search matches tags", async ({ request }) => {
    const feed = await (await request.get("/feed.xml")).text();
    expect(feed).toContain("이 기사의 나머지는 프리미엄 회원에게 공개됩니다.");

    // A tag slug written nowhere in any piece's text: only the tag can match it.
    const text = demoArticles.map((a) => `${a.title} ${a.dek.join(" ")} ${a.body}`.toLowerCase()).join("\n");
    const candidates = demoArticles.filter((a) => a.access === "public" && !a.unlockInDays && a.publishedDaysAgo > 0);
    const match = candidates.flatMap((a) => a.tags.map((tag) => ({ tag, piece: a }))).find(({ tag }) => !text.includes(tag.slug));
    expect(match, "a tag only its pieces carry").toBeTruthy();
    const res = await request.get(`/search?q=${encodeURIComponent(match!.tag.slug)}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(`href="/articles/${match!.piece.slug}"`);
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 375, height: 740 } });

    test("account and studio tables keep Korean words whole", async ({ page, request }) => {
      const email = uniqueEmail("journey-mobile");
      await grant(request, email, "supporter", new Date(Date.now() + 30 * DAY));
      await grant(request, email, "premium", new Date(Date.now() + 60 * DAY), new Date(Date.now() + 30 * DAY));
      await signInAs(page, email, "/account");
      const grants = page.locator("main table").first();
      await expect(grants).toBeVisible();
      expect(await brokenWords(grants)).toEqual([]);

      await page.context().clearCookies();
      await signInStaff(page, "editor@masthead.local");
      for (const [path, id] of [
        ["/studio/members", "members-table"],
        ["/studio/pieces", "pieces-table"],
      ] as const) {
        await page.goto(path);
        const table = page.getByTestId(id);
        await expect(table).toBeVisible();
        expect(await brokenWords(table), path).toEqual([]);
        // The table scrolls inside its own box instead of widening the page.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
    });
  });
});
