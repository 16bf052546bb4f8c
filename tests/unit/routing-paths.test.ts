import { describe, expect, it } from "vitest";
import { isInternalPath, isKnownReaderPath, localeRoute, matchArticlePath, normalizePath } from "@/lib/routing/paths";

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
  ])("%s is internal", (p) => expect(isInternalPath(p)).toBe(true));

  it.each(["/", "/tags/t", "/articles/t", "/today", "/tags", "/sections/t/x"])("%s is public", (p) => expect(isInternalPath(p)).toBe(false));

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
  it("serves Korean at bare paths and English under /en", () => {
    expect(localeRoute("/")).toEqual({ kind: "rewrite", to: "/ko", known: true });
    expect(localeRoute("/sections/economy")).toEqual({ kind: "rewrite", to: "/ko/sections/economy", known: true });
    expect(localeRoute("/en")).toEqual({ kind: "pass", known: true });
    expect(localeRoute("/en/search")).toEqual({ kind: "pass", known: true });
    expect(localeRoute("/ko/search")).toEqual({ kind: "redirect", to: "/search" });
    expect(localeRoute("/ko")).toEqual({ kind: "redirect", to: "/" });
  });

  it("flags unknown reader paths so the proxy answers 404", () => {
    expect(localeRoute("/nowhere")).toMatchObject({ known: false });
    expect(localeRoute("/en/nowhere")).toMatchObject({ known: false });
    expect(isKnownReaderPath("/tags/x/y")).toBe(false);
  });
});
