import { expect, test } from "@playwright/test";
import { grant, signInAs } from "./support/auth";
import { createPiece, pollUntil, signInStaff, uniq, uniqueEmail } from "./studio-support";

const GATED = "STUDIO-GATED-9c1e";

test.describe("studio: write, gate, schedule", () => {
  test("an editor writes a premium piece with a paywall marker; each tier sees its part", async ({ page, browser }) => {
    const slug = uniq("studio-premium");
    await signInStaff(page, "editor@masthead.local");
    await page.goto("/studio/pieces/new");
    await page.getByLabel("제목", { exact: true }).fill("스튜디오에서 쓴 프리미엄 기사");
    await page.getByLabel("슬러그 (URL)").fill(slug);
    await page.getByLabel("본문 (Markdown)").fill("누구나 읽는 첫 문단.\n\n누구나 읽는 둘째 문단.");
    await page.getByLabel("본문 (Markdown)").press("End");
    await page.getByRole("button", { name: /페이월 위치 삽입/ }).click();
    const bodyBox = page.getByLabel("본문 (Markdown)");
    await bodyBox.fill(`${await bodyBox.inputValue()}유료 독자만 읽는 문단 ${GATED}.`);
    await expect(bodyBox).toHaveValue(/<!-- paywall -->/);
    await page.getByLabel("접근 등급").selectOption("premium");
    await page.getByLabel("상태").selectOption("published");
    await page.getByRole("checkbox", { name: "한지우" }).check();
    // The live preview shows the anonymous tier the teaser only.
    await expect(page.getByTestId("tier-preview").getByRole("tab", { name: /비회원/ })).toBeVisible();
    await expect(page.getByTestId("tier-preview").getByRole("tabpanel")).not.toContainText(GATED);
    await page.getByRole("button", { name: "저장" }).click();
    await expect(page.getByTestId("saved")).toBeVisible();

    const anon = await (await browser.newContext()).newPage();
    await anon.goto(`/articles/${slug}`);
    await expect(anon.getByText("누구나 읽는 첫 문단.")).toBeVisible();
    await expect(anon.getByTestId("paywall")).toBeVisible();
    expect(await anon.content()).not.toContain(GATED);

    const free = await (await browser.newContext()).newPage();
    await signInAs(free, uniqueEmail("studio-free"), `/articles/${slug}`);
    await expect(free.getByTestId("paywall")).toBeVisible();
    expect(await free.content()).not.toContain(GATED);

    const premiumEmail = uniqueEmail("studio-premium");
    const premium = await (await browser.newContext()).newPage();
    await grant(premium.request, premiumEmail, "premium", new Date(Date.now() + 86_400_000));
    await signInAs(premium, premiumEmail, `/articles/${slug}`);
    await expect(premium.getByText(GATED)).toBeVisible();
  });

  test("a piece scheduled 20 s ahead appears on its own", async ({ request }) => {
    const at = new Date(Date.now() + 20_000);
    const slug = uniq("scheduled");
    const title = `예약 기사 ${slug}`;
    await createPiece(request, { title, slug, body: "예약된 본문.", access: "public", status: "scheduled", publishAt: at.toISOString(), section: "research" });
    // Warm the caches with the "not yet" answers.
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    expect(await (await request.get("/")).text()).not.toContain(title);
    expect(await (await request.get("/sections/research")).text()).not.toContain(title);
    const seen = await pollUntil(request, `/articles/${slug}`, (s) => s === 200, 40_000);
    expect(seen).toBeGreaterThanOrEqual(at.getTime());
    // Well before the 60 s render TTL could have refreshed anything by itself.
    expect(seen - at.getTime()).toBeLessThan(15_000);
    expect(await (await request.get("/")).text()).toContain(title);
    expect(await (await request.get("/sections/research")).text()).toContain(title);
    expect(await (await request.get("/feed.xml")).text()).toContain(slug);
  });

  test("a premium piece with unlockAt 20 s ahead becomes public on its own", async ({ request }) => {
    const at = new Date(Date.now() + 20_000);
    const slug = uniq("unlock");
    await createPiece(request, {
      title: `곧 공개 ${slug}`,
      slug,
      body: `공개 문단.\n\n<!-- paywall -->\n\n${GATED}-UNLOCK`,
      access: "premium",
      status: "published",
      unlockAt: at.toISOString(),
    });
    const before = await (await request.get(`/articles/${slug}`)).text();
    expect(before).not.toContain(`${GATED}-UNLOCK`);
    const seen = await pollUntil(request, `/articles/${slug}`, (s, body) => s === 200 && body.includes(`${GATED}-UNLOCK`), 40_000);
    expect(seen).toBeGreaterThanOrEqual(at.getTime());
    expect(seen - at.getTime()).toBeLessThan(15_000);
  });
});

test.describe("studio: hero image upload", () => {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );

  test("an image is stored and served; a non-image is refused next to the field", async ({ page, request }) => {
    await signInStaff(page, "editor@masthead.local");
    await page.goto("/studio/pieces/new");
    await page.getByLabel(/대표 이미지 올리기/).setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
    await expect(page.getByTestId("error-heroFile")).toBeVisible();
    await page.getByLabel(/대표 이미지 올리기/).setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
    await expect(page.getByLabel("대표 이미지 URL")).toHaveValue(/^\/api\/admin\/uploads\/[0-9a-f]{32}\.png$/);
    const served = await request.get(await page.getByLabel("대표 이미지 URL").inputValue());
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect((await request.post("/api/admin/studio/uploads", { data: png })).status()).toBe(403);
  });
});
