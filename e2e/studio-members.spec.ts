import { expect, test, type Page } from "@playwright/test";
import { GATED_MARKER, markedPiece } from "./fixtures";
import { signInAs } from "./support/auth";
import { studioWallTime } from "./support/studio-clock";
import { signInStaff, uniqueEmail } from "./studio-support";

async function openMember(editor: Page, email: string) {
  await editor.goto(`/studio/members?q=${encodeURIComponent(email)}`);
  await editor.getByRole("link", { name: email }).click();
  await expect(editor.getByRole("heading", { name: email })).toBeVisible();
}

test.describe("studio: members and grants", () => {
  // An editor whose computer is on another clock: the studio's inputs still mean the publication's.
  test.use({ timezoneId: "America/Los_Angeles" });

  test("a complimentary grant ending 20 s ahead stops on its own; the explainer and audit log say why", async ({ page, browser }) => {
    const email = uniqueEmail("comp");
    const reader = await (await browser.newContext()).newPage();
    await signInAs(reader, email, `/articles/${markedPiece.slug}`);
    await expect(reader.getByTestId("paywall")).toBeVisible();

    await signInStaff(page, "editor@masthead.local");
    await openMember(page, email);
    const form = page.getByRole("form", { name: /무료 권한 주기/ });
    await form.getByLabel("등급").selectOption("premium");
    await form.getByLabel("직접 지정").check();
    const end = new Date(Date.now() + 20_000);
    await form.getByLabel("끝").fill(studioWallTime(end));
    await form.getByLabel("메모").fill("e2e 파트너 열람");
    await form.getByRole("button", { name: "권한 주기" }).click();
    await expect(page.getByTestId("grant-saved")).toBeVisible();
    await expect(page.getByTestId("effective-tier")).toHaveText("premium");

    await reader.goto(`/articles/${markedPiece.slug}`);
    await expect(reader.getByText(GATED_MARKER)).toBeVisible();

    await page.goto(`${page.url().split("?")[0]}?piece=${markedPiece.slug}`);
    await expect(page.getByTestId("explanation")).toHaveAttribute("data-can-read", "true");
    await expect(page.getByTestId("explanation")).toContainText("comp");
    await expect(page.getByTestId("audit-table")).toContainText("grant.create");
    await expect(page.getByTestId("audit-table")).toContainText("editor@masthead.local");

    await page.waitForTimeout(Math.max(0, end.getTime() - Date.now()) + 500);
    await reader.goto(`/articles/${markedPiece.slug}`);
    await expect(reader.getByTestId("paywall")).toBeVisible();
    expect(await reader.content()).not.toContain(GATED_MARKER);
    await page.reload();
    await expect(page.getByTestId("explanation")).toHaveAttribute("data-can-read", "false");
  });

  test("presets: a lifetime grant, then revoke it; the member page shows both", async ({ page, request }) => {
    const email = uniqueEmail("lifetime");
    await request.post(`/api/admin/v1/members/${encodeURIComponent(email)}/grants`, {
      headers: { Authorization: "Bearer e2e-admin-token-0123456789abcdef" },
      data: { tier: "supporter", endsAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await signInStaff(page, "editor@masthead.local");
    await openMember(page, email);
    const form = page.getByRole("form", { name: /무료 권한 주기/ });
    await form.getByLabel("등급").selectOption("premium");
    await form.getByLabel("평생").check();
    await form.getByRole("button", { name: "권한 주기" }).click();
    await expect(page.getByTestId("grant-saved")).toBeVisible();
    const row = page.getByTestId("grants-table").locator("tr", { hasText: "평생 (lifetime)" });
    await expect(row).toHaveAttribute("data-status", "active");
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "회수" }).click();
    await expect(page.getByTestId("grants-table").locator("tr", { hasText: "평생 (lifetime)" })).toHaveAttribute("data-status", "revoked");
    await expect(page.getByTestId("effective-tier")).toHaveText("supporter");
    await expect(page.getByTestId("audit-table")).toContainText("grant.revoke");
  });

  test("a missing custom end is shown next to the field", async ({ page }) => {
    await signInStaff(page, "editor@masthead.local");
    await openMember(page, "reader@masthead.local");
    const form = page.getByRole("form", { name: /무료 권한 주기/ });
    await form.getByLabel("직접 지정").check();
    await form.getByRole("button", { name: "권한 주기" }).click();
    await expect(page.getByTestId("error-endsAt")).toBeVisible();
  });
});
