import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import type { ApiError, CommentView } from "../lib/comments/types";
import { demoArticles, markedPiece, publicKo } from "./fixtures";
import { grant, signInAs } from "./support/auth";
import { studioWallTime } from "./support/studio-clock";

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const localPart = (email: string) => email.split("@")[0];
const premiumEn = demoArticles.find((a) => a.access === "premium" && a.locale === "en")!;
// Each test that counts comments gets a piece of its own.
const freeEn = demoArticles.find((a) => a.access === "free" && a.locale === "en")!;
const api = (slug: string) => `/api/articles/${slug}/comments`;
const DAY = 86_400_000;

// The comments island on an article page (a page object over the reader's view).
class CommentsSection {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId("comments");
  }
  async open(slug: string) {
    await this.page.goto(`/articles/${slug}`);
    await expect(this.root).toHaveAttribute("data-state", "ready");
  }
  comment(text: string): Locator {
    return this.root
      .getByTestId("comment")
      .filter({ has: this.page.getByTestId("comment-body").getByText(text, { exact: true }) })
      .last();
  }
  async post(text: string) {
    const form = this.root.getByTestId("comment-form").first();
    await form.getByRole("textbox").fill(text);
    await form.getByRole("button", { name: /댓글 등록|Post comment/ }).click();
    await expect(this.comment(text)).toBeVisible();
  }
  async reply(to: string, text: string) {
    await this.comment(to)
      .getByRole("button", { name: /^(답글|Reply)$/ })
      .click();
    const form = this.comment(to).getByTestId("comment-form");
    await form.getByRole("textbox").fill(text);
    await form.getByRole("button", { name: /답글 등록|Post reply/ }).click();
    await expect(this.comment(to).getByTestId("comment-replies").getByText(text)).toBeVisible();
  }
}

async function premiumMember(page: Page, request: APIRequestContext, label: string, slug: string): Promise<string> {
  const email = unique(label);
  await grant(request, email, "premium", new Date(Date.now() + DAY));
  await signInAs(page, email, `/articles/${slug}`);
  return email;
}

async function postVia(request: APIRequestContext, slug: string, data: unknown) {
  const res = await request.post(api(slug), { data });
  return { status: res.status(), headers: res.headers(), json: (await res.json()) as Partial<ApiError> & { comment?: CommentView } };
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe("comments", () => {
  test("a premium member posts, replies, edits and deletes; others see the author's name and tier, never the email", async ({ page, request, browser }) => {
    const email = await premiumMember(page, request, "premium-poster", markedPiece.slug);
    const comments = new CommentsSection(page);
    await comments.open(markedPiece.slug);
    await comments.post("정말 좋은 분석입니다. https://example.com/report 참고");
    const first = comments.comment("정말 좋은 분석입니다. https://example.com/report 참고");
    // No display name chosen: the anonymous label, never the email's local part.
    await expect(first.getByTestId("comment-author")).toHaveText("독자");
    await expect(comments.root).not.toContainText(localPart(email));
    await expect(first.getByTestId("comment-tier")).toHaveText("프리미엄");
    await expect(first.getByRole("link", { name: "https://example.com/report" })).toHaveAttribute("rel", "nofollow ugc noopener");

    await comments.reply("정말 좋은 분석입니다. https://example.com/report 참고", "답글도 남깁니다");
    // One level only: a reply offers no reply button of its own.
    await expect(comments.comment("답글도 남깁니다").getByRole("button", { name: /^(답글|Reply)$/ })).toHaveCount(0);

    await comments.comment("답글도 남깁니다").getByRole("button", { name: "수정" }).click();
    const editForm = comments.root.getByTestId("comment-form").filter({ has: page.getByText("댓글 고치기") });
    await editForm.getByRole("textbox").fill("고친 답글");
    await editForm.getByRole("button", { name: "저장" }).click();
    await expect(comments.comment("고친 답글")).toContainText("수정됨");

    page.once("dialog", (d) => d.accept());
    await comments.comment("고친 답글").getByRole("button", { name: "삭제" }).click();
    await expect(comments.root.getByText("고친 답글")).toHaveCount(0);

    // Another premium reader sees the thread with the name and badge but no email anywhere.
    const reader = await newPage(browser);
    await premiumMember(reader, reader.request, "premium-reader", markedPiece.slug);
    const theirs = new CommentsSection(reader);
    await theirs.open(markedPiece.slug);
    await expect(theirs.comment("정말 좋은 분석입니다. https://example.com/report 참고")).toBeVisible();
    const listing = await (await reader.request.get(api(markedPiece.slug))).text();
    expect(listing).not.toContain(email);
    expect(await reader.content()).not.toContain(email);

    // Readers report a comment once; the button remembers it across reloads.
    reader.once("dialog", (d) => d.accept());
    await theirs.comment("정말 좋은 분석입니다. https://example.com/report 참고").getByRole("button", { name: "신고" }).click();
    await expect(theirs.comment("정말 좋은 분석입니다. https://example.com/report 참고").getByRole("button", { name: "신고함" })).toBeDisabled();
    await theirs.open(markedPiece.slug);
    await expect(theirs.comment("정말 좋은 분석입니다. https://example.com/report 참고").getByRole("button", { name: "신고함" })).toBeDisabled();
  });

  test("a supporter is told comments are for premium members, and a direct POST gets 403", async ({ page, request }) => {
    const email = unique("supporter");
    await grant(request, email, "supporter", new Date(Date.now() + DAY));
    await signInAs(page, email, `/articles/${publicKo.slug}`);
    const comments = new CommentsSection(page);
    await comments.open(publicKo.slug);
    const notice = comments.root.getByTestId("comments-notice");
    await expect(notice).toHaveAttribute("data-reason", "tier");
    await expect(notice).toContainText("댓글은 프리미엄 회원만 쓸 수 있습니다.");
    await expect(notice.getByRole("link")).toHaveAttribute("href", `/pricing?returnTo=${encodeURIComponent(`/articles/${publicKo.slug}`)}`);
    await expect(comments.root.getByTestId("comment-form")).toHaveCount(0);

    const res = await postVia(page.request, publicKo.slug, { body: "let me in" });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: "forbidden:comment", reason: "tier" });

    // The premium piece is beyond a supporter: its discussion is locked like the piece itself.
    const locked = await page.request.get(api(markedPiece.slug));
    expect(locked.status()).toBe(200);
    expect(await locked.json()).toMatchObject({ locked: true, comments: [], viewer: { canPost: false, reason: "read" } });
    await comments.open(markedPiece.slug);
    await expect(comments.root.getByTestId("comments-notice")).toHaveAttribute("data-reason", "locked");
  });

  test("an anonymous reader gets 401, is told which tier may comment, and gets sign-in and plans links back to the piece", async ({ page, request }) => {
    const res = await postVia(request, publicKo.slug, { body: "hello" });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized:comment" });
    expect((await request.get(api("no-such-piece"))).status()).toBe(404);
    expect((await request.get(api(publicKo.slug))).headers()["cache-control"]).toContain("no-store");

    const comments = new CommentsSection(page);
    await comments.open(publicKo.slug);
    const notice = comments.root.getByTestId("comments-notice");
    await expect(notice).toHaveAttribute("data-reason", "signed_out");
    // Signing in alone is not enough when only Premium may comment: the notice says so (tier data).
    await expect(notice).toContainText("댓글은 프리미엄 회원만 쓸 수 있습니다. 프리미엄 회원이라면 로그인하세요.");
    await expect(notice.getByRole("link", { name: "로그인" })).toHaveAttribute(
      "href",
      `/signin?callbackUrl=${encodeURIComponent(`/articles/${publicKo.slug}`)}`,
    );
    await expect(notice.getByRole("link", { name: "구독 플랜 보기" })).toHaveAttribute(
      "href",
      `/pricing?returnTo=${encodeURIComponent(`/articles/${publicKo.slug}`)}`,
    );
  });

  test("the API validates bodies and replies, and limits members to 5 comments a minute", async ({ page, request }) => {
    await premiumMember(page, request, "validator", premiumEn.slug);
    const r = page.request;
    const empty = await postVia(r, premiumEn.slug, { body: " \u200B\u2066 " });
    expect(empty.status).toBe(422);
    expect(empty.json.error).toMatchObject({ code: "invalid:body", reason: "empty" });
    expect((await postVia(r, premiumEn.slug, { body: "x".repeat(2001) })).status).toBe(422);
    expect((await postVia(r, premiumEn.slug, { body: 42 })).status).toBe(422);

    const top = await postVia(r, premiumEn.slug, { body: "top" });
    expect(top.status).toBe(201);
    const topId = top.json.comment!.id;
    const reply = await postVia(r, premiumEn.slug, { body: "reply", parentId: topId });
    expect(reply.status).toBe(201);
    const nested = await postVia(r, premiumEn.slug, { body: "nested", parentId: reply.json.comment!.id });
    expect(nested.status).toBe(422);
    expect(nested.json.error).toMatchObject({ code: "invalid:parent" });
    expect((await postVia(r, markedPiece.slug, { body: "cross-piece", parentId: topId })).status).toBe(422);

    // Two stored so far; three more fit in the minute, the sixth is refused with a retry time.
    for (let i = 0; i < 3; i++) expect((await postVia(r, premiumEn.slug, { body: `burst ${i}` })).status).toBe(201);
    const limited = await postVia(r, premiumEn.slug, { body: "one too many" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json.error).toMatchObject({ code: "rate_limited:comment" });
  });

  test("an editor hides a comment and bans its author until a moment later; the ban ends on its own", async ({ page, request, browser }) => {
    const email = await premiumMember(page, request, "banned", publicKo.slug);
    const tag = `moderate-me-${Date.now()}`;
    expect((await postVia(page.request, publicKo.slug, { body: tag })).status).toBe(201);

    const editor = await newPage(browser);
    await signInAs(editor, "editor@masthead.local", "/");
    // Any reader of the piece may report it, once: a repeat is acknowledged without counting twice.
    const commentId = ((await (await request.get(api(publicKo.slug))).json()) as { comments: CommentView[] }).comments.find((c) => c.body === tag)!.id;
    const report = (r: APIRequestContext) => r.post(`${api(publicKo.slug)}/${commentId}/report`, { data: { reason: "spam" } });
    expect((await report(editor.request)).status()).toBe(201);
    expect(await (await report(editor.request)).json()).toMatchObject({ alreadyReported: true });
    expect((await report(page.request)).status()).toBe(403);
    expect((await report(request)).status()).toBe(401);

    await editor.goto("/studio/comments?view=reported");
    const item = editor.getByTestId("queue-item").filter({ hasText: tag });
    await expect(item).toContainText("신고 1건");
    await item.getByRole("button", { name: "숨기기" }).click();
    // Hiding settles the reports, so the comment leaves the reported queue and stays under recent.
    await expect(item).toHaveCount(0);
    await editor.goto("/studio/comments");
    await expect(item).toHaveAttribute("data-state", "hidden");
    const listing = await (await request.get(api(publicKo.slug))).text();
    expect(listing).not.toContain(tag);

    // The ban ends a few seconds from now, entered on the publication's clock (KST).
    const untilLocal = studioWallTime(new Date(Date.now() + 12_000));
    const panel = item.getByTestId("ban-panel");
    await panel.locator("summary").click();
    await panel.getByLabel("종료 시각").fill(untilLocal);
    await panel.getByLabel("사유 (회원에게 보임)").fill("도배 — 잠시 쉬어 가세요");
    await panel.getByRole("button", { name: "댓글 금지" }).click();
    await expect(editor.getByTestId("queue-item").filter({ hasText: tag }).getByText("댓글 금지 중").first()).toBeVisible();

    const refused = await postVia(page.request, publicKo.slug, { body: "still here?" });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: "forbidden:comment", reason: "banned", banReason: "도배 — 잠시 쉬어 가세요" });
    const bannedUntil = new Date(String(refused.json.error?.bannedUntil));
    expect(bannedUntil.getTime()).toBeGreaterThan(Date.now());
    const comments = new CommentsSection(page);
    await comments.open(publicKo.slug);
    const notice = comments.root.getByTestId("comments-notice");
    await expect(notice).toHaveAttribute("data-reason", "banned");
    await expect(notice).toContainText("도배 — 잠시 쉬어 가세요");

    // No job lifts it: the rule compares the ban's end with the time of the request.
    await page.waitForTimeout(Math.max(0, bannedUntil.getTime() - Date.now()) + 1_000);
    expect((await postVia(page.request, publicKo.slug, { body: `back again ${localPart(email)}` })).status).toBe(201);
    await comments.open(publicKo.slug);
    await expect(comments.root.getByTestId("comment-form").first()).toBeVisible();
  });

  test("an XSS corpus renders inert and long or RTL text stays inside the column", async ({ page, request }) => {
    await premiumMember(page, request, "xss", freeEn.slug);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const payloads = [
      [
        "<script>window.__xss=1</script>",
        '<img src=x onerror="window.__xss=1">',
        "<svg onload=alert(1)>",
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      ].join("\n"),
      [
        'https://example.com/"><img src=x onerror=alert(1)>',
        "https://example.com/'onmouseover='alert(1)'",
        "javascript:alert(1)",
        '<a href="javascript:alert(1)">click</a>',
        "[x](javascript:alert(1))",
      ].join("\n"),
      `${"가".repeat(5)}${"W".repeat(1200)}`,
      "مرحبا \u202Eevil\u202C بالعالم https://example.com/rtl",
    ];
    for (const body of payloads) expect((await postVia(page.request, freeEn.slug, { body })).status).toBe(201);

    const comments = new CommentsSection(page);
    await comments.open(freeEn.slug);
    await expect(comments.root.getByTestId("comment")).toHaveCount(4);
    await page.mouse.move(10, 10);
    for (const link of await comments.root.getByTestId("comment-body").locator("a").all()) {
      await link.hover();
      expect(await link.getAttribute("rel")).toBe("nofollow ugc noopener");
      expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    }
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(comments.root.locator("script, img, svg, iframe, style, object, embed, math")).toHaveCount(0);
    await expect(comments.root.getByText("<script>window.__xss=1</script>")).toBeVisible();

    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    const rtl = comments.root.getByTestId("comment-body").filter({ hasText: "مرحبا" });
    expect(await rtl.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("plaintext");
    expect(await rtl.textContent()).not.toContain("\u202E");
  });

  test("posting comments leaves the per-tier article render cached and unchanged", async ({ page, request }) => {
    const html = { headers: { accept: "text/html" } };
    await request.get(`/articles/${publicKo.slug}`, html);
    const before = await request.get(`/articles/${publicKo.slug}`, html);
    expect(before.headers()["x-nextjs-cache"]).toBe("HIT");
    const beforeBody = await before.text();

    await premiumMember(page, request, "cache", publicKo.slug);
    const tag = `cache-check-${Date.now()}`;
    expect((await postVia(page.request, publicKo.slug, { body: tag })).status).toBe(201);
    expect(await (await page.request.get(api(publicKo.slug))).text()).toContain(tag);

    const after = await request.get(`/articles/${publicKo.slug}`, html);
    expect(after.headers()["x-nextjs-cache"]).toBe("HIT");
    const afterBody = await after.text();
    expect(afterBody).toBe(beforeBody);
    expect(afterBody).not.toContain(tag);
  });
});
