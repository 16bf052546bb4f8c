import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { api, expectHydrated, signInStaff, uniq } from "./studio-support";

// Issue 22: members and their paid access come along. The dry run says what would happen and which
// levels need a tier; nothing is written until the admin imports; the import gives time-limited
// access (an expired membership is history only); running it again changes nothing; a file Korean
// Excel saved as CP949 is flagged instead of importing garbled names.
test("studio member import: dry run first, levels mapped in the form, time-limited grants, re-import is a no-op, CP949 flagged", async ({ page, request }) => {
  const tag = uniq("mi");
  const gold = `${tag}-gold@example.com`;
  const lapsed = `${tag}-lapsed@example.com`;
  const free = `${tag}-free@example.com`;
  const csv = [
    "email,name,tier,starts_at,ends_at,newsletter,note",
    `${gold},김골드,Gold,2026-01-01,2099-12-31,yes,연간 구독`,
    `${lapsed},이만료,Gold,2020-01-01,2021-01-01,no,`,
    `${free},박무료,,,,yes,`,
    "not-an-address,잘못,Gold,,2099-01-01,yes,",
  ].join("\n");
  const memberOf = async (email: string) => request.get(`/api/admin/v1/members?email=${encodeURIComponent(email)}`, { headers: api });

  // Only staff reach the upload at all.
  expect((await request.post("/studio/import/members/upload?format=csv&dryRun=1", { headers: { "content-type": "text/csv" }, data: "email\n" })).status()).toBe(
    403,
  );

  await signInStaff(page, "admin@masthead.local");
  await page.goto("/studio/import");
  await page.getByRole("link", { name: /회원과 유료 권한 가져오기/ }).click();
  await expect(page.getByRole("heading", { name: "회원 가져오기" })).toBeVisible();
  await expectHydrated(page.locator('input[type="file"]'));
  await page.getByLabel("내보낸 파일의 형식").selectOption("csv");
  await page.locator('input[type="file"]').setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const importButton = page.getByRole("button", { name: "가져오기", exact: true });
  await expect(importButton).toBeDisabled();

  await page.getByRole("button", { name: "미리 보기" }).click();
  const result = page.getByTestId("member-import-result");
  const issues = page.getByTestId("member-import-issues");
  await expect(result).toContainText("오류 3건: 아무것도 가져오지 않았습니다");
  await expect(issues).toContainText("2행: [대응 등급 없음]");
  await expect(issues).toContainText("5행: [잘못된 주소]");
  await expect(importButton).toBeDisabled();

  await page.getByLabel("Gold 등급 대응").selectOption("premium");
  await page.getByLabel("잘못된 주소·날짜가 있는 행은 건너뛰고 나머지를 가져오기").check();
  await page.getByRole("button", { name: "미리 보기" }).click();
  await expect(result).toContainText("미리 보기: 아직 아무것도 쓰지 않았습니다");
  await expect(result).toContainText("회원: 새로 3 · 정보 채움 0 · 그대로 0");
  await expect(result).toContainText("권한: 부여 1 · 만료 이력 1");
  await expect(result).toContainText("건너뛴 행 1");
  expect((await memberOf(gold)).status()).toBe(404);

  await importButton.click();
  await expect(result).toContainText("가져왔습니다");
  await expect(result).toContainText("회원: 새로 3");
  const imported = (await (await memberOf(gold)).json()) as {
    name: string;
    access: { tier: string };
    grants: { tier: string; source: string; endsAt: string; status: string }[];
  };
  expect(imported.name).toBe("김골드");
  expect(imported.access.tier).toBe("premium");
  expect(imported.grants).toEqual([expect.objectContaining({ tier: "premium", source: "import", endsAt: "2099-12-31T15:00:00.000Z", status: "active" })]);
  const history = (await (await memberOf(lapsed)).json()) as { access: { tier: string }; grants: { status: string }[] };
  expect(history.access.tier).toBe("free");
  expect(history.grants.map((g) => g.status)).toEqual(["ended"]);
  expect(((await (await memberOf(free)).json()) as { access: { tier: string } }).access.tier).toBe("free");

  // The same file again: nothing to do.
  await page.getByRole("button", { name: "미리 보기" }).click();
  await expect(result).toContainText("회원: 새로 0 · 정보 채움 0 · 그대로 3");
  await expect(result).toContainText("권한: 부여 0 · 만료 이력 0 · 연장 0 · 그대로 2");

  // Korean Excel's plain "CSV": refused with the fix named, nothing written.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: fs.readFileSync("tests/fixtures/member-import/generic-cp949.csv") });
  await page.getByRole("button", { name: "미리 보기" }).click();
  await expect(issues).toContainText("CP949");
  await expect(issues).toContainText("CSV UTF-8");
  expect((await memberOf("kim@example.com")).status()).toBe(404);
});

// Next buffers request bodies for the proxy up to proxyClientMaxBodySize (10 MB unless next.config
// raises it) and hands the route only that much: a larger upload must be refused, never imported short.
test("studio member import: an upload cut short on the way is refused, not imported short", async ({ page, baseURL }) => {
  await signInStaff(page, "admin@masthead.local");
  await page.goto("/studio/import/members");
  const tag = uniq("big");
  const rows = ["email,name,tier,starts_at,ends_at,newsletter,note"];
  let size = 0;
  for (let i = 0; size < 12 * 1024 * 1024; i++) {
    const row = `${tag}-${i}@example.com,독자${i},,,,no,${"메모".repeat(20)}`;
    rows.push(row);
    size += Buffer.byteLength(row) + 1;
  }
  const res = await page.request.post("/studio/import/members/upload?format=csv&dryRun=1", {
    headers: { "content-type": "text/csv", origin: baseURL! },
    data: Buffer.from(`${rows.join("\n")}\n`),
  });
  const body = (await res.json()) as { report?: { rows: number }; error?: { message: string } };
  if (res.status() === 200) expect(body.report?.rows).toBe(rows.length - 1);
  else {
    expect(res.status()).toBe(400);
    expect(body.error?.message).toContain("파일이 끝까지 오지 않았습니다");
  }
});
