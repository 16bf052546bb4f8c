import { expect, test, type Page } from "@playwright/test";
import { api, createPiece, deletePiece, signInStaff, uniq } from "./studio-support";

// Issue 20 §9 and §12: the editor keeps typed work, lists and restores revisions, and shares drafts
// through signed preview links that work signed out and stop working when revoked.

const body = (page: Page) => page.getByLabel("본문 (Markdown)");
const storedDraft = (page: Page, id: number) => page.evaluate((key) => window.localStorage.getItem(key), `masthead:piece-draft:${id}`);

test.describe("editor journeys", () => {
  test("typed text survives a reload: the browser warns first, then the editor offers the draft back", async ({ page, request }) => {
    const piece = await createPiece(request, { title: `자동 저장 ${uniq("t")}`, body: "서버에 저장된 본문.", access: "public", status: "draft" });
    await signInStaff(page, "editor@masthead.local");
    await page.goto(`/studio/pieces/${piece.id}`);
    const typed = `저장하지 않은 문단 ${uniq("draft")}`;
    await body(page).fill(`서버에 저장된 본문.\n\n${typed}`);
    await expect(page.getByTestId("unsaved-badge")).toBeVisible();
    await expect.poll(() => storedDraft(page, piece.id)).toContain(typed);

    // Reloading with unsaved changes raises the browser's leave-page prompt.
    const dialog = new Promise<string>((resolve) => page.once("dialog", (d) => (resolve(d.type()), void d.accept())));
    await page.reload();
    expect(await dialog).toBe("beforeunload");
    await expect(body(page)).toHaveValue("서버에 저장된 본문.");
    await expect(page.getByTestId("draft-restore")).toBeVisible();
    await page.getByRole("button", { name: "초안 불러오기" }).click();
    await expect(body(page)).toHaveValue(new RegExp(typed));

    // Saving keeps it on the server and clears the local copy: no prompt after the next load.
    await page.getByRole("button", { name: "저장", exact: true }).click();
    await expect(page.getByTestId("saved")).toBeVisible();
    await expect.poll(() => storedDraft(page, piece.id)).toBeNull();
    await page.reload();
    await expect(body(page)).toHaveValue(new RegExp(typed));
    await expect(page.getByTestId("draft-restore")).toHaveCount(0);
    await deletePiece(request, piece.id);
  });

  test("an in-app link asks before leaving unsaved changes", async ({ page, request }) => {
    const piece = await createPiece(request, { title: `이탈 경고 ${uniq("t")}`, body: "본문.", access: "public", status: "draft" });
    await signInStaff(page, "editor@masthead.local");
    await page.goto(`/studio/pieces/${piece.id}`);
    const studioHome = page.getByRole("navigation", { name: "스튜디오" }).getByRole("link", { name: "스튜디오", exact: true });
    await page.getByLabel("제목", { exact: true }).fill(`바뀐 제목 ${uniq("t")}`);
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await studioHome.click();
    await expect.poll(() => asked).toContain("저장하지 않은 변경");
    await expect(page).toHaveURL(new RegExp(`/studio/pieces/${piece.id}$`));
    page.once("dialog", (d) => void d.accept());
    await studioHome.click();
    await expect(page).toHaveURL(/\/studio$/);
    await deletePiece(request, piece.id);
  });

  test("every save leaves a revision; restoring an older one brings its text back as a new save", async ({ page, request }) => {
    const first = `첫 판 본문 ${uniq("v1")}`;
    const piece = await createPiece(request, { title: `판 기록 ${uniq("t")}`, body: first, access: "public", status: "draft" });
    const patched = await request.patch(`/api/admin/v1/articles/${piece.id}`, { headers: api, data: { body: "둘째 판 본문 (API)." } });
    expect(patched.status()).toBe(200);
    await signInStaff(page, "editor@masthead.local");
    await page.goto(`/studio/pieces/${piece.id}`);
    await expect(body(page)).toHaveValue("둘째 판 본문 (API).");
    const revisions = page.getByTestId("revision");
    await expect(revisions).toHaveCount(2);
    page.once("dialog", (d) => void d.accept());
    await revisions.nth(1).getByRole("button", { name: "이 판으로 복원" }).click();
    await expect(page.getByTestId("saved")).toContainText("복원");
    await expect(body(page)).toHaveValue(first);
    await expect(revisions).toHaveCount(3);
    // The server has it too, and the audit log names the restore.
    await page.reload();
    await expect(body(page)).toHaveValue(first);
    await page.goto(`/studio/audit?subjectType=article&subjectId=${piece.id}`);
    await expect(page.getByText("piece.restore").first()).toBeVisible();
    await deletePiece(request, piece.id);
  });

  test("a preview link opens the draft signed out, uncached and unindexed; revoke makes it a 404; publishing redirects", async ({ page, request, browser }) => {
    const secret = `미리보기 본문 ${uniq("pv")}`;
    const title = `미리보기 ${uniq("t")}`;
    const piece = await createPiece(request, {
      title,
      body: `${secret}\n\n<!-- paywall -->\n\n유료 부분도 미리보기에서는 보입니다.`,
      access: "premium",
      status: "draft",
    });
    await signInStaff(page, "editor@masthead.local");
    await page.goto(`/studio/pieces/${piece.id}`);
    const links = page.getByTestId("preview-links");
    await links.getByRole("button", { name: "미리보기 링크 만들기" }).click();
    const url = await links.getByTestId("preview-url").inputValue();
    expect(url).toMatch(/\/preview\/[\w.-]+$/);

    const stranger = await browser.newContext();
    const anon = await stranger.newPage();
    const res = await anon.goto(url);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["cache-control"]).toContain("no-store");
    expect(res?.headers()["x-robots-tag"]).toContain("noindex");
    await expect(anon.getByRole("heading", { name: title })).toBeVisible();
    await expect(anon.getByText(secret)).toBeVisible();
    await expect(anon.getByTestId("preview-banner")).toBeVisible();
    await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    // A changed signature, and an unknown token shape, are plain 404s.
    const forged = url.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await anon.request.get(forged)).status()).toBe(404);
    expect((await anon.request.get(url.replace(/\/preview\/.*/, "/preview/nope"))).status()).toBe(404);

    page.once("dialog", (d) => void d.accept());
    await links.getByRole("button", { name: "이 기사의 링크 모두 취소" }).click();
    await expect(links.getByRole("status")).toContainText("취소");
    const fresh = await (await browser.newContext()).newPage();
    expect((await fresh.goto(url))?.status()).toBe(404);
    await expect(fresh.getByText(secret)).toHaveCount(0);

    // A new link, then the piece goes live: the link leads to the public page.
    await page.reload();
    await links.getByRole("button", { name: "미리보기 링크 만들기" }).click();
    const live = await links.getByTestId("preview-url").inputValue();
    expect((await request.patch(`/api/admin/v1/articles/${piece.id}`, { headers: api, data: { status: "published" } })).status()).toBe(200);
    const moved = await request.get(live, { maxRedirects: 0 });
    expect(moved.status()).toBe(307);
    expect(moved.headers()["location"]).toMatch(new RegExp(`/articles/${piece.slug}$`));
    await stranger.close();
    await deletePiece(request, piece.id);
  });

  test("the toolbar formats the selection and puts an uploaded image at the cursor", async ({ page, request }) => {
    const piece = await createPiece(request, { title: `도구 모음 ${uniq("t")}`, body: "", access: "public", status: "draft" });
    await signInStaff(page, "editor@masthead.local");
    await page.goto(`/studio/pieces/${piece.id}`);
    await body(page).fill("앞 문단\n\n강조할 말");
    await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length - 5, el.value.length));
    const toolbar = page.getByRole("toolbar", { name: "본문 도구" });
    await toolbar.getByRole("button", { name: "굵게" }).click();
    await expect(body(page)).toHaveValue("앞 문단\n\n**강조할 말**");
    await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
    // A 1×1 PNG through the same upload route as the hero image.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await page.getByTestId("body-image-file").setInputFiles({ name: "차트.png", mimeType: "image/png", buffer: png });
    await expect(body(page)).toHaveValue(/^앞 문단\n\n!\[차트\]\(\/api\/admin\/uploads\/[0-9a-f]{32}\.png\)\n\n\*\*강조할 말\*\*$/);
    await deletePiece(request, piece.id);
  });
});
