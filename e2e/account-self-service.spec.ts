import { expect, test, type Page } from "@playwright/test";
import { markedPiece } from "./fixtures";
import { ADMIN_API_TOKEN, grant, signInAs } from "./support/auth";
import { waitForMail } from "./support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const DAY = 86_400_000;

async function openAccount(page: Page) {
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "내 계정", level: 1 })).toBeVisible();
}

test.describe("account self-service", () => {
  test("a chosen display name is what comments show", async ({ page, request }) => {
    const email = unique("named");
    await grant(request, email, "premium", new Date(Date.now() + DAY));
    await signInAs(page, email, "/account");
    await openAccount(page);
    const name = `이름 ${Math.floor(Math.random() * 1e6)}`;
    await page.getByTestId("display-name").fill("spam.com");
    await page.getByTestId("display-name-save").click();
    await expect(page.getByTestId("display-name-status")).toHaveText("이름에 링크나 주소를 넣을 수 없습니다.");
    await page.getByTestId("display-name").fill(`  ${name} `);
    await page.getByTestId("display-name-save").click();
    await expect(page.getByTestId("display-name-status")).toHaveText("이름을 저장했습니다.");

    const body = `이름 확인 댓글 ${Date.now()}`;
    const res = await page.request.post(`/api/articles/${markedPiece.slug}/comments`, { data: { body } });
    expect(res.status()).toBe(201);
    expect((await res.json()).comment.author).toMatchObject({ name, anonymous: false });
    await page.goto(`/articles/${markedPiece.slug}`);
    const comment = page.getByTestId("comment").filter({ hasText: body });
    await expect(comment.getByTestId("comment-author")).toHaveText(name);
    await expect(page.getByTestId("comments")).not.toContainText(email.split("@")[0]);
  });

  test("changing the email address takes a link sent to the new address, confirmed by a button", async ({ page }) => {
    const oldEmail = unique("mover-old");
    const newEmail = unique("mover-new");
    await signInAs(page, oldEmail, "/account");
    await openAccount(page);
    await page.getByTestId("new-email").fill(oldEmail);
    await page.getByRole("button", { name: "확인 메일 보내기" }).click();
    await expect(page.getByTestId("email-change-status")).toHaveText("이미 다른 계정이 쓰는 주소입니다.");
    await page.getByTestId("new-email").fill(newEmail);
    await page.getByRole("button", { name: "확인 메일 보내기" }).click();
    await expect(page.getByTestId("email-change-status")).toContainText(newEmail);

    const mail = await waitForMail(newEmail, "이메일 주소 변경 확인");
    const link = new URL(mail.text.match(/https?:\/\/\S+\/account\/email\/confirm\?token=[A-Za-z0-9_-]+/)![0]);
    // Opening the link (as a mail scanner would) changes nothing.
    await page.goto(link.pathname + link.search);
    await page.goto(link.pathname + link.search);
    await expect(page.getByText(`계정의 이메일 주소를 ${newEmail}(으)로 바꿉니다.`)).toBeVisible();
    await page.getByRole("button", { name: "주소 바꾸기" }).click();
    await expect(page.getByTestId("email-confirm-status")).toContainText(`이메일 주소를 ${newEmail}(으)로 바꿨습니다`);
    await waitForMail(oldEmail, "계정 이메일 주소가 바뀌었습니다");

    // Single use.
    await page.goto(link.pathname + link.search);
    await expect(page.getByTestId("email-confirm-status")).toHaveText("이 링크는 이미 사용했거나 만료되었습니다. 내 계정에서 다시 요청하세요.");
    // The account answers to the new address now.
    await signInAs(page, newEmail, "/account");
    await openAccount(page);
    await expect(page.getByText(newEmail, { exact: true })).toBeVisible();
  });

  test("download my data: the member's own JSON, 401 without a session", async ({ page, request }) => {
    expect((await request.get("/api/account/export")).status()).toBe(401);
    const email = unique("exporter");
    await grant(request, email, "premium", new Date(Date.now() + DAY));
    await signInAs(page, email, "/account");
    const res = await page.request.get("/api/account/export");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="masthead-account-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = await res.json();
    expect(data.profile.email).toBe(email);
    expect(data.grants).toEqual([expect.objectContaining({ tier: "premium" })]);
    expect(Array.isArray(data.comments) && Array.isArray(data.subscriptions) && Array.isArray(data.emailPreferences)).toBe(true);
    await openAccount(page);
    await expect(page.getByTestId("export-link")).toHaveAttribute("href", "/api/account/export");
  });

  test("deleting the account ends the session and access; the address no longer names a member", async ({ page, request }) => {
    const email = unique("leaver");
    await grant(request, email, "premium", new Date(Date.now() + DAY));
    await signInAs(page, email, "/account");
    await openAccount(page);
    await page.getByTestId("delete-confirm-email").fill("someone-else@example.com");
    await page.getByRole("button", { name: "계정 영구 삭제" }).click();
    await expect(page.getByTestId("delete-status")).toHaveText("이메일 주소가 일치하지 않습니다.");
    await page.getByTestId("delete-confirm-email").fill(email);
    await page.getByRole("button", { name: "계정 영구 삭제" }).click();
    await expect(page).toHaveURL(/\/\?deleted=1$/);

    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    expect((await page.request.get("/api/account/export")).status()).toBe(401);
    const member = await request.get(`/api/admin/v1/members?email=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${ADMIN_API_TOKEN}` } });
    expect(member.status()).toBe(404);
  });
});
