import { expect, test, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { toPlainText } from "../lib/articles/plain-text";
import { splitPreview } from "../lib/articles/preview";
import { demoArticles, demoSections, GATED_MARKER, markedPiece, publicEn, publicKo } from "./fixtures";

type Ld = Record<string, unknown>;

// A piece an anonymous reader cannot read in full: gated, not (yet) unlocked, with text beyond the cut.
const isGatedForAnon = (a: (typeof demoArticles)[number]) =>
  a.access !== "public" && !(a.unlockInDays !== undefined && a.unlockInDays <= 0) && splitPreview(a.body, a.previewParagraphs ?? 3).gated !== null;
const gatedPieces = demoArticles.filter(isGatedForAnon);
const publicPieces = demoArticles.filter((a) => a.access === "public");

async function jsonLd(page: Page): Promise<Ld[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const parsed: Ld | Ld[] = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

const newsArticle = async (page: Page) => {
  const found = (await jsonLd(page)).filter((d) => d["@type"] === "NewsArticle");
  expect(found).toHaveLength(1);
  return found[0];
};

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "url", "xhtml:link", "category"].includes(name) });

function parseXml(body: string) {
  expect(XMLValidator.validate(body)).toBe(true);
  return xml.parse(body);
}

test.describe("structured data on pieces", () => {
  test("every gated piece says so, and the element its selector names holds nothing for anonymous readers", async ({ page }) => {
    expect(gatedPieces.length).toBeGreaterThanOrEqual(5);
    for (const piece of gatedPieces) {
      const res = await page.goto(`/articles/${piece.slug}`);
      expect(res?.status(), piece.slug).toBe(200);
      const ld = await newsArticle(page);
      expect(ld, piece.slug).toMatchObject({
        headline: piece.title,
        isAccessibleForFree: false,
        hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled-content" },
      });
      const selector = (ld.hasPart as { cssSelector: string }).cssSelector;
      const gatedEls = page.locator(selector);
      const count = await gatedEls.count();
      for (let i = 0; i < count; i++) expect((await gatedEls.nth(i).innerText()).trim(), piece.slug).toBe("");
      // …while the teaser renders, with the upsell after it.
      const teaserStart = toPlainText(splitPreview(piece.body, piece.previewParagraphs ?? 3).teaser).slice(0, 24);
      await expect(page.locator("main article").first()).toContainText(teaserStart);
      await expect(page.getByTestId("paywall")).toBeVisible();
    }
    await page.goto(`/articles/${markedPiece.slug}`);
    expect(await page.content()).not.toContain(GATED_MARKER);
  });

  test("public pieces are marked free and name their author, dates, section and image", async ({ page, baseURL }) => {
    for (const piece of publicPieces) {
      await page.goto(`/articles/${piece.slug}`);
      const ld = await newsArticle(page);
      expect(ld.isAccessibleForFree, piece.slug).toBe(true);
      expect(ld).not.toHaveProperty("hasPart");
      expect(ld).toMatchObject({ "@context": "https://schema.org", url: `${baseURL}/articles/${piece.slug}`, inLanguage: piece.locale });
      expect(ld.author).toEqual(
        expect.arrayContaining([expect.objectContaining({ "@type": "Person", url: expect.stringContaining(`/authors/${piece.authors[0]}`) })]),
      );
      expect(typeof ld.datePublished).toBe("string");
      expect(typeof ld.dateModified).toBe("string");
      expect(typeof ld.articleSection).toBe("string");
      expect(ld.image).toContain(`${baseURL}/api/og/${piece.slug}`);
      expect(ld.publisher).toMatchObject({ name: expect.any(String), logo: { url: expect.stringContaining("/api/og/site/logo") } });
    }
  });

  test("the home page names the organization and the site search", async ({ page, baseURL }) => {
    await page.goto("/");
    const lds = await jsonLd(page);
    expect(lds.find((d) => d["@type"] === "NewsMediaOrganization")).toMatchObject({ url: baseURL });
    expect(lds.find((d) => d["@type"] === "WebSite")).toMatchObject({
      potentialAction: { "@type": "SearchAction", target: { urlTemplate: `${baseURL}/search?q={search_term_string}` } },
    });
  });
});

test.describe("page metadata", () => {
  const href = (page: Page, selector: string) => page.locator(selector).first().getAttribute("href");
  const meta = (page: Page, attr: "name" | "property", key: string) => page.locator(`meta[${attr}="${key}"]`).first().getAttribute("content");

  test("pieces: canonical public URL, teaser-only description, Open Graph and Twitter cards with the share image", async ({ page, baseURL }) => {
    await page.goto(`/articles/${markedPiece.slug}`);
    expect(await href(page, 'link[rel="canonical"]')).toBe(`${baseURL}/articles/${markedPiece.slug}`);
    const description = await meta(page, "name", "description");
    expect(description).toContain(markedPiece.dek[0].slice(0, 20));
    expect(await meta(page, "property", "og:type")).toBe("article");
    expect(await meta(page, "property", "og:image")).toBe(`${baseURL}/api/og/${markedPiece.slug}`);
    expect(await meta(page, "name", "twitter:card")).toBe("summary_large_image");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    const head = await page.locator("head").innerHTML();
    expect(head).not.toContain(GATED_MARKER);

    await page.goto(`/articles/${publicEn.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await meta(page, "property", "og:locale")).toBe("en_US");
  });

  test("listing pages: canonical per language and hreflang alternates both ways", async ({ page, baseURL }) => {
    const section = demoSections[0].slug;
    for (const [path, canonical, lang] of [
      [`/sections/${section}`, `/sections/${section}`, "ko"],
      [`/en/sections/${section}`, `/en/sections/${section}`, "en"],
      [`/authors/${publicKo.authors[0]}`, `/authors/${publicKo.authors[0]}`, "ko"],
      [`/en/tags/${publicEn.tags[0].slug}`, `/en/tags/${publicEn.tags[0].slug}`, "en"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      expect(await href(page, 'link[rel="canonical"]'), path).toBe(`${baseURL}${canonical}`);
      const bare = canonical.replace(/^\/en/, "");
      expect(await href(page, 'link[rel="alternate"][hreflang="ko"]'), path).toBe(`${baseURL}${bare}`);
      expect(await href(page, 'link[rel="alternate"][hreflang="en"]'), path).toBe(`${baseURL}/en${bare}`);
      expect(await href(page, 'link[rel="alternate"][hreflang="x-default"]'), path).toBe(`${baseURL}${bare}`);
      expect(await meta(page, "property", "og:url"), path).toBe(`${baseURL}${canonical}`);
    }
    await page.goto("/en");
    expect(await href(page, 'link[rel="alternate"][hreflang="ko"]')).toMatch(new RegExp(`^${baseURL}/?$`));
    expect(await href(page, 'link[rel="alternate"][hreflang="en"]')).toBe(`${baseURL}/en`);
    // English pages advertise the English channel (the publication's English pieces only).
    expect(await href(page, 'link[rel="alternate"][type="application/rss+xml"]')).toBe(`${baseURL}/en/feed.xml`);
    const english = await (await page.request.get("/en/feed.xml")).text();
    expect(english).toContain(`/articles/${publicEn.slug}`);
    expect(english).not.toContain(`/articles/${publicKo.slug}`);
  });
});

test.describe("feeds, sitemap and robots", () => {
  test("/feed.xml is well-formed RSS: full text for public pieces, teasers for gated ones, ETag and 304", async ({ request, baseURL }) => {
    const res = await request.get("/feed.xml");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(res.headers()["cache-control"]).toContain("max-age=");
    const body = await res.text();
    expect(body).not.toContain(GATED_MARKER);
    const channel = parseXml(body).rss.channel;
    const items: Record<string, string>[] = channel.item;
    expect(items.length).toBe(Math.min(30, demoArticles.length));
    const bySlug = (slug: string) => items.find((i) => i.link === `${baseURL}/articles/${slug}`);

    const gatedItem = bySlug(markedPiece.slug);
    expect(gatedItem?.title).toBe(markedPiece.title);
    expect(gatedItem?.["content:encoded"]).toContain(`${baseURL}/articles/${markedPiece.slug}`);

    // A public piece's last paragraph is in its item: the full text, not a teaser.
    const lastPara = publicKo.body.trim().split(/\n\n/).pop()!;
    expect(toPlainText(bySlug(publicKo.slug)?.["content:encoded"] ?? "")).toContain(toPlainText(lastPara).slice(0, 20));

    const etag = res.headers()["etag"];
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await request.get("/feed.xml", { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe("");
  });

  test("a section feed is well-formed RSS of that section only", async ({ request, baseURL }) => {
    for (const prefix of ["", "/en"]) {
      const res = await request.get(`${prefix}/sections/${markedPiece.section}/feed.xml`);
      expect(res.status(), prefix).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
      const body = await res.text();
      expect(body).not.toContain(GATED_MARKER);
      const items: Record<string, string>[] = parseXml(body).rss.channel.item;
      const expected = demoArticles.filter((a) => a.section === markedPiece.section).map((a) => `${baseURL}/articles/${a.slug}`);
      expect(items.map((i) => i.link).sort()).toEqual(expected.sort());
    }
    expect((await request.get("/sections/no-such-section/feed.xml")).status()).toBe(404);
  });

  test("/sitemap.xml is well-formed and lists pieces, sections, authors and tags with lastmod", async ({ request, baseURL }) => {
    const res = await request.get("/sitemap.xml");
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(body).not.toContain(GATED_MARKER);
    const urls: { loc: string; lastmod?: string }[] = parseXml(body).urlset.url;
    const locs = urls.map((u) => u.loc);
    for (const a of demoArticles) expect(locs).toContain(`${baseURL}/articles/${a.slug}`);
    for (const s of demoSections) expect(locs).toEqual(expect.arrayContaining([`${baseURL}/sections/${s.slug}`, `${baseURL}/en/sections/${s.slug}`]));
    expect(locs).toContain(`${baseURL}/authors/${publicKo.authors[0]}`);
    expect(locs).toContain(`${baseURL}/tags/${publicKo.tags[0].slug}`);
    expect(locs.filter((l) => new URL(l).pathname.startsWith("/t/"))).toEqual([]);
    expect(urls.find((u) => u.loc === `${baseURL}/articles/${markedPiece.slug}`)?.lastmod).toBeTruthy();
  });

  test("robots.txt keeps crawlers out of the studio and internal paths and points to the sitemap", async ({ request, baseURL }) => {
    const res = await request.get("/robots.txt");
    expect(res.status()).toBe(200);
    const lines = (await res.text()).split("\n").map((l) => l.trim());
    for (const path of ["/studio", "/t/", "/api/", "/account"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain("Allow: /api/og/");
    expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });
});

test.describe("share images", () => {
  test("/api/og/{slug} is a PNG for Korean and English pieces, 404 for unknown ones", async ({ request }) => {
    for (const slug of [markedPiece.slug, publicEn.slug]) {
      const res = await request.get(`/api/og/${slug}`);
      expect(res.status(), slug).toBe(200);
      expect(res.headers()["content-type"]).toBe("image/png");
      const png = await res.body();
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      // 1200×630 from the IHDR chunk.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
    expect((await request.get("/api/og/no-such-piece")).status()).toBe(404);
    expect((await request.get("/api/og/site/logo")).headers()["content-type"]).toBe("image/png");
  });
});
