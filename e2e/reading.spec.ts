import { expect, test } from "@playwright/test";
import { publicKo } from "./fixtures";

test.describe("reading", () => {
  test("the article shows its reading time, and cards on the home page too", async ({ page }) => {
    await page.goto(`/articles/${publicKo.slug}`);
    await expect(page.getByTestId("reading-time")).toHaveText(/^\d+분 읽기$/);
    await page.goto("/");
    await expect(page.getByTestId("card-reading-time").first()).toHaveText(/\d+분 읽기/);
  });

  test("share: copy link says so and copies the canonical URL; X and Facebook are plain links", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(`/articles/${publicKo.slug}`);
    await page.getByTestId("share-copy").click();
    await expect(page.getByTestId("share-status")).toHaveText("링크를 복사했습니다");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`/articles/${publicKo.slug}$`));
    const encoded = encodeURIComponent(copied);
    await expect(page.getByTestId("share-x")).toHaveAttribute(
      "href",
      new RegExp(`^https://twitter\\.com/intent/tweet\\?url=${encoded.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
    );
    await expect(page.getByTestId("share-facebook")).toHaveAttribute("href", `https://www.facebook.com/sharer/sharer.php?u=${encoded}`);
  });

  test("dark mode follows the system on the reader site", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`/articles/${publicKo.slug}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe("rgb(251, 250, 247)");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).toBe("rgb(21, 23, 27)");
    const ink = await page.evaluate(() => getComputedStyle(document.querySelector("h1")!).color);
    expect(ink).toBe("rgb(233, 231, 226)");
  });

  test("the Korean web font is self-hosted, swaps in, and is served as a static file", async ({ page, request }) => {
    await page.goto(`/articles/${publicKo.slug}`);
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Noto Sans KR").map((f) => f.display));
    expect(faces.length).toBeGreaterThan(5);
    expect(new Set(faces)).toEqual(new Set(["swap"]));
    const res = await request.get("/fonts/noto-sans-kr/noto-sans-kr-400-hangul-common-0.woff2");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("font/woff2");
    expect((await request.get("/fonts/noto-sans-kr/OFL.txt")).status()).toBe(200);
  });
});
