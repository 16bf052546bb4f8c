import { expect, test, type Page } from "@playwright/test";
import { GATED_MARKER, markedPiece } from "./fixtures";
import { signInAs } from "./support/auth";

// Billing in the local demo (no Stripe keys): pricing → demo checkout → signed events through the
// real webhook → the proxy serves the new tier on the next request, without signing in again.
// playwright.config.ts sets MASTHEAD_DEMO_PERIOD_SECONDS=40 for the server: keep these in step.
const PERIOD_MS = 40_000;

const unique = (label: string) => `billing-${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const piecePath = `/articles/${markedPiece.slug}`;

async function readsPremium(page: Page): Promise<boolean> {
  const res = await page.goto(piecePath);
  expect(res?.status()).toBe(200);
  return (await page.content()).includes(GATED_MARKER);
}

/** Pricing → "Subscribe" → demo checkout → "Pay (demo)" → success page. Returns when it was paid. */
async function subscribe(page: Page, tier: string): Promise<{ before: number; after: number }> {
  await page.goto("/pricing");
  await page.getByTestId(`plan-${tier}`).getByRole("button").click();
  await expect(page).toHaveURL(/\/checkout\/demo\?.*intent=/);
  await expect(page.getByTestId("demo-renews")).toBeVisible();
  const before = Date.now();
  await page.getByTestId("demo-pay").click();
  await expect(page).toHaveURL(/\/checkout\/success\?sub=sub_demo[0-9a-f]{20}$/);
  await expect(page.getByTestId("success-tier")).toHaveAttribute("data-tier", tier);
  await expect(page.getByTestId("success-date")).toBeVisible();
  return { before, after: Date.now() };
}

async function openPortal(page: Page) {
  await page.goto("/account");
  // The demo portal offers cancel and resume only: the hint promises no card, plan or receipt pages.
  await expect(page.getByTestId("manage-hint")).not.toContainText(/카드|플랜|영수증/);
  await page.getByTestId("manage-subscription").click();
  await expect(page).toHaveURL(/\/account\/portal$/);
}

test.describe("demo checkout and portal", () => {
  test("the premium piece is the one the brief names", () => {
    expect(markedPiece.slug).toBe("fiscal-rule-local-finance");
  });

  test("free member subscribes; a cancel keeps premium until the period end, then free", async ({ page }) => {
    test.setTimeout(150_000);
    await signInAs(page, unique("cancel"), "/pricing");
    expect(await readsPremium(page)).toBe(false);

    const paid = await subscribe(page, "premium");
    // Same session cookie as before paying: the proxy re-mints it from the bumped access epoch.
    expect(await readsPremium(page)).toBe(true);
    await expect(page.getByTestId("account-menu")).toHaveAttribute("data-tier", "premium");

    await openPortal(page);
    await page.getByTestId("portal-cancel").click();
    await expect(page.getByTestId("portal-status")).toHaveAttribute("data-cancel-at-period-end", "true");
    await expect(page.getByTestId("portal-resume")).toBeVisible();

    // The period began between `before` and `after`, on a whole second, and lasts PERIOD_MS.
    const earliestEnd = Math.floor(paid.before / 1000) * 1000 + PERIOD_MS;
    const latestEnd = Math.floor(paid.after / 1000) * 1000 + PERIOD_MS;
    expect(await readsPremium(page)).toBe(true);
    expect(Date.now(), "still inside the paid period when checked").toBeLessThan(earliestEnd);

    await page.waitForTimeout(Math.max(0, latestEnd + 1_500 - Date.now()));
    expect(await readsPremium(page)).toBe(false);
    await expect(page.getByTestId("paywall")).toBeVisible();
    await expect(page.getByTestId("account-menu")).toHaveAttribute("data-tier", "free");
  });

  test("a refund ends premium on the very next request", async ({ page }) => {
    await signInAs(page, unique("refund"), "/pricing");
    await subscribe(page, "premium");
    expect(await readsPremium(page)).toBe(true);

    await openPortal(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("portal-refund").click();
    await expect(page.getByTestId("portal-status")).toHaveAttribute("data-status", "canceled");
    expect(await readsPremium(page)).toBe(false);
    await page.goto("/account");
    await expect(page.getByTestId("account-tier")).not.toContainText(/프리미엄|Premium/);
  });

  test("a checkout intent only works for the member it was made for", async ({ page, browser }) => {
    await signInAs(page, unique("owner"), "/pricing");
    await page.goto("/pricing");
    await page.getByTestId("plan-supporter").getByRole("button").click();
    await expect(page).toHaveURL(/\/checkout\/demo\?/);
    const checkoutUrl = page.url();

    const other = await browser.newContext();
    const intruder = await other.newPage();
    await signInAs(intruder, unique("intruder"), "/");
    await intruder.goto(checkoutUrl);
    await expect(intruder.getByTestId("demo-checkout-problem")).toBeVisible();
    await expect(intruder.getByTestId("demo-pay")).toHaveCount(0);
    // A tampered intent is refused too.
    await intruder.goto(checkoutUrl.replace(/intent=([^&.]+)/, "intent=$1x"));
    await expect(intruder.getByTestId("demo-checkout-problem")).toBeVisible();
    await other.close();
  });

  test("checkout needs a signed-in member and a paid plan", async ({ request }) => {
    const signedOut = await request.post("/api/billing/checkout", { form: { tier: "premium", interval: "monthly", lang: "ko" }, maxRedirects: 0 });
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers().location).toBe("/signin?callbackUrl=%2Fpricing");
    const en = await request.post("/api/billing/checkout", { form: { tier: "premium", interval: "monthly", lang: "en" }, maxRedirects: 0 });
    expect(en.headers().location).toBe("/en/signin?callbackUrl=%2Fen%2Fpricing");
  });

  test("staff see the member's subscription and applied events in the studio", async ({ page, browser }) => {
    const email = unique("studio");
    await signInAs(page, email, "/pricing");
    await subscribe(page, "supporter");

    const staff = await browser.newContext();
    const editor = await staff.newPage();
    await signInAs(editor, "editor@masthead.local", "/");
    await editor.goto("/studio/billing");
    await editor.getByTestId("recent-events").getByRole("link", { name: email }).first().click();
    await expect(editor).toHaveURL(/\/studio\/billing\/\d+$/);
    await expect(editor.getByTestId("sub-status")).toHaveText("active");
    await expect(editor.getByTestId("member-events")).toContainText("customer.subscription.created");
    await expect(editor.getByTestId("member-events")).toContainText("checkout.session.completed");
    await staff.close();
  });
});
