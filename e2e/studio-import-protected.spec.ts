import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { api, signInStaff } from "./studio-support";

// WordPress posts behind a password are imported members-only: the anonymous page carries none of
// their text. An access level that does not exist is refused with a message in the form.
test("studio import: password-protected posts arrive gated; an unknown tier is refused in the form", async ({ page, browser, request }) => {
  const file = { name: "protected.xml", mimeType: "application/xml", buffer: fs.readFileSync("tests/fixtures/wxr/protected.xml") };
  await signInStaff(page, "admin@masthead.local");
  await page.goto("/studio/import");
  const select = page.getByLabel("비밀번호로 보호된 글");
  await expect(select).toHaveValue("free");

  // A tier deleted after the page loaded (or a crafted request): 422 with a message, nothing written.
  await page.evaluate(() => document.querySelector<HTMLOptionElement>('#protectedAccess option[value="premium"]')!.setAttribute("value", "gold"));
  await select.selectOption("gold");
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByLabel(/dry run/).uncheck();
  await page.getByRole("button", { name: "가져오기" }).click();
  await expect(page.getByTestId("import-error")).toContainText('"gold"은(는) 없는 접근 등급입니다');

  await page.reload();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByLabel(/dry run/).uncheck();
  await page.getByRole("button", { name: "가져오기" }).click();
  await expect(page.getByTestId("import-result")).toContainText("기사: 새로 만듦 3");
  await expect(page.getByTestId("import-protected")).toContainText("비밀번호로 보호된 글 2개를 ‘회원 전용 (free)’ 등급으로 잠가 가져왔습니다");
  await expect(page.getByTestId("import-protected")).toContainText("battery-notes");

  const anon = await (await browser.newContext()).newPage();
  const res = await anon.request.get("/articles/battery-notes");
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain("배터리 공급망 비공개 노트");
  for (const secret of ["양극재 조달의 숨은 병목", "합작 조건은 공개된 적이 없다", "단가는 12% 낮다", "합작 단가가 12%"])
    expect(html, secret).not.toContain(secret);

  // Later specs count the seeded pieces only.
  const listed = await request.get("/api/admin/v1/articles?section=industry&limit=50", { headers: api });
  for (const a of ((await listed.json()) as { articles: { id: number }[] }).articles) await request.delete(`/api/admin/v1/articles/${a.id}`, { headers: api });
});
