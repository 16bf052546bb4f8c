import { describe, expect, it } from "vitest";
import { publicationFileRoute, isInternalPath, isKnownReaderPath, isPreviewLinkPath, localeRoute, matchArticlePath, normalizePath } from "@/lib/routing/paths";

describe("internal per-tier paths", () => {
  it.each([
    "/t",
    "/t/",
    "/t/premium/articles/x",
    "/T/premium/articles/x",
    "/%74/premium/articles/x",
    "/%2574/premium/articles/x",
    "//t/premium/articles/x",
    "/./t/premium/articles/x",
    "\\t\\premium",
    "/t.rsc",
    "/t;x",
    "/ko/t/premium/articles/x",
    "/en/T/anon/articles/x",
    // The per-publication reader pages, reachable only through the Host's rewrite.
    "/p",
    "/p/data/ko",
    "/P/data/en/pricing",
    "/%70/data/ko/account",
    "/en/p/data/ko",
    "/p.rsc",
  ])("%s is internal", (p) => expect(isInternalPath(p)).toBe(true));

  it.each(["/", "/tags/t", "/articles/t", "/today", "/tags", "/sections/t/x", "/pricing", "/p-values", "/tags/p"])("%s is public", (p) =>
    expect(isInternalPath(p)).toBe(false),
  );

  it("normalizes every spelling alike, including malformed escapes", () => {
    expect(normalizePath("/A%2Fb//c")).toBe("/a/b/c");
    expect(normalizePath("/%E0%A4%A")).toBe("/%e0%a4%a");
  });
});

describe("article paths", () => {
  it("extracts slugs and rejects what cannot be a slug", () => {
    expect(matchArticlePath("/articles/energy-grid")).toBe("energy-grid");
    expect(matchArticlePath("/articles/energy-grid/")).toBe("energy-grid");
    expect(matchArticlePath("/articles/%ED%95%9C")).toBe("__invalid__");
    expect(matchArticlePath("/articles/%E0%A4%A")).toBeNull();
    expect(matchArticlePath("/articles/a/b")).toBeNull();
    expect(matchArticlePath("/articles/Upper")).toBe("__invalid__");
    expect(matchArticlePath("/authors/x")).toBeNull();
  });
});

describe("locale routing", () => {
  it("serves Korean at bare paths and English under /en, inside the Host's publication", () => {
    expect(localeRoute("/", "main")).toEqual({ kind: "rewrite", to: "/p/main/ko", known: true });
    expect(localeRoute("/sections/economy", "data")).toEqual({ kind: "rewrite", to: "/p/data/ko/sections/economy", known: true });
    expect(localeRoute("/en", "main")).toEqual({ kind: "rewrite", to: "/p/main/en", known: true });
    expect(localeRoute("/en/search", "data")).toEqual({ kind: "rewrite", to: "/p/data/en/search", known: true });
    expect(localeRoute("/feed.xml", "main")).toEqual({ kind: "rewrite", to: "/p/main/ko/feed.xml", known: true });
    expect(localeRoute("/en/feed.xml", "main")).toEqual({ kind: "rewrite", to: "/p/main/en/feed.xml", known: true });
    expect(localeRoute("/ko/search", "main")).toEqual({ kind: "redirect", to: "/search" });
    expect(localeRoute("/ko", "main")).toEqual({ kind: "redirect", to: "/" });
    expect(publicationFileRoute("/sitemap.xml", "data")).toBe("/p/data/sitemap.xml");
    expect(publicationFileRoute("/robots.txt", "main")).toBe("/p/main/robots.txt");
    expect(publicationFileRoute("/feed.xml", "main")).toBeNull();
  });

  it("knows the PortOne checkout page (it was answered 404 before)", () => {
    expect(localeRoute("/checkout/portone", "main")).toEqual({ kind: "rewrite", to: "/p/main/ko/checkout/portone", known: true });
    expect(isKnownReaderPath("/checkout/other")).toBe(false);
  });

  it("flags unknown reader paths so the proxy answers 404", () => {
    expect(localeRoute("/nowhere", "main")).toMatchObject({ known: false });
    expect(localeRoute("/en/nowhere", "main")).toMatchObject({ known: false });
    expect(isKnownReaderPath("/tags/x/y")).toBe(false);
  });
});

describe("draft preview links", () => {
  it("pass exactly /preview/{token} through to their route handler", () => {
    expect(isPreviewLinkPath("/preview/12.1.0.1790000000.AAAAAAAAAAAAAAAAAAAAAA")).toBe(true);
  });
  it.each(["/preview", "/preview/", "/preview/a/b", "/en/preview/x", "/preview/%2e%2e%2ft%2fx", "/t/preview/x", "/previews/x"])(
    "%s is not a preview link",
    (path) => {
      expect(isPreviewLinkPath(path)).toBe(false);
    },
  );
  it("a preview path is never internal, and never a reader page of its own", () => {
    expect(isInternalPath("/preview/x")).toBe(false);
    expect(isKnownReaderPath("/preview/x")).toBe(false);
  });
});
