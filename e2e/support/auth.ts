import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { mailCount, waitForSignInLink } from "./mailbox";

export const ADMIN_API_TOKEN = "e2e-admin-token-0123456789abcdef";

// Signs in through the real magic-link flow: the form, the SMTP message, the link (returned, for
// tests that try to use it again).
export async function signInAs(page: Page, email: string, callbackPath = "/"): Promise<string> {
  const before = mailCount(email);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel(/이메일 주소|Email address/).fill(email);
  await page.getByRole("button", { name: /로그인 링크 받기|Email me a sign-in link/ }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  const link = await waitForSignInLink(email, before);
  await page.goto(link);
  await expect(page.getByTestId("account-menu")).toBeVisible();
  return link;
}

const auth = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };

export async function grant(request: APIRequestContext, email: string, tier: string, endsAt: Date | null, startsAt?: Date): Promise<number> {
  const res = await request.post(`/api/admin/v1/members/${encodeURIComponent(email)}/grants`, {
    headers: auth,
    data: { tier, endsAt: endsAt?.toISOString() ?? null, ...(startsAt ? { startsAt: startsAt.toISOString() } : {}) },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

export async function revoke(request: APIRequestContext, grantId: number): Promise<void> {
  const res = await request.delete(`/api/admin/v1/grants/${grantId}`, { headers: auth });
  expect(res.status()).toBe(200);
}
