import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { markedPiece } from "./fixtures";
import { createPiece, deletePiece, signInStaff, uniq, uniqueEmail } from "./studio-support";
import { waitForMail } from "./support/mailbox";

// Issue 20, editors' journeys: members (item 13) and the WordPress import's dry run (item 16).
test.describe("studio journeys: members", () => {
  test("add a member with no account: a grant, an invitation mail, the tier count and filter, the CSV export", async ({ page }) => {
    const email = uniqueEmail("invite");
    await signInStaff(page, "admin@masthead.local");
    await page.goto("/studio/members");
    const premiumCount = Number(await page.getByTestId("tier-counts").locator('[data-tier="premium"]').getAttribute("data-count"));

    const form = page.getByRole("form", { name: "회원 추가·초대" });
    await form.getByLabel("이메일").fill(email);
    await form.getByLabel("무료 권한 (선택)").selectOption("premium");
    await form.getByLabel("기간").selectOption("7d");
    await form.getByRole("button", { name: "추가하고 초대 메일 보내기" }).click();
    await expect(page.getByTestId("member-added")).toContainText(email);

    const mail = await waitForMail(email, /초대되었습니다/);
    expect(mail.text).toContain("/signin");
    expect(mail.text).toMatch(/프리미엄|premium/i);

    // One clock: the new member's page and its access explainer print KST on a 24-hour clock.
    await page.goto(`/studio/members?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: email }).click();
    await expect(page.getByRole("heading", { name: email })).toBeVisible();
    await page.goto(`${page.url().split("?")[0]}?piece=${markedPiece.slug}`);
    await expect(page.getByTestId("explanation")).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d KST/);
    await expect(page.getByTestId("explanation")).not.toContainText(/UTC|AM|PM|오전|오후/);
    await page.goto("/studio/members");
    await expect(page.getByTestId("tier-counts").locator('[data-tier="premium"]')).toHaveAttribute("data-count", String(premiumCount + 1));
    // The same address again is refused next to the field.
    await form.getByLabel("이메일").fill(email);
    await form.getByRole("button", { name: "추가하고 초대 메일 보내기" }).click();
    await expect(page.getByTestId("error-email")).toBeVisible();

    await page.getByTestId("tier-counts").locator('[data-tier="premium"]').click();
    await expect(page).toHaveURL(/tier=premium/);
    const rows = page.getByTestId("members-table").locator("tbody tr");
    await expect(rows.filter({ hasText: email })).toHaveCount(1);
    for (const tier of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-tier")))) expect(tier).toBe("premium");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV로 내보내기" }).click();
    const file = await (await downloading).path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain("email,name,role,tier,joined_at");
    expect(csv).toMatch(new RegExp(`${email.replace(/[.]/g, "\\.")},,reader,premium,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d KST`));
    expect(csv).not.toContain("reader@masthead.local,");
  });

  test("the export is for admins only, checked on the server", async ({ page, request }) => {
    // Signed out: sent to sign-in (or refused), never a file.
    expect([307, 403]).toContain((await request.get("/studio/members/export", { maxRedirects: 0 })).status());
    await signInStaff(page, "editor@masthead.local");
    await page.goto("/studio/members");
    await expect(page.getByRole("link", { name: "CSV로 내보내기" })).toHaveCount(0);
    expect((await page.request.get("/studio/members/export")).status()).toBe(403);
  });
});

test("WordPress import: the dry run reports what would change and publishes nothing", async ({ page, request }) => {
  // The sample export under a source and slugs of its own, so no other spec's import interferes.
  const u = uniq("dry").toLowerCase();
  const xml = fs
    .readFileSync("tests/fixtures/wxr/sample.xml", "utf8")
    .replaceAll("old.example.com", `${u}.example.com`)
    .replaceAll("grid-delay", `grid-delay-${u}`);
  await signInStaff(page, "admin@masthead.local");
  await page.goto("/studio/import");
  await expect(page.getByLabel(/dry run/)).toBeChecked();
  await page.locator('input[type="file"]').setInputFiles({ name: "export.xml", mimeType: "application/xml", buffer: Buffer.from(xml) });
  await page.getByRole("button", { name: "미리 보기" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("미리 보기: 아무것도 저장하지 않았습니다");
  await expect(result).toContainText(/기사: 새로 만듦 [1-9]/);
  expect((await request.get(`/articles/grid-delay-${u}`)).status()).toBe(404);
});

test("a Korean title gets a readable, romanized slug", async ({ request }) => {
  const piece = await createPiece(request, { title: `반도체 보조금 ${uniq("e2e")}`, body: "본문.", access: "public", status: "draft" });
  expect(piece.slug).toMatch(/^bandoche-bojogeum-e2e-/);
  await deletePiece(request, piece.id);
});
