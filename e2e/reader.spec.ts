import { expect, test } from "@playwright/test";
import { demoSections, publicEn, publicKo } from "./fixtures";

test.describe("reader journey in Korean", () => {
  test("home → article → author → section → tag → search", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("link", { name: "검색", exact: true })).toBeVisible();

    await page.goto(`/articles/${publicKo.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(publicKo.title);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByText(publicKo.dek[0])).toBeVisible();
    await expect(page.getByRole("img", { name: publicKo.heroAlt })).toBeVisible();
    await expect(page.getByTestId("paywall")).toHaveCount(0);

    await page.locator(`a[href="/authors/${publicKo.authors[0]}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/authors/${publicKo.authors[0]}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/함께함/)).toBeVisible();

    const section = demoSections[0];
    await page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link", { name: section.name }).click();
    await expect(page).toHaveURL(new RegExp(`/sections/${section.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.name);

    await page.goto(`/articles/${publicKo.slug}`);
    const tag = publicKo.tags[0];
    await page.getByRole("link", { name: `#${tag.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/tags/${tag.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`#${tag.name}`);

    await page.getByRole("link", { name: "검색", exact: true }).click();
    await page.getByRole("searchbox", { name: "검색어" }).fill("반도체");
    await page.getByRole("button", { name: "검색" }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByText(/검색 결과 \d+건/)).toBeVisible();
  });
});

test.describe("reader journey in English", () => {
  test("English UI under /en, English piece, search", async ({ page }) => {
    await page.goto("/en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Search", exact: true })).toBeVisible();
    const section = demoSections[0];
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: section.nameEn }).click();
    await expect(page).toHaveURL(new RegExp(`/en/sections/${section.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.nameEn);

    await page.goto(`/articles/${publicEn.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(publicEn.title);
    await expect(page.getByText("About the author")).toBeVisible();
    await page.locator(`a[href="/en/authors/${publicEn.authors[0]}"]`).first().click();
    await expect(page.getByText(/With Masthead since/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto(`/articles/${publicEn.slug}`);
    await page.getByRole("link", { name: `#${publicEn.tags[0].name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/en/tags/${publicEn.tags[0].slug}$`));

    await page.goto("/en/search?q=semiconductor");
    await expect(page.getByText(/results? for “semiconductor”/)).toBeVisible();
  });

  test("the language switch keeps the page", async ({ page }) => {
    const section = demoSections[0];
    await page.goto(`/sections/${section.slug}`);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/sections/${section.slug}$`));
    await page.getByRole("link", { name: "한국어" }).click();
    await expect(page).toHaveURL(new RegExp(`/sections/${section.slug}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  });
});

test.describe("bad input", () => {
  test("unknown slugs answer the friendly 404", async ({ page }) => {
    for (const path of [
      "/articles/no-such-piece",
      "/authors/nobody",
      "/sections/none",
      "/tags/none",
      "/nowhere",
      "/en/nowhere",
      "/articles/%ED%95%9C%EA%B8%80",
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByText("페이지를 찾을 수 없습니다")).toBeVisible();
    }
  });

  test("odd search queries give a normal results page", async ({ request }) => {
    const queries = [
      "",
      " ",
      "x".repeat(10_000),
      "%",
      "_",
      "'; drop table articles; --",
      ".*",
      "[a-",
      "(?<",
      "\\",
      "반도체 semiconductor",
      "<script>alert(1)</script>",
      "\u200b\u202e",
    ];
    for (const q of queries) {
      const res = await request.get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.status(), q.slice(0, 20)).toBe(200);
      expect(await res.text()).not.toContain("<script>alert(1)</script>");
    }
  });
});
