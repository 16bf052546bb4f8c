import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DATA_GATED_MARKER, DATA_PUBLICATION, dataArticles } from "../db/seed/data-content";
import { ADMIN_API_TOKEN } from "./support/auth";
import { mailCount, waitForSignInLink } from "./support/mailbox";

// PortOne in the local demo (no PortOne keys): the `data` publication is switched to PortOne
// through the Admin API; its pricing page leads to the PortOne checkout, where the demo card is
// turned into a billing key by the local PortOne stand-in through the real SDK, the first period
// is charged, and the member reads data's premium pieces. Restored to Stripe afterwards.

const port = Number(process.env.E2E_PORT ?? 3100);
const DATA_ORIGIN = `http://${DATA_PUBLICATION.host}:${port}`;
const DATA_HOST = `${DATA_PUBLICATION.host}:${port}`;
const dataPremium = dataArticles.find((a) => a.body.includes(DATA_GATED_MARKER))!;
const unique = (label: string) => `portone-${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function setProvider(request: APIRequestContext, provider: "stripe" | "portone") {
  const res = await request.patch(`http://localhost:${port}/api/admin/v1/publications/${DATA_PUBLICATION.slug}`, {
    headers: { authorization: `Bearer ${ADMIN_API_TOKEN}` },
    data: { paymentProvider: provider },
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function signInOnData(page: Page, email: string): Promise<string> {
  const before = mailCount(email);
  await page.goto(`${DATA_ORIGIN}/signin?callbackUrl=${encodeURIComponent("/pricing")}`);
  await page.getByLabel(/이메일 주소|Email address/).fill(email);
  await page.getByRole("button", { name: /로그인 링크 받기|Email me a sign-in link/ }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  await page.goto(await waitForSignInLink(email, before));
  await expect(page.getByTestId("account-menu")).toBeVisible();
  const session = (await page.context().cookies(DATA_ORIGIN)).find((c) => c.name === "next-auth.session-token");
  return `${session!.name}=${session!.value}`;
}

async function toPortOneCheckout(page: Page) {
  await page.goto(`${DATA_ORIGIN}/pricing`);
  await page
    .getByRole("button", { name: /구독|Subscribe/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/checkout\/portone\?intent=/);
  await expect(page.getByTestId("portone-vat")).toBeVisible();
}

test.describe("PortOne demo checkout", () => {
  test.beforeAll(async ({ request }) => setProvider(request, "portone"));
  test.afterAll(async ({ request }) => setProvider(request, "stripe"));

  test("only a network admin token may switch the provider", async ({ request }) => {
    const res = await request.patch(`http://localhost:${port}/api/admin/v1/publications/${DATA_PUBLICATION.slug}`, {
      headers: { authorization: "Bearer wrong-token-0123456789" },
      data: { paymentProvider: "stripe" },
    });
    expect(res.status()).toBe(401);
  });

  test("a declined card is refused with a clear message and buys nothing; a good card then subscribes", async ({ page }) => {
    const email = unique("buyer");
    const cookie = await signInOnData(page, email);
    const me = async () =>
      ((await (await page.request.get(`http://localhost:${port}/api/me`, { headers: { host: DATA_HOST, cookie } })).json()) as { tier: string }).tier;
    expect(await me()).toBe("free");

    await toPortOneCheckout(page);
    await page.getByTestId("portone-card").fill("4000 0000 0000 0002");
    await page.getByTestId("portone-pay").click();
    await expect(page.getByTestId("portone-error")).toBeVisible();
    expect(await me()).toBe("free");

    await toPortOneCheckout(page);
    await page.getByTestId("portone-pay").click();
    await expect(page).toHaveURL(/\/checkout\/success\?sub=pos_/);
    await expect(page.getByTestId("success-tier")).toHaveAttribute("data-tier", "premium");
    expect(await me()).toBe("premium");
    const piece = await page.request.get(`http://localhost:${port}/articles/${dataPremium.slug}`, { headers: { host: DATA_HOST, cookie } });
    expect(await piece.text()).toContain(DATA_GATED_MARKER);
  });
});
