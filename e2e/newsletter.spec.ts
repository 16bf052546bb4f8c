// Email (issue 17, design §11) through the real server and a real SMTP catcher: a piece sent as a
// newsletter reaches each account once, in the copy its tier may read; one-click unsubscribe stops
// the next one; a scheduled newsletter goes at its instant; and the notices members expect.
// playwright.config.ts sets EMAIL_SWEEP_SECONDS=3 and EMAIL_POLL_MS=500 for the server.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_API_TOKEN, grant, signInAs } from "./support/auth";
import { mailsTo, waitForMail } from "./support/mailbox";
import { signInStaff } from "./studio-support";

const GATED = "NEWSLETTER-E2E-GATED-91b2";
const auth = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };
const unique = (label: string) => `mail-${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const created: number[] = [];

async function publishNewsletter(request: APIRequestContext, title: string, extra: Record<string, unknown> = {}) {
  const res = await request.post("/api/admin/v1/articles", {
    headers: auth,
    data: {
      title,
      body: `모두가 읽는 첫 문단입니다.\n\n<!-- paywall -->\n\n${GATED} 프리미엄 독자만 읽는 분석.`,
      access: "premium",
      status: "published",
      newsletter: true,
      ...extra,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  created.push(id);
  return id;
}

test.afterAll(async ({ request }) => {
  // Other specs read the primary's lists: take the pieces back out.
  for (const id of created) await request.delete(`/api/admin/v1/articles/${id}`, { headers: auth });
});

async function freeMember(page: Page, label: string): Promise<string> {
  const email = unique(label);
  await signInAs(page, email);
  return email;
}

test.describe("newsletters and notices", () => {
  test("a new member is welcomed once; a piece goes to premium in full and to free as a teaser, once each", async ({ page, request }) => {
    const free = await freeMember(page, "free");
    const welcome = await waitForMail(free, /환영합니다/);
    expect(welcome.text).toContain("뉴스레터");
    const premium = unique("premium");
    await grant(request, premium, "premium", null);

    const title = `뉴스레터 테스트 ${Date.now()}`;
    const id = await publishNewsletter(request, title);
    const full = await waitForMail(premium, title);
    const teaser = await waitForMail(free, title);
    expect(full.html).toContain(GATED);
    expect(full.text).toContain(GATED);
    expect(teaser.html).not.toContain(GATED);
    expect(teaser.text).not.toContain(GATED);
    expect(teaser.html).toContain("이 기사의 나머지는");
    expect(teaser.headers?.listUnsubscribe).toMatch(/^<http:\/\/localhost:\d+\/email\/unsubscribe\/\d+\.\d+\.[A-Za-z0-9_-]{22}>/);
    expect(teaser.headers?.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");

    // The Admin API reports the send; saving the piece again sends nothing more.
    await expect
      .poll(
        async () =>
          ((await (await request.get(`/api/admin/v1/articles/${id}`, { headers: auth })).json()) as { newsletter: { status: string } }).newsletter.status,
        { timeout: 60_000 },
      )
      .toBe("done");
    await request.patch(`/api/admin/v1/articles/${id}`, { headers: auth, data: { title: `${title} (수정)`, newsletter: true } });
    await page.waitForTimeout(2_000);
    expect(mailsTo(premium).filter((m) => m.subject.startsWith(title))).toHaveLength(1);
    expect(mailsTo(free).filter((m) => m.subject.startsWith(title))).toHaveLength(1);
  });

  test("one-click unsubscribe (RFC 8058) stops the next newsletter; bad tokens change nothing", async ({ page, request }) => {
    const reader = await freeMember(page, "unsub");
    const first = `첫 뉴스레터 ${Date.now()}`;
    await publishNewsletter(request, first);
    const mail = await waitForMail(reader, first);
    const url = /^<([^>]+)>/.exec(mail.headers?.listUnsubscribe ?? "")![1];
    const path = new URL(url).pathname;

    // A visit (a mail scanner following the link) only shows the confirm page.
    const visit = await request.get(path, { headers: { accept: "text/html" } });
    expect(visit.status()).toBe(200);
    expect(await visit.text()).toContain(reader);
    // Forged and malformed tokens: 404 and 400, nothing changed.
    const [memberId, pubId] = path.split("/").pop()!.split(".");
    expect((await request.post(`/email/unsubscribe/${memberId}.${pubId}.${"A".repeat(22)}`, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
    expect(
      (
        await request.post(`/email/unsubscribe/${Number(memberId) + 1}.${pubId}.${path.split(".").pop()}`, { form: { "List-Unsubscribe": "One-Click" } })
      ).status(),
    ).toBe(404);
    expect((await request.post("/email/unsubscribe/not-a-token", { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);

    // The mail client's one-click POST: no session, 200.
    const done = await request.post(path, { form: { "List-Unsubscribe": "One-Click" } });
    expect(done.status()).toBe(200);
    await page.goto("/account");
    await expect(page.getByTestId("mail-newsletter")).not.toBeChecked();

    const second = `둘째 뉴스레터 ${Date.now()}`;
    const premium = unique("still");
    await grant(request, premium, "premium", null);
    await publishNewsletter(request, second);
    await waitForMail(premium, second);
    await page.waitForTimeout(1_500);
    expect(mailsTo(reader).some((m) => m.subject.includes(second))).toBe(false);
  });

  test("a scheduled piece's newsletter goes at its publish instant, not before", async ({ request }) => {
    const premium = unique("scheduled");
    await grant(request, premium, "premium", null);
    const title = `예약 뉴스레터 ${Date.now()}`;
    const publishAt = Date.now() + 12_000;
    await publishNewsletter(request, title, { status: "scheduled", publishAt: new Date(publishAt).toISOString() });
    const mail = await waitForMail(premium, title, 45_000);
    expect(mail.at!).toBeGreaterThanOrEqual(publishAt);
    expect(mail.at! - publishAt).toBeLessThan(15_000);
  });

  test("notices: receipt and cancellation from the demo checkout, access ending, a reply to my comment", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    // Receipt and cancellation.
    const buyer = await freeMember(page, "buyer");
    await page.goto("/pricing");
    await page.getByTestId("plan-premium").getByRole("button").click();
    await page.getByTestId("demo-pay").click();
    await expect(page).toHaveURL(/\/checkout\/success/);
    const receipt = await waitForMail(buyer, /결제 영수증/);
    expect(receipt.text).toMatch(/₩[\d,]+/);
    await page.goto("/account");
    await page.getByTestId("manage-subscription").click();
    await page.getByTestId("portal-cancel").click();
    const cancel = await waitForMail(buyer, /구독 해지가 접수되었습니다/);
    expect(cancel.text).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일까지는/);

    // A time-limited grant ending in two days.
    const ending = unique("ending");
    await grant(request, ending, "premium", new Date(Date.now() + 2 * 86_400_000));
    const notice = await waitForMail(ending, /이용 권한이 .+에 끝납니다/);
    expect(notice.text).toContain("프리미엄");

    // Replies, for a member who asked for them.
    const author = unique("author");
    const replier = unique("replier");
    await grant(request, author, "premium", null);
    await grant(request, replier, "premium", null);
    await signInAs(page, author, "/account");
    await page.goto("/account");
    await page.getByTestId("mail-replies").check();
    await page.getByTestId("mail-preferences").getByRole("button", { name: "저장" }).click();
    await expect(page.getByTestId("mail-status")).toHaveText("저장했습니다.");
    const slug = "fiscal-rule-local-finance";
    const posted = await page.request.post(`/api/articles/${slug}/comments`, { data: { body: `답글 알림 테스트 ${Date.now()}` } });
    expect(posted.status(), await posted.text()).toBe(201);
    const parentId = ((await posted.json()) as { comment: { id: number } }).comment.id;
    const other = await (await browser.newContext()).newPage();
    await signInAs(other, replier);
    const reply = await other.request.post(`/api/articles/${slug}/comments`, { data: { body: "동의합니다. 자료를 더 보고 싶네요.", parentId } });
    expect(reply.status(), await reply.text()).toBe(201);
    const replyMail = await waitForMail(author, /새 답글/);
    expect(replyMail.text).toContain("동의합니다");
    // The replier asked for nothing and gets no notice of their own reply.
    expect(mailsTo(replier).some((m) => /새 답글/.test(m.subject))).toBe(false);
  });

  test("the studio warns before a piece too big for Gmail goes out as a newsletter, and not for a normal one", async ({ page, request }) => {
    // Drafts: nothing is sent. About 150 KB of Korean text in the full copy (Gmail clips at 102 KB).
    const paragraph = "지역 재정 자료를 연도별로 다시 읽은 긴 분석 문단입니다. ".repeat(40);
    const draft = async (title: string, body: string) => {
      const res = await request.post("/api/admin/v1/articles", { headers: auth, data: { title, body, access: "premium", status: "draft" } });
      expect(res.status(), await res.text()).toBe(201);
      const { id } = (await res.json()) as { id: number };
      created.push(id);
      return id;
    };
    const huge = await draft(`아주 긴 뉴스레터 ${Date.now()}`, Array.from({ length: 60 }, () => paragraph).join("\n\n"));
    const normal = await draft(`보통 길이 뉴스레터 ${Date.now()}`, "첫 문단입니다.\n\n<!-- paywall -->\n\n유료 문단입니다.");
    await signInStaff(page, "admin@masthead.local");
    await page.goto(`/studio/pieces/${huge}`);
    const warning = page.getByTestId("newsletter-weight-warning");
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("Gmail이 102 KB에서 자르는 크기를 넘습니다");
    await page.goto(`/studio/pieces/${normal}`);
    await expect(page.getByRole("heading").first()).toBeVisible();
    await expect(page.getByTestId("newsletter-weight-warning")).toHaveCount(0);
  });
});
