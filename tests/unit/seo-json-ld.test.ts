import { describe, expect, it } from "vitest";
import type { ArticleView } from "@/lib/articles/view-models";
import { articleDescription, resolveArticleSeoAccess } from "@/lib/seo/article-seo";
import { articlePageJsonLd, articlePageMetadata } from "@/lib/seo/article-page";
import { buildNewsArticle, buildOrganization, buildWebSite, PAYWALLED_SELECTOR, serializeJsonLd } from "@/lib/seo/json-ld";
import { siteIdentity } from "@/lib/seo/site";
import { articleView, BASE, NOW, PUBLICATION, TIERS } from "./seo-fixtures";

const site = siteIdentity(PUBLICATION, BASE, "ko");
const dayMs = 86_400_000;
const iso = (d: Date) => d.toISOString();
const FREE = { isAccessibleForFree: true, paywalled: false };
// The article's NewsArticle on this site; most cases read a free piece.
const newsArticle = (article: ArticleView, description: string, access = FREE) => buildNewsArticle({ article, base: BASE, description, access, site });

describe("resolveArticleSeoAccess", () => {
  it.each([
    ["public piece", { access: "public", unlockAt: null }, false, { isAccessibleForFree: true, paywalled: false }],
    ["premium piece with a gated part", { access: "premium", unlockAt: null }, true, { isAccessibleForFree: false, paywalled: true }],
    ["members-only piece with a gated part", { access: "free", unlockAt: null }, true, { isAccessibleForFree: false, paywalled: true }],
    ["premium piece whose body ends before the cut", { access: "premium", unlockAt: null }, false, { isAccessibleForFree: true, paywalled: false }],
    ["unlock one ms in the future", { access: "premium", unlockAt: iso(new Date(NOW.getTime() + 1)) }, true, { isAccessibleForFree: false, paywalled: true }],
    ["unlock exactly now", { access: "premium", unlockAt: iso(NOW) }, true, { isAccessibleForFree: true, paywalled: false }],
    ["unlock a day ago", { access: "supporter", unlockAt: iso(new Date(NOW.getTime() - dayMs)) }, true, { isAccessibleForFree: true, paywalled: false }],
    ["unknown tier slug (fails closed)", { access: "platinum", unlockAt: null }, true, { isAccessibleForFree: false, paywalled: true }],
  ])("%s", (_name, piece, hasGatedPart, expected) => {
    expect(resolveArticleSeoAccess(piece, hasGatedPart, TIERS, NOW)).toEqual(expected);
  });
});

describe("buildNewsArticle", () => {
  it("describes a gated piece with isAccessibleForFree false and a hasPart pointing at the paywalled element", () => {
    const ld = newsArticle(articleView(), "요약", { isAccessibleForFree: false, paywalled: true });
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "재정준칙과 지방재정: 숫자 뒤에 숨은 선택",
      description: "요약",
      url: `${BASE}/articles/fiscal-rule`,
      mainEntityOfPage: { "@type": "WebPage", "@id": `${BASE}/articles/fiscal-rule` },
      datePublished: "2025-12-01T09:00:00.000Z",
      dateModified: "2025-12-02T09:00:00.000Z",
      articleSection: "경제",
      inLanguage: "ko",
      author: [{ "@type": "Person", name: "한지우", url: `${BASE}/authors/han-jiwoo` }],
      image: [`${BASE}/api/og/fiscal-rule`, `${BASE}/images/hero/fiscal-rule.jpg`],
      publisher: { "@type": "NewsMediaOrganization", name: "마스트헤드", logo: { "@type": "ImageObject", url: `${BASE}/api/og/site/logo` } },
      isAccessibleForFree: false,
      hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled-content" },
    });
    expect(PAYWALLED_SELECTOR).toBe(".paywalled-content");
  });

  it("omits hasPart for a free piece and marks it accessible", () => {
    const ld = newsArticle(articleView({ access: "public" }), "");
    expect(ld.isAccessibleForFree).toBe(true);
    expect(ld).not.toHaveProperty("hasPart");
    expect(ld).not.toHaveProperty("description");
  });

  it("links English pieces' authors to the English author pages and uses the English section name", () => {
    const ld = newsArticle(articleView({ locale: "en" }), "d");
    expect(ld.author).toEqual([expect.objectContaining({ url: `${BASE}/en/authors/han-jiwoo` })]);
    expect(ld.articleSection).toBe("Economy");
  });

  it("never reports a modification before publication (a piece edited, then scheduled)", () => {
    const ld = newsArticle(articleView({ publishAt: "2025-12-05T00:00:00.000Z", updatedAt: "2025-12-01T00:00:00.000Z" }), "d");
    expect(ld.dateModified).toBe("2025-12-05T00:00:00.000Z");
  });

  it("cuts headlines beyond 110 characters without splitting a Hangul syllable", () => {
    const ld = newsArticle(articleView({ title: "가".repeat(150) }), "d");
    expect(Array.from(ld.headline as string)).toHaveLength(110);
    expect(ld.headline).toMatch(/^가+…$/);
  });
});

describe("home page structured data", () => {
  it("names the organization and a WebSite with a search action to /search?q=", () => {
    expect(buildOrganization(site)).toMatchObject({
      "@type": "NewsMediaOrganization",
      "@id": `${BASE}/#organization`,
      name: "마스트헤드",
      alternateName: "Masthead",
      url: BASE,
    });
    expect(buildWebSite(site, "ko")).toMatchObject({ "@id": `${BASE}/#website`, publisher: { "@id": `${BASE}/#organization` } });
    expect(buildWebSite(siteIdentity(PUBLICATION, BASE, "en"), "en")["@id"]).toBe(`${BASE}/en#website`);
    expect(buildWebSite(site, "ko")).toMatchObject({
      "@type": "WebSite",
      url: BASE,
      potentialAction: {
        "@type": "SearchAction",
        target: { urlTemplate: `${BASE}/search?q={search_term_string}` },
        "query-input": "required name=search_term_string",
      },
    });
    expect(buildWebSite(siteIdentity(PUBLICATION, BASE, "en"), "en")).toMatchObject({
      url: `${BASE}/en`,
      potentialAction: { target: { urlTemplate: `${BASE}/en/search?q={search_term_string}` } },
    });
  });
});

describe("serializeJsonLd", () => {
  it("escapes characters that could end the script element, and still parses to the same value", () => {
    const hostile = articleView({ title: `</script><script>alert("x")</script> & <!-- 주석 --> \u2028` });
    const ld = newsArticle(hostile, "a < b > c");
    const out = serializeJsonLd(ld);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(out)).toEqual(ld);
  });

  it("serializes arrays (several entities in one element)", () => {
    const out = serializeJsonLd([buildOrganization(site), buildWebSite(site, "ko")]);
    expect(JSON.parse(out)).toHaveLength(2);
  });
});

describe("article page description and JSON-LD", () => {
  it("takes the editor's SEO description, else the dek, else the teaser — never the gated text", () => {
    expect(articleDescription({ seoDescription: " 편집자 설명 ", dek: ["덱"] }, "티저")).toBe("편집자 설명");
    expect(articleDescription({ seoDescription: null, dek: ["첫 줄.", "둘째 줄."] }, "티저")).toBe("첫 줄. 둘째 줄.");
    expect(articleDescription({ seoDescription: "", dek: [] }, "티저 문단")).toBe("티저 문단");
    expect(Array.from(articleDescription({ seoDescription: null, dek: ["가".repeat(500)] }, "")).length).toBeLessThanOrEqual(200);
  });

  it("builds metadata from the teaser HTML only", () => {
    const src = { article: articleView({ dek: [] }), teaserHtml: "<p>티저 <strong>문단</strong>입니다.</p>", hasGatedPart: true };
    const meta = articlePageMetadata(src, PUBLICATION, BASE);
    expect(meta.description).toBe("티저 문단입니다.");
    expect(meta.alternates?.canonical).toBe("/articles/fiscal-rule");
    expect(meta.openGraph).toMatchObject({
      type: "article",
      locale: "ko_KR",
      images: [expect.objectContaining({ url: "/api/og/fiscal-rule", width: 1200, height: 630 })],
    });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image" });
    expect(meta.metadataBase?.toString()).toBe(`${BASE}/`);
    const ld = articlePageJsonLd(src, TIERS, PUBLICATION, BASE, NOW);
    expect(ld).toMatchObject({ isAccessibleForFree: false, hasPart: { cssSelector: ".paywalled-content" }, description: "티저 문단입니다." });
  });
});
