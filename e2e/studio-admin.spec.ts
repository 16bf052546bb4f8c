import fs from "node:fs";
import { expect, test, type Request } from "@playwright/test";
import { signInAs } from "./support/auth";
import { signInStaff, uniq } from "./studio-support";

test.describe("studio: admin-only areas", () => {
  test("admins create API tokens (shown once, hashed, last-used); editors and readers posting to the action are refused", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInStaff(page, "admin@masthead.local");
    await page.goto("/studio/tokens");
    const name = uniq("e2e-token");
    await page.getByLabel("토큰 이름").fill(name);
    const posted = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "토큰 만들기" }).click();
    const action = await posted;
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^mh_/);

    const api = await page.request.get("/api/admin/v1/articles?limit=1", { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(200);
    await page.reload();
    const row = page.getByTestId("tokens-table").locator("tr", { hasText: name });
    await expect(row.getByTestId("last-used")).not.toHaveText("—");
    await expect(page.getByText(token)).toHaveCount(0);

    // Replay the admin's exact Server Action request with other sessions.
    const replay = {
      "Next-Action": action.headers()["next-action"],
      "Content-Type": action.headers()["content-type"],
      Origin: baseURL!,
      Accept: "text/x-component",
    };
    const editor = await (await browser.newContext()).newPage();
    await signInStaff(editor, "editor@masthead.local");
    const asEditor = await editor.request.post("/studio/tokens", { headers: replay, data: action.postDataBuffer() ?? "", maxRedirects: 0 });
    expect(asEditor.status()).toBe(403);
    const reader = await (await browser.newContext()).newPage();
    await signInAs(reader, "reader@masthead.local");
    const asReader = await reader.request.post("/studio/tokens", { headers: replay, data: action.postDataBuffer() ?? "", maxRedirects: 0 });
    // The proxy refuses writes to /studio from non-staff outright; the action re-checks anyway.
    expect(asReader.status()).toBe(403);
    // Next runs an action posted to any page path: a studio action posted outside /studio is
    // refused by the proxy too, for everyone (no studio form posts there).
    for (const [who, path] of [
      [reader, "/en/account"],
      [reader, "/"],
      [page, "/en/account"],
    ] as const) {
      const elsewhere = await who.request.post(path, { headers: replay, data: action.postDataBuffer() ?? "", maxRedirects: 0 });
      expect(elsewhere.status(), `studio action posted to ${path}`).toBe(403);
    }
    await page.reload();
    await expect(page.getByTestId("tokens-table").locator("tr", { hasText: name })).toHaveCount(1);

    await editor.goto("/studio/tiers");
    await expect(editor).toHaveURL(/\/studio\?denied=admin/);
    await expect(editor.getByRole("link", { name: "API 토큰" })).toHaveCount(0);

    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("tokens-table").locator("tr", { hasText: name }).getByRole("button", { name: "폐기" }).click();
    await expect(page.getByTestId("tokens-table").locator("tr", { hasText: name })).toContainText("폐기됨");
    expect((await page.request.get("/api/admin/v1/articles?limit=1", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  });

  test("an admin edits a tier; a bad rank is shown next to the field", async ({ page }) => {
    await signInStaff(page, "admin@masthead.local");
    await page.goto("/studio/tiers");
    const form = page.getByRole("form", { name: "등급 supporter" });
    await form.getByLabel("순위 (rank)").fill("2");
    await form.getByRole("button", { name: "저장" }).click();
    await expect(form.getByRole("alert")).toContainText("premium");
    // Saved unchanged otherwise: other specs read the seeded tier texts.
    await form.getByLabel("순위 (rank)").fill("1");
    await form.getByRole("button", { name: "저장" }).click();
    await expect(form.getByRole("status")).toBeVisible();
  });

  test("WordPress import: upload with progress, pieces created, re-import changes nothing, old URLs redirect", async ({ page, request }) => {
    await signInStaff(page, "admin@masthead.local");
    await page.goto("/studio/import");
    const file = { name: "export.xml", mimeType: "application/xml", buffer: fs.readFileSync("tests/fixtures/wxr/sample.xml") };
    await page.locator('input[type="file"]').setInputFiles(file);
    // The form starts as a dry run (e2e/studio-journeys.spec.ts checks its report); this imports.
    await page.getByLabel(/dry run/).uncheck();
    await page.getByRole("button", { name: "가져오기" }).click();
    await expect(page.getByTestId("import-result")).toContainText("기사: 새로 만듦 4");
    // The imported section "에너지" stays out of the header menu (not chosen in the form).
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "주요 메뉴" })).not.toContainText("에너지");
    await page.goto("/studio/import");
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByLabel(/dry run/).uncheck();
    await page.getByRole("button", { name: "가져오기" }).click();
    await expect(page.getByTestId("import-result")).toContainText("그대로 4");

    const piece = await request.get("/articles/grid-delay");
    expect(piece.status()).toBe(200);
    expect(await piece.text()).toContain("송전선 하나를 세우는 데");
    // Every hop is permanent (Next itself first drops a trailing slash with a 308).
    for (const [old, to] of [
      ["/?p=101", "/articles/grid-delay"],
      ["/2024/03/grid-delay/", "/articles/grid-delay"],
      ["/grid-delay", "/articles/grid-delay"],
      ["/category/energy/", "/sections/energy"],
      ["/author/minsu", "/authors/minsu"],
    ]) {
      let url = old;
      for (let hop = 0; hop < 3 && !url.startsWith(to); hop++) {
        const res = await request.get(url, { maxRedirects: 0 });
        expect([301, 308], `${old} at ${url}`).toContain(res.status());
        const next = new URL(res.headers().location, "http://x");
        url = `${next.pathname}${next.search}`;
      }
      expect(decodeURIComponent(url), old).toBe(to);
    }

    await page.locator('input[type="file"]').setInputFiles({ ...file, buffer: fs.readFileSync("tests/fixtures/wxr/malformed.xml") });
    await page.getByRole("button", { name: "가져오기" }).click();
    await expect(page.getByTestId("import-error")).toContainText("line 79");
  });
});
