import { describe, expect, it } from "vitest";
import { languageAlternates, listingMetadata } from "@/lib/seo/metadata";
import { buildSitemap, type SitemapSource } from "@/lib/seo/sitemap";
import { absoluteUrl, absolutizeHtmlUrls } from "@/lib/seo/urls";
import { BASE } from "./seo-fixtures";

const src: SitemapSource = {
  articles: [
    { slug: "b", updatedAt: "2025-12-03T00:00:00.000Z", section: "economy", authors: ["han"], tags: ["fiscal"] },
    { slug: "a", updatedAt: "2025-12-01T00:00:00.000Z", section: "economy", authors: ["han", "kim"], tags: ["fiscal", "aging"] },
  ],
  sections: ["economy", "research"],
  authors: ["han", "kim", "lee"],
};

describe("buildSitemap", () => {
  const entries = buildSitemap(src, BASE);
  const byUrl = new Map(entries.map((e) => [e.url, e]));

  it("lists the home page, every section, author and used tag in both languages, and every piece", () => {
    const urls = entries.map((e) => e.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}/en`,
        `${BASE}/sections/research`,
        `${BASE}/en/authors/lee`,
        `${BASE}/tags/aging`,
        `${BASE}/articles/a`,
        `${BASE}/articles/b`,
      ]),
    );
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((u) => u.includes("/articles/"))).toHaveLength(2);
    expect(urls).not.toContain(`${BASE}/en/articles/a`);
  });

  it("dates each page by its newest piece, and leaves lastmod out when there is none", () => {
    expect(byUrl.get(BASE)?.lastModified).toBe("2025-12-03T00:00:00.000Z");
    expect(byUrl.get(`${BASE}/sections/economy`)?.lastModified).toBe("2025-12-03T00:00:00.000Z");
    expect(byUrl.get(`${BASE}/authors/kim`)?.lastModified).toBe("2025-12-01T00:00:00.000Z");
    expect(byUrl.get(`${BASE}/sections/research`)).not.toHaveProperty("lastModified");
    expect(byUrl.get(`${BASE}/articles/a`)?.lastModified).toBe("2025-12-01T00:00:00.000Z");
  });

  it("names the Korean and English versions of listing pages as hreflang alternates", () => {
    expect(byUrl.get(`${BASE}/en/sections/economy`)?.alternates?.languages).toEqual({
      ko: `${BASE}/sections/economy`,
      en: `${BASE}/en/sections/economy`,
      "x-default": `${BASE}/sections/economy`,
    });
  });
});

describe("listing metadata", () => {
  it("has a canonical per language and hreflang alternates both ways", () => {
    expect(languageAlternates("/")).toEqual({ ko: "/", en: "/en", "x-default": "/" });
    const en = listingMetadata({ base: BASE, siteName: "Masthead", lang: "en", path: "/tags/fiscal", title: "#재정", description: "d" });
    expect(en.alternates).toMatchObject({ canonical: "/en/tags/fiscal", languages: { ko: "/tags/fiscal", en: "/en/tags/fiscal" } });
    expect(en.openGraph).toMatchObject({ url: "/en/tags/fiscal", locale: "en_US", siteName: "Masthead" });
    expect(en.twitter).toMatchObject({ card: "summary_large_image", title: "#재정" });
  });
});

describe("url helpers", () => {
  it("joins origins and paths without doubled or missing slashes", () => {
    expect(absoluteUrl(`${BASE}/`, "/")).toBe(BASE);
    expect(absoluteUrl(BASE, "feed.xml")).toBe(`${BASE}/feed.xml`);
    expect(absoluteUrl(BASE, "https://cdn.example/x.jpg")).toBe("https://cdn.example/x.jpg");
  });

  it("absolutizes root-relative href/src only", () => {
    const html = `<a href="/articles/x">a</a><img src="/images/y.jpg"><a href="https://o/z">z</a><a href="#f">f</a>`;
    expect(absolutizeHtmlUrls(html, BASE)).toBe(
      `<a href="${BASE}/articles/x">a</a><img src="${BASE}/images/y.jpg"><a href="https://o/z">z</a><a href="#f">f</a>`,
    );
  });
});
